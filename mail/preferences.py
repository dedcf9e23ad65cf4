"""Who wants which optional notice, changing that, and the signed unsubscribe links."""

from __future__ import annotations

from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotPermitted
from foi import permissions
from mail.models import DigestFrequency, NotificationPreferences
from mail.notices import NOTICES, absolute

SWITCHES = (
    "requester_accepted",
    "requester_overdue",
    "officer_new_request",
    "officer_clarification_received",
    "officer_due_soon",
    "officer_overdue",
    "officer_appeals",
)
FIELDS = (*SWITCHES, "follower_digest")
_UNSUBSCRIBE_SALT = "mail.unsubscribe"


def preferences_of(user) -> NotificationPreferences:
    """The person's choices; the defaults (everything on, daily digest) if never changed."""
    found = NotificationPreferences.objects.filter(user=user).first()
    return found or NotificationPreferences(user=user)


def wants(user, notice_key: str, preferences: NotificationPreferences | None = None) -> bool:
    if not getattr(user, "is_active", False) or not getattr(user, "email", ""):
        return False
    field = NOTICES[notice_key].preference
    if field is None:
        return True
    preferences = preferences or preferences_of(user)
    value = getattr(preferences, field)
    return value != DigestFrequency.OFF if field == "follower_digest" else bool(value)


def notification_preferences_update(*, user, actor, **values) -> NotificationPreferences:
    """Change one's own optional notices."""
    if not permissions.is_person(actor) or actor.pk != user.pk:
        raise NotPermitted(_("You may only change your own notifications."))
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise InvalidInput(_("Unknown settings: %(names)s") % {"names": ", ".join(sorted(unknown))})
    preferences = preferences_of(user)
    for name, value in values.items():
        setattr(preferences, name, value)
    try:
        preferences.full_clean(exclude=["user", "digest_sent_until"])
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages), errors=error.message_dict) from error
    preferences.save()
    return preferences


def unsubscribe_token(user, field: str) -> str:
    return signing.dumps({"u": user.pk, "f": field}, salt=_UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(user, field: str) -> str:
    return absolute(reverse("foi_mail:unsubscribe", args=[unsubscribe_token(user, field)]))


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, preference field) from a link; InvalidInput if it was not ours."""
    try:
        data = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
        user_id, field = int(data["u"]), str(data["f"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidInput(_("This unsubscribe link is not valid.")) from error
    if field not in FIELDS:
        raise InvalidInput(_("This unsubscribe link is not valid."))
    return user_id, field


def notification_unsubscribe(*, token: str) -> tuple[object, str]:
    """Switch off what a signed link names; the link is the authority (RFC 8058 one-click).
    Returns (user, field)."""
    from django.contrib.auth import get_user_model

    user_id, field = read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise InvalidInput(_("This unsubscribe link is not valid."))
    preferences = preferences_of(user)
    setattr(preferences, field, DigestFrequency.OFF if field == "follower_digest" else False)
    preferences.save()
    return user, field


def notifications_off_after_complaint(*, user) -> None:
    """Someone marked a notice as spam: stop every optional notice to them."""
    preferences = preferences_of(user)
    for field in SWITCHES:
        setattr(preferences, field, False)
    preferences.follower_digest = DigestFrequency.OFF
    preferences.save()
