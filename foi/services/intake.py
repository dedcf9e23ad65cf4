"""Intake on behalf: an officer registers an oral, phone, postal or walk-in request.

The officer types who the requester is: a name, and a phone number or a postal address. That
person is kept as an account that cannot sign in: inactive, with an unusable password and an
address on the reserved ``no-account.invalid`` domain (``User.has_account``), so that their
contact details live where every requester's live (private to the parties) and the audit trail
names them like anyone else.

An officer never attaches a request to someone's account. If the requester gave an e-mail
address, a link is sent to it: whoever holds an account with that (verified) address may join
the request to it, and only then does it become theirs. The officer is told the same whether or
not the address has an account, and never sees what an account holds.
"""

from __future__ import annotations

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import Conflict, InvalidInput, NotPermitted
from foi import permissions
from foi.models import Channel, FOIRequest, Message
from foi.models.users import NO_ACCOUNT_DOMAIN
from foi.services.filing import foi_request_file
from foi.services.submission import foi_request_create_draft
from foi.signals import requester_invited

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "organisation",
    "phone",
    "postal_address",
    "preferred_language",
)


def _person_without_account(person: dict):
    unknown = set(person) - set(PERSON_FIELDS)
    if unknown:
        raise InvalidInput(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    values = {name: (person.get(name) or "").strip() for name in PERSON_FIELDS}
    if not (values["first_name"] or values["last_name"]):
        raise InvalidInput(
            _("Write the requester's name."), errors={"first_name": [""], "last_name": [""]}
        )
    if not (values["phone"] or values["postal_address"]):
        raise InvalidInput(
            _("Write a phone number or a postal address: the answer must reach the requester."),
            errors={"phone": [""], "postal_address": [""]},
        )
    values["preferred_language"] = values["preferred_language"] or "az"
    user = get_user_model()(
        email=f"requester-{uuid.uuid4().hex}@{NO_ACCOUNT_DOMAIN}", is_active=False, **values
    )
    user.set_unusable_password()
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages), errors=error.message_dict) from error
    user.save()
    return user


def foi_request_register_for(
    *,
    officer,
    body,
    channel: str,
    person: dict | None = None,
    requester_email: str = "",
    received_at=None,
    **fields,
) -> FOIRequest:
    """Register a request received by ``channel`` on ``received_at`` (the clock starts from
    it), for the ``person`` the officer describes. With ``requester_email``, that address is
    sent a link by which the holder of an account with it may join the request to the account
    (``foi_request_requester_join``); whether it has one makes no difference here."""
    if not permissions.is_member(officer, body.pk):
        raise NotPermitted(_("Only the body's officers may register a request for someone."))
    if channel not in Channel.values or channel == Channel.WEB:
        raise InvalidInput(
            _("Choose how the request came in: by post, in person, by phone, fax or e-mail."),
            errors={"channel": [channel]},
        )
    if not person:
        raise InvalidInput(_("Say who the requester is: their name, and a phone or an address."))
    email = (requester_email or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise InvalidInput(
                _("Check the e-mail address: it is not one."), errors={"requester_email": [email]}
            ) from error
    with transaction.atomic():
        requester = _person_without_account(person)
        draft = foi_request_create_draft(
            requester=requester, body=body, channel=channel, registered_by=officer, **fields
        )
        # Filed like every request (foi_request_file), by the officer for the requester.
        foi_request = foi_request_file(foi_request=draft, actor=officer, received_at=received_at)
        if email:
            # E-mail (the mail app) queues the invitation in this transaction: no request
            # without its invitation, no invitation for a request that was rolled back.
            requester_invited.send(
                sender=FOIRequest,
                foi_request=foi_request,
                email=email,
                token=requester_invitation_token(foi_request=foi_request, email=email),
                max_age=INVITATION_MAX_AGE,
            )
    return foi_request


# -- joining a registered request to one's account ---------------------------------------------

INVITATION_SALT = "foi.requester-invitation"
INVITATION_MAX_AGE = datetime.timedelta(days=30)


def requester_invitation_token(*, foi_request: FOIRequest, email: str) -> str:
    """Signed: the request, the person the officer registered, and the address it went to."""
    return signing.dumps(
        {"r": foi_request.pk, "p": foi_request.requester_id, "e": email.strip().lower()},
        salt=INVITATION_SALT,
        compress=True,
    )


def requester_invitation_check(*, token: str, user) -> FOIRequest:
    """The request this link lets ``user`` join to their account; a refusal otherwise."""
    refused = InvalidInput(
        _("This link is not valid, or it has expired. Ask the body to send a new one.")
    )
    try:
        claim = signing.loads(
            token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE.total_seconds()
        )
        request_id, person_id, email = int(claim["r"]), int(claim["p"]), str(claim["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise refused from error
    if not permissions.is_person(user) or not user.has_account:
        raise NotPermitted(_("Sign in to join this request to your account."))
    if not _has_verified_address(user, email):
        raise NotPermitted(
            _(
                "This link was sent to another e-mail address. Sign in with the account that "
                "uses it (after confirming the address), then open the link again."
            )
        )
    foi_request = (
        FOIRequest.objects.select_related("body", "law", "requester").filter(pk=request_id).first()
    )
    if foi_request is None:
        raise refused
    if foi_request.requester_id == user.pk:
        raise Conflict(_("This request is already in your account."))
    if foi_request.requester_id != person_id or foi_request.requester.has_account:
        raise Conflict(_("This request was already joined to an account."))
    return foi_request


def _has_verified_address(user, email: str) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def foi_request_requester_join(*, token: str, user) -> FOIRequest:
    """The invited person's consent: the request becomes theirs (their account's name and
    contact details then serve it, as for any request of theirs). Recorded on the trail."""
    from foi.services.audit import case_event_record
    from foi.services.base import lock_request

    with transaction.atomic():
        foi_request = requester_invitation_check(token=token, user=user)
        locked = lock_request(foi_request)
        registered_person = locked.requester
        if locked.requester_id != foi_request.requester_id:
            raise Conflict(_("This request was already joined to an account."))
        locked.requester = user
        Message.objects.filter(foi_request=locked, author=registered_person).update(author=user)
        case_event_record(
            foi_request=locked,
            kind="requester_joined",
            actor=user,
            audience="parties",
        )
        locked.save()
        # What the officer typed about them is no longer needed by anyone.
        if not FOIRequest.objects.filter(requester=registered_person).exists():
            type(registered_person).objects.filter(pk=registered_person.pk).update(
                first_name="", last_name="", organisation="", phone="", postal_address=""
            )
    return locked
