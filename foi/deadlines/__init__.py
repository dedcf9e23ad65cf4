"""When an answer, a notice or an appeal decision is due, computed from a law and a case history.

Pure functions: no database access, and no rule that is not read from the ``Law`` row. Everything
is computed in the law's own time zone; a day-based deadline ends at 23:59:59 local time on its
last day. Every computation also returns the steps that led to it, so that the reasoning can be
stored with the request and shown later in any language (``explain``).

- ``calendar``: working days, holidays, time zone and office hours; ``DeadlineError``, ``Step``,
  ``Deadline``.
- ``periods``: adding a period to a moment; the single deadlines; working days late or left.
- ``replay``: ``compute_due``, the clock replayed over a request's history.
- ``names``: holiday names and the weekend word in the reader's language.
- ``explanations``: the stored steps in words (``explain``).
- ``law_text``: a law's rules in plain words (body pages).
"""

from foi.deadlines.calendar import (
    END_OF_DAY,
    Deadline,
    DeadlineError,
    Step,
    is_working_day,
    non_working_reason,
)
from foi.deadlines.explanations import explain
from foi.deadlines.periods import (
    appeal_decision_due,
    appeal_lodge_deadline,
    clarification_lapse_at,
    clarification_notice_deadline,
    extension_notice_deadline,
    fee_payment_lapse_at,
    period_end,
    transfer_deadline,
    very_overdue_at,
    very_overdue_due_before,
    working_days_late,
    working_days_left,
)
from foi.deadlines.replay import compute_due

__all__ = [
    "END_OF_DAY",
    "Deadline",
    "DeadlineError",
    "Step",
    "appeal_decision_due",
    "appeal_lodge_deadline",
    "clarification_lapse_at",
    "clarification_notice_deadline",
    "compute_due",
    "explain",
    "extension_notice_deadline",
    "fee_payment_lapse_at",
    "is_working_day",
    "non_working_reason",
    "period_end",
    "transfer_deadline",
    "very_overdue_at",
    "very_overdue_due_before",
    "working_days_late",
    "working_days_left",
]
