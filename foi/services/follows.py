"""Following a request or a body."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core import clock
from core.errors import InvalidInput, NotPermitted, NotVisible
from foi import permissions
from foi.models import FOIRequest, Follow, PublicBody, State


def follow_create(*, user, foi_request: FOIRequest | None = None, body: PublicBody | None = None):
    """Follow one request or one body; following twice is harmless and returns the same row."""
    if (foi_request is None) == (body is None):
        raise InvalidInput(_("Follow either a request or a body."))
    if not permissions.is_person(user):
        raise NotPermitted(_("Sign in to follow."))
    if foi_request is not None:
        if foi_request.state == State.DRAFT or not permissions.can_view_request(foi_request, user):
            raise NotVisible("No such request.")
        target = {"foi_request": foi_request}
    else:
        target = {"body": body}
    try:
        with transaction.atomic():
            follow, _created = Follow.objects.get_or_create(
                user=user, **target, defaults={"created_at": clock.now()}
            )
    except IntegrityError:
        # Two clicks at once: the other one created it.
        follow = Follow.objects.get(user=user, **target)
    return follow


def follow_delete(*, user, foi_request: FOIRequest | None = None, body: PublicBody | None = None):
    """Stop following; stopping what one does not follow is harmless."""
    if (foi_request is None) == (body is None):
        raise InvalidInput(_("Unfollow either a request or a body."))
    target = {"foi_request": foi_request} if foi_request is not None else {"body": body}
    Follow.objects.filter(user=user, **target).delete()
