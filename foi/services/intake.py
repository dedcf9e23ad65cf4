"""Intake on behalf: an officer registers an oral, phone, postal or walk-in request.

The requester either has an account (found by its e-mail address) or has none. A person
without an account is kept as an account that cannot sign in: inactive, with an unusable
password and an address on the reserved ``no-account.invalid`` domain (``User.has_account``),
so that their name, phone and postal address live where every requester's contact details live
(private to the parties) and the audit trail names them like anyone else.
"""

from __future__ import annotations

import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from foi import permissions
from foi.models import Channel, FOIRequest
from foi.models.users import NO_ACCOUNT_DOMAIN
from foi.services.errors import InvalidInput, NotPermitted
from foi.services.submission import foi_request_register

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "organisation",
    "phone",
    "postal_address",
    "preferred_language",
)


def _account_for(email: str):
    email = (email or "").strip()
    requester = get_user_model().objects.filter(email__iexact=email).first() if email else None
    if requester is None or not requester.has_account:
        raise InvalidInput(
            _(
                "No account uses the address %(email)s. Check it, or register the request "
                "for a person without an account."
            )
            % {"email": email or "-"},
            errors={"requester_email": [email]},
        )
    if not requester.is_active:
        raise InvalidInput(
            _("The account of %(email)s is closed; register the request without an account.")
            % {"email": email},
            errors={"requester_email": [email]},
        )
    return requester


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
    requester_email: str = "",
    person: dict | None = None,
    received_at=None,
    **fields,
) -> FOIRequest:
    """Register a request received by ``channel`` on ``received_at`` (the clock starts from
    it), for the account with ``requester_email`` or for a ``person`` without an account."""
    if not permissions.is_member(officer, body.pk):
        raise NotPermitted(_("Only the body's officers may register a request for someone."))
    if channel not in Channel.values or channel == Channel.WEB:
        raise InvalidInput(
            _("Choose how the request came in: by post, in person, by phone, fax or e-mail."),
            errors={"channel": [channel]},
        )
    if bool(requester_email) == bool(person):
        raise InvalidInput(
            _("Give either the requester's account e-mail or their details, not both.")
            if requester_email
            else _("Say who the requester is: their account e-mail, or their name and contact."),
        )
    with transaction.atomic():
        requester = (
            _account_for(requester_email) if requester_email else _person_without_account(person)
        )
        return foi_request_register(
            officer=officer,
            requester=requester,
            body=body,
            received_at=received_at,
            channel=channel,
            **fields,
        )
