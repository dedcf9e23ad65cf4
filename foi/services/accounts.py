"""A person's own account: their profile, and closing the account.

Closing cannot delete the row: the audit trail and the public record name it (both PROTECT it).
So the account is anonymised instead: everything that identifies or reaches the person is
scrubbed, and the requests stay on the public record under the public name chosen for each.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotPermitted
from foi import permissions
from foi.models import FOIRequest, Follow, Membership, State
from foi.services.submission import foi_request_discard

PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "organisation",
    "postal_address",
    "phone",
    "preferred_language",
)
# RFC 2606 reserves .invalid: no mail to a closed account can ever reach anyone.
CLOSED_ACCOUNT_DOMAIN = "closed-account.invalid"


def user_update_profile(*, user, **changes):
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise InvalidInput(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    if not permissions.is_person(user):
        raise NotPermitted(_("Sign in to change your profile."))
    with transaction.atomic():
        locked = get_user_model().objects.select_for_update().get(pk=user.pk)
        for name, value in changes.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        try:
            locked.full_clean(exclude=["password", "email"], validate_constraints=False)
        except ValidationError as error:
            raise InvalidInput(" ".join(error.messages), errors=error.message_dict) from error
        locked.save(update_fields=list(changes))
    return locked


def user_record_verified_name(*, user, name: str, verified_by: str):
    """Keep the name a state identity provider vouched for (foi.auth.social), with the
    provider's name and the time. An empty name clears nothing: the provider said nothing."""
    name = " ".join((name or "").split())[:300]
    verified_by = " ".join((verified_by or "").split())[:100]
    if not name or not verified_by:
        return user
    get_user_model().objects.filter(pk=user.pk).update(
        verified_name=name, name_verified_by=verified_by, name_verified_at=timezone.now()
    )
    user.verified_name, user.name_verified_by = name, verified_by
    return user


def user_delete_account(*, user):
    """Close the account: scrub the person, keep the record.

    Drafts (which nobody else can read) are deleted; follows, e-mail addresses and second
    factors are removed; the name, contact details and e-mail become empty or a placeholder on
    a reserved domain; the password becomes unusable and the account inactive, which also signs
    out every other session. Submitted requests, their messages and the audit trail stay.
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    if not permissions.is_person(user):
        raise NotPermitted(_("Sign in to close your account."))
    if user.is_staff or user.is_superuser or Membership.objects.filter(user=user).exists():
        raise NotPermitted(
            _(
                "Accounts of officers and staff are closed by an administrator, so that their "
                "work is handed over first."
            )
        )
    with transaction.atomic():
        locked = get_user_model().objects.select_for_update().get(pk=user.pk)
        for draft in FOIRequest.objects.filter(requester=locked, state=State.DRAFT):
            foi_request_discard(foi_request=draft, actor=locked)
        Follow.objects.filter(user=locked).delete()
        EmailAddress.objects.filter(user=locked).delete()
        Authenticator.objects.filter(user=locked).delete()
        SocialAccount.objects.filter(user=locked).delete()
        locked.verified_name = ""
        locked.name_verified_by = ""
        locked.name_verified_at = None
        locked.first_name = ""
        locked.last_name = ""
        locked.organisation = ""
        locked.postal_address = ""
        locked.phone = ""
        locked.email = f"closed-{locked.pk}@{CLOSED_ACCOUNT_DOMAIN}"
        locked.set_unusable_password()
        locked.is_active = False
        locked.save()
    return locked
