"""When a transition may happen: pure predicates over a request, named ``is_*``/``has_*``.

Each carries the sentence a person sees when it does not hold (``UNMET``).
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import clock
from core.inputs import is_visibly_empty

PRIVATE_FOR_AT_MOST = datetime.timedelta(days=365)


def _now():
    return clock.now()


def is_public(foi_request) -> bool:
    if foi_request.visibility == "public":
        return True
    until = foi_request.private_until
    return until is not None and until <= timezone.localdate(clock.now())


def is_open(foi_request) -> bool:
    from foi.models.request import OPEN_STATES

    return foi_request.state in OPEN_STATES


def is_overdue(foi_request, now=None) -> bool:
    due = foi_request.due_at
    return bool(is_open(foi_request) and due is not None and (now or _now()) > due)


def is_very_overdue(foi_request, now=None) -> bool:
    """Overdue, and past the law's very-overdue tier (``Law.very_overdue_after_working_days``
    working days after the due day)."""
    from foi import deadlines

    now = now or _now()
    if not is_overdue(foi_request, now):
        return False
    cutoff = deadlines.very_overdue_due_before(foi_request.law, now=now)
    return cutoff is not None and foi_request.due_at < cutoff


def is_complete(foi_request) -> bool:
    """The request has a subject and a text, and an urgent one its justification."""
    # Zero-width spaces and the like show nothing: a subject of them is no subject.
    has_words = not (is_visibly_empty(foi_request.subject) or is_visibly_empty(foi_request.text))
    justified = foi_request.urgency == "normal" or not is_visibly_empty(
        foi_request.urgency_justification
    )
    return has_words and justified


def has_valid_privacy(foi_request) -> bool:
    """A private request becomes public on a date within twelve months."""
    if foi_request.visibility == "public":
        return True
    until = foi_request.private_until
    today = timezone.localdate(clock.now())
    return until is not None and today < until <= today + PRIVATE_FOR_AT_MOST


def has_extensions_left(foi_request) -> bool:
    """The law allows another extension."""
    law = foi_request.law
    return bool(law.extension_value) and foi_request.extensions_count < law.extension_max_count


def is_not_urgent(foi_request) -> bool:
    """The request is not urgent."""
    return foi_request.urgency == "normal"


def is_clarification_lapsed(foi_request, now=None) -> bool:
    """The law's period for the requester's reply has passed."""
    lapses_at = foi_request.clarification_lapses_at
    return lapses_at is not None and (now or _now()) >= lapses_at


def has_fees(foi_request) -> bool:
    """The request's law lets a body charge a fee (``Law.charges_fees``)."""
    return foi_request.law.charges_fees()


def is_fee_unpaid_too_long(foi_request, now=None) -> bool:
    """The law's time to pay the estimate has passed."""
    lapses_at = foi_request.fee_payment_lapses_at
    return lapses_at is not None and (now or _now()) >= lapses_at


def is_appealable(foi_request) -> bool:
    """A level of the appeal route is open now (see foi.appeal_route)."""
    from foi.appeal_route import available_levels

    return bool(available_levels(foi_request))


UNMET = {
    is_complete: _(
        "A request needs a subject and a text, and an urgent one needs its justification."
    ),
    has_valid_privacy: _(
        "A private request needs a date within the next twelve months when it becomes public."
    ),
    has_extensions_left: _("The law allows no further extension of this request."),
    is_not_urgent: _("An urgent request cannot be extended."),
    is_clarification_lapsed: _("The requester still has time to reply to the clarification."),
    has_fees: _("The law of this request lets no body charge a fee for it."),
    is_fee_unpaid_too_long: _(
        "The requester still has time to pay, or the law does not let an unpaid request be closed."
    ),
    is_appealable: _(
        "No appeal is open now: a request can be appealed once the body has decided or its "
        "deadline has passed, at a level of the law's appeal route not yet used."
    ),
}
