"""A person's calendar feed token: made on first use, replaced on reset (the old address then
opens nothing)."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import NotPermitted
from foi import permissions
from foi.models import CalendarFeedToken


def _new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits: not guessable, 43 characters


def _require_person(user) -> None:
    if not permissions.is_person(user):
        raise NotPermitted(_("Sign in to have a calendar feed."))


def calendar_feed_token_ensure(*, user) -> CalendarFeedToken:
    """The person's token, made now if they have none."""
    _require_person(user)
    found, _created = CalendarFeedToken.objects.get_or_create(
        user=user, defaults={"token": _new_token()}
    )
    return found


def calendar_feed_token_reset(*, user) -> CalendarFeedToken:
    """A new token for the person; the old address stops working at once."""
    _require_person(user)
    with transaction.atomic():
        found, created = CalendarFeedToken.objects.select_for_update().get_or_create(
            user=user, defaults={"token": _new_token()}
        )
        if not created:
            found.token = _new_token()
            found.save(update_fields=["token", "created_at"])
    return found
