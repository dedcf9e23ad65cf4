"""Fees, where the request's law allows them (docs/laws.md, "Fees").

The officer records the class of a request (free, discounted or paid: an addition to the case
file, no state change). For a paid request the officer sends an estimate (``estimate_fee``): the
request waits for payment, and the clock stops if the law says so. Recording the payment
(``record_payment``) or waiving the fee (``waive_fee``) starts it again; a fee left unpaid past
the law's time to pay lets the daily sweep close the request (``close_unpaid``).
"""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core import clock
from core.errors import InvalidInput, NotPermitted, ServiceError, TransitionNotAllowed
from foi import deadlines, permissions, transitions
from foi.actors import SYSTEM, author_of
from foi.models import FOIRequest, Message, MessageKind, State
from foi.models.law import FeeClass
from foi.services.base import require_text, run_transition
from foi.services.case import Entry, foi_request_append
from foi.services.clock import clock_note

logger = logging.getLogger(__name__)

# The states in which the body still handles the request, so may class it.
CLASSABLE_STATES = (
    State.SUBMITTED,
    State.IN_PROGRESS,
    State.AWAITING_CLARIFICATION,
    State.AWAITING_PAYMENT,
)


def _amount(value) -> Decimal:
    rule = transitions.rule("estimate_fee", "amount")
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise InvalidInput(rule.says(), errors={rule.field: [str(value)]}) from None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(rule.says(), errors={rule.field: [str(value)]})
    if amount >= Decimal("10000000000"):
        raise InvalidInput(rule.says(), errors={rule.field: [str(value)]})
    return amount


def foi_request_record_fee_class(*, foi_request: FOIRequest, actor, fee_class: str):
    """Record whether the request is free, discounted or paid, as the law classes it."""

    def write(locked, at):
        if locked.state not in CLASSABLE_STATES:
            raise TransitionNotAllowed(
                _("The fee class is recorded while the body handles the request.")
            )
        if not permissions.can_record_fee_class(locked, actor):
            raise NotPermitted(_("Only the officer handling the request may record its fee class."))
        law = locked.law
        if not law.fees_apply:
            raise TransitionNotAllowed(_("The law of this request lets no body charge a fee."))
        if fee_class not in law.fee_classes:
            allowed = ", ".join(str(FeeClass(c).label).lower() for c in law.fee_classes)
            raise InvalidInput(
                _("Choose one of the classes the law has: %(classes)s.") % {"classes": allowed},
                errors={"fee_class": [str(fee_class)]},
            )
        if locked.state == State.AWAITING_PAYMENT and fee_class != FeeClass.PAID:
            raise TransitionNotAllowed(
                _("An estimate is awaiting payment: record the payment or waive the fee instead.")
            )
        if locked.fee_class == fee_class:
            return None
        before = locked.fee_class
        locked.fee_class = fee_class
        FOIRequest.objects.filter(pk=locked.pk).update(fee_class=fee_class)
        return Entry(data={"fee_class": fee_class, "before": before})

    appended = foi_request_append(
        foi_request=foi_request, actor=actor, kind="fee_class", audience="public", write=write
    )
    return appended.foi_request if appended else foi_request


def foi_request_estimate_fee(
    *, foi_request: FOIRequest, actor, amount, currency: str = "", text: str
) -> FOIRequest:
    """Send the requester an estimate of the fee for a paid request."""
    amount = _amount(amount)
    text = require_text(text, transitions.rule("estimate_fee", "explanation").says())
    currency = (currency or "").strip().upper()
    values = {}

    def prepare(locked, at):
        law = locked.law
        wanted = law.fee_currency
        if currency and currency != wanted:
            rule = transitions.rule("estimate_fee", "currency")
            raise InvalidInput(rule.says(law=law, currency=wanted), errors={rule.field: [currency]})
        values["currency"] = wanted

    def apply(locked, at):
        locked.fee_currency = values["currency"]
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.FEE_ESTIMATE,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=text,
            created_at=at,
        )
        if locked.first_response_at is None:
            locked.first_response_at = at
        clock_note(locked, "fee_estimated", at)
        lapses = deadlines.fee_payment_lapse_at(locked.law, estimated_at=at)
        locked.fee_payment_lapses_at = lapses
        return {
            "message": message,
            "data": {
                "amount": str(amount),
                "currency": locked.fee_currency,
                "lapses_at": lapses.isoformat() if lapses else None,
                "pauses_clock": bool(locked.law.fee_estimate_pauses_clock),
            },
        }

    return run_transition(
        foi_request=foi_request,
        actor=actor,
        name="estimate_fee",
        call_kwargs={"amount": amount},
        prepare=prepare,
        apply=apply,
    )


def foi_request_record_payment(*, foi_request: FOIRequest, actor, text: str = "") -> FOIRequest:
    """The body received the fee: the request goes on, and a stopped clock runs again."""

    def apply(locked, at):
        clock_note(locked, "fee_settled", at, how="paid")
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.FEE_NOTICE,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=text.strip() or _("The fee was paid."),
            created_at=at,
        )
        return {"message": message, "data": {"due_at": locked.due_at.isoformat()}}

    return run_transition(foi_request=foi_request, actor=actor, name="record_payment", apply=apply)


def foi_request_waive_fee(*, foi_request: FOIRequest, actor, text: str) -> FOIRequest:
    """The body waives the fee: the request goes on free, and a stopped clock runs again."""
    text = require_text(text, transitions.rule("waive_fee", "reason").says())

    def apply(locked, at):
        clock_note(locked, "fee_settled", at, how="waived")
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.FEE_NOTICE,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=text,
            created_at=at,
        )
        return {"message": message, "data": {"due_at": locked.due_at.isoformat()}}

    return run_transition(foi_request=foi_request, actor=actor, name="waive_fee", apply=apply)


def foi_request_close_unpaid(*, foi_request: FOIRequest, actor=SYSTEM) -> FOIRequest:
    """Close a request whose fee was not paid within the law's time."""

    def apply(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.LAPSE_NOTICE,
            audience="public",
            text=_("Closed: the fee was not paid in the time the law allows."),
            created_at=at,
        )
        return {"message": message, "data": {}}

    return run_transition(foi_request=foi_request, actor=actor, name="close_unpaid", apply=apply)


def foi_requests_close_unpaid_due(*, now=None) -> int:
    """The daily sweep: close every request whose time to pay is up. Returns how many."""
    now = now or clock.now()
    due = FOIRequest.objects.filter(state=State.AWAITING_PAYMENT, fee_payment_lapses_at__lte=now)
    count = 0
    for foi_request in due.iterator():
        try:
            foi_request_close_unpaid(foi_request=foi_request)
        except ServiceError as error:
            logger.info("Not closing %s: %s", foi_request.reference, error)
            continue
        count += 1
    return count
