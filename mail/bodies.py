"""A body's request address: flagged when mail to it fails, fixed by an administrator, and
then the letters that did not arrive are sent again."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from core import clock
from core.errors import InvalidInput, NotPermitted
from foi.models import BodyContactChange, DeliveryStatus, FOIRequest, PublicBody, State
from foi.services.case import Entry, foi_request_append

# States in which the body still has to answer, so a letter that did not arrive matters.
AWAITING_BODY = (
    State.SUBMITTED,
    State.IN_PROGRESS,
    State.AWAITING_CLARIFICATION,
    State.AWAITING_PAYMENT,
)


def public_body_flag_address(*, body: PublicBody, problem: str, at=None) -> None:
    """Mark the body's request address as needing repair (shown in the admin)."""
    at = at or clock.now()
    PublicBody.objects.filter(pk=body.pk).update(
        request_email_needs_repair=True,
        request_email_problem=(problem or "")[:300],
        request_email_problem_at=at,
    )
    body.request_email_needs_repair = True
    body.request_email_problem = (problem or "")[:300]
    body.request_email_problem_at = at


def public_body_update_request_email(*, body: PublicBody, request_email: str, actor) -> int:
    """Set a body's request address and clear its repair flag; every letter to it that bounced
    or could not be sent goes out again to the new address. Returns how many were re-sent."""
    if not (getattr(actor, "is_active", False) and actor.has_perm("foi.change_publicbody")):
        raise NotPermitted(_("You may not change public bodies."))
    request_email = (request_email or "").strip()
    if not request_email:
        raise InvalidInput(_("Enter the body's request e-mail."))
    try:
        validate_email(request_email)
    except ValidationError as error:
        raise InvalidInput(
            _("Enter a valid e-mail address."), errors={"request_email": error.messages}
        ) from error
    with transaction.atomic():
        locked = PublicBody.objects.select_for_update().get(pk=body.pk)
        if locked.request_email != request_email:
            # The body's contact history (foi.models.BodyContactChange) keeps admins' changes
            # as well as accepted suggestions.
            BodyContactChange.objects.create(
                body=locked,
                field="request_email",
                old=locked.request_email,
                new=request_email,
                changed_by=actor,
                changed_at=clock.now(),
            )
        locked.request_email = request_email
        locked.request_email_needs_repair = False
        locked.request_email_problem = ""
        locked.request_email_problem_at = None
        locked.save(
            update_fields=[
                "request_email",
                "request_email_needs_repair",
                "request_email_problem",
                "request_email_problem_at",
                "updated_at",
            ]
        )
        body.__dict__.update(
            {
                name: getattr(locked, name)
                for name in ("request_email", "request_email_needs_repair")
            }
        )
        resent = bounced_letters_resend(body=locked, actor=actor)
    return resent


def bounced_letters_resend(*, body: PublicBody, actor) -> int:
    """Send again, to the body's (new) request address, the letter of each request still
    waiting for it whose letter bounced or could not be sent; each goes on its case as
    "email_resent". Returns how many were sent. Callers have checked who may do it."""
    from mail.notify import body_is_emailed

    if not body_is_emailed(body):
        return 0
    resent = 0
    undelivered = FOIRequest.objects.filter(
        body=body,
        state__in=AWAITING_BODY,
        messages__kind="letter",
        messages__delivery_status__in=[DeliveryStatus.BOUNCED, DeliveryStatus.FAILED],
    ).distinct()
    for foi_request in undelivered:
        if _letter_resend(foi_request, body=body, actor=actor) is not None:
            resent += 1
    return resent


def on_body_suggestion_decided(sender, *, suggestion, **kwargs) -> None:
    """A moderator decided a suggestion (foi.services.body_suggestions), and it committed: an
    accepted request address gets the letters that bounced to the old one; the suggester is
    told, in their language."""
    from foi.models import BodyField, BodySuggestionStatus
    from mail.notify import tell_person

    accepted = suggestion.status == BodySuggestionStatus.ACCEPTED
    resent = 0
    if accepted and suggestion.field == BodyField.REQUEST_EMAIL and suggestion.body_id:
        body = PublicBody.objects.get(pk=suggestion.body_id)
        resent = bounced_letters_resend(body=body, actor=suggestion.decided_by)
    person = suggestion.suggested_by
    if not (person.is_active and person.email):
        return
    body = suggestion.created_body or suggestion.body
    tell_person(
        person,
        "body_suggestion_accepted" if accepted else "body_suggestion_declined",
        suggestion=suggestion,
        body=body,
        body_url=_body_url(body),
        resent=resent,
    )


def _body_url(body) -> str:
    from django.urls import reverse

    from mail.notices import absolute

    return absolute(reverse("foi:body_detail", args=[body.slug])) if body else ""


def _letter_resend(foi_request: FOIRequest, *, body: PublicBody, actor):
    """Send the request's letter again, recorded on its case; None if it could not be sent."""
    from mail.notify import Fanout, body_email_send, letter_of
    from mail.replylinks import reply_link_issue

    # The letter's reply link for the new address, issued first (its own event), so that the
    # letter sent inside the append below finds it (appends do not nest).
    reply_link_issue(foi_request=foi_request, body=body, address=body.request_email)

    def write(locked, at):
        letter = letter_of(locked)
        fanout = Fanout(None, foi_request=locked)
        if body_email_send(fanout, body=body, key="letter", message=letter) is None:
            return None
        return Entry(message=letter, data={"body": body.pk})

    return foi_request_append(
        foi_request=foi_request, actor=actor, kind="email_resent", audience="parties", write=write
    )
