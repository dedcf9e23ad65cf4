"""Every duty the law sets a time for, besides the answer itself, and whether each was met.

A request may give rise to several duties, each owed by one body by one moment:

- ``transfer``: forwarding a request to the body that holds the information
  (``Law.transfer_*``), counted from the moment the forwarding body received the request;
- ``clarification_notice``: telling the requester what is missing or unclear
  (``Law.clarification_notice_*``), counted the same way;
- ``extension_notice``: telling the requester the body is taking longer
  (``Law.extension_notice_*``), counted the same way;
- ``urgent_relevance`` and ``urgent_life``: the decision on an urgent request
  (``Law.urgent_*``), due at the due moment in force when it was decided (as the answer's
  ``on_time``), or, while undecided, at the request's due moment now;
- ``appeal_decision``: the decision on an appeal, due at ``Appeal.due_at``
  (``AppealLevel.decide_within_*``).

"Counted from receipt" means from the latest of: the body's receipt, the request's reopening
after an appeal, and the requester's reply to a clarification (a new question, or a transfer,
after the reply is owed within the law's period of it). A duty whose period the law does not
set is not measured. Each duty is counted at the body that owed it (an appeal's at the body the
request was made to, whoever reviews it), with the requests that body received in the period.

A duty's status (``DutyFact.status``): ``on_time`` (done at or before its due moment), ``late``
(done after it), ``missed`` (not done, its due moment passed: counted as not on time), or
``pending`` (not done, not due yet, or its clock stopped while the requester is asked to
clarify). Undone duties of requests closed without them (withdrawn, lapsed) are not counted.
The on-time rate is ``on_time / (on_time + late + missed)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy

from foi import deadlines

STATUSES = ("on_time", "late", "missed", "pending")
STATUS_LABELS = {
    "on_time": gettext_lazy("On time"),
    "late": gettext_lazy("Late"),
    "missed": gettext_lazy("Not done, past due"),
    "pending": gettext_lazy("Not due yet"),
}


@dataclass(frozen=True)
class Duty:
    """One duty: its code (its key in every table, CSV and API), its label, and the ``Law``
    fields that set its period (``<period>_value``, ``<period>_unit``) and its article."""

    code: str
    label: str
    period: str = ""
    article: str = ""

    def applies(self, law) -> bool:
        """Whether ``law`` sets a period for it (appeal decisions: each level sets its own)."""
        if not self.period:
            return True
        return bool(getattr(law, f"{self.period}_value") and getattr(law, f"{self.period}_unit"))

    def article_of(self, law) -> str:
        return getattr(law, self.article) if self.article else ""

    def rule_text(self, law) -> str:
        """Its period under ``law`` in words, with the article ("5 working days (Art. 23.1)");
        "" when the law sets none, or each appeal level sets its own."""
        from foi.deadlines.explanations import _amount, _article

        if not self.period or not self.applies(law):
            return ""
        text = _amount(getattr(law, f"{self.period}_value"), getattr(law, f"{self.period}_unit"))
        article = self.article_of(law)
        return f"{text} ({_article(article)})" if article else text


DUTIES = (
    Duty(
        "transfer",
        gettext_lazy("Forwarding to the body that holds the information"),
        "transfer",
        "transfer_article",
    ),
    Duty(
        "clarification_notice",
        gettext_lazy("Telling the requester what is unclear"),
        "clarification_notice",
        "clarification_article",
    ),
    Duty(
        "extension_notice",
        gettext_lazy("Telling the requester of an extension"),
        "extension_notice",
        "extension_article",
    ),
    Duty(
        "urgent_relevance",
        gettext_lazy("Urgent answer: information that would lose its value"),
        "urgent_relevance",
        "urgent_relevance_article",
    ),
    Duty(
        "urgent_life",
        gettext_lazy("Urgent answer: a threat to life, health or liberty"),
        "urgent_life",
        "urgent_life_article",
    ),
    Duty("appeal_decision", gettext_lazy("Deciding an appeal")),
)
DUTY_CODES = tuple(duty.code for duty in DUTIES)
DUTY_BY_CODE = {duty.code: duty for duty in DUTIES}
# The deadline each notice duty is due by, counted from receipt (``foi.deadlines``).
_NOTICE_DEADLINES = {
    "transfer": deadlines.transfer_deadline,
    "clarification_notice": deadlines.clarification_notice_deadline,
    "extension_notice": deadlines.extension_notice_deadline,
}
# The clock events that are a notice duty done.
_NOTICE_EVENTS = {
    "transfer": "transfer",
    "clarification_asked": "clarification_notice",
    "extension": "extension_notice",
}


@dataclass(frozen=True)
class DutyFact:
    """One duty of one request: who owed it, since the request reached them, by when, and when
    it was done (None: not yet)."""

    duty: str
    body_id: int
    received_at: datetime
    due_at: datetime | None
    done_at: datetime | None = None

    @property
    def on_time(self) -> bool | None:
        """Whether it was done at or before its due moment (None: not done yet)."""
        if self.done_at is None:
            return None
        return self.due_at is None or self.done_at <= self.due_at

    def status(self, now: datetime) -> str:
        if self.done_at is not None:
            return "on_time" if self.on_time else "late"
        if self.due_at is not None and now > self.due_at:
            return "missed"
        return "pending"


def duty_facts(
    request,
    *,
    transfers: Sequence[int] = (),
    decided_at: datetime | None = None,
    due_at_decision: datetime | None = None,
    appeals: Iterable[tuple[datetime | None, datetime | None]] = (),
    running: Iterable[str] = ("submitted", "in_progress"),
    waiting: Iterable[str] = ("awaiting_clarification",),
) -> list[DutyFact]:
    """The duties of ``request`` (with its law): ``transfers``, the ids of the bodies it left,
    in order; ``decided_at`` and ``due_at_decision``, its current body's first decision and the
    due moment then in force; ``appeals``, each appeal's (due moment, decision moment).
    ``running``: the states in which an undecided request's clock runs; ``waiting``: those in
    which it stands still."""
    law = request.law
    if request.first_received_at is None or request.received_at is None:
        return []
    facts = []
    bodies = [*transfers, request.body_id]
    segment = 0
    body_received = since = request.first_received_at
    for item in request.clock_history or []:
        kind = item.get("kind")
        try:
            at = datetime.fromisoformat(item["at"])
        except (KeyError, TypeError, ValueError):
            continue
        duty = _NOTICE_EVENTS.get(kind)
        if duty is not None and DUTY_BY_CODE[duty].applies(law):
            body_id = bodies[min(segment, len(bodies) - 1)]
            due = _NOTICE_DEADLINES[duty](law, received_at=since)
            facts.append(DutyFact(duty, body_id, body_received, due, at))
        if kind == "transfer":
            segment += 1
            body_received = since = at
        elif kind in ("reopened", "clarified"):
            since = at
    urgent = DUTY_BY_CODE.get(f"urgent_{request.urgency}")
    if urgent is not None and urgent.applies(law):
        if decided_at is not None:
            facts.append(
                DutyFact(
                    urgent.code, request.body_id, request.received_at, due_at_decision, decided_at
                )
            )
        elif request.state in running or request.state in waiting:
            due = request.due_at if request.state in running else None
            facts.append(DutyFact(urgent.code, request.body_id, request.received_at, due))
    for due_at, appeal_decided_at in appeals:
        if due_at is None:  # the level sets no time to decide
            continue
        facts.append(
            DutyFact(
                "appeal_decision", request.body_id, request.received_at, due_at, appeal_decided_at
            )
        )
    return facts


def rate(counts: dict[str, int]) -> float | None:
    """The on-time rate of a duty's counts by status, in per cent with one decimal (None:
    nothing was due)."""
    whole = counts.get("on_time", 0) + counts.get("late", 0) + counts.get("missed", 0)
    return round(100 * counts.get("on_time", 0) / whole, 1) if whole else None


def duty_table(facts: Iterable[DutyFact], *, now: datetime) -> dict[str, dict]:
    """Per duty, its counts by status and its on-time rate: ``{code: {"on_time", "late",
    "missed", "pending": int, "on_time_percent": float | None}}``, every duty present."""
    counts = {code: dict.fromkeys(STATUSES, 0) for code in DUTY_CODES}
    for fact in facts:
        counts[fact.duty][fact.status(now)] += 1
    return {code: {**row, "on_time_percent": rate(row)} for code, row in counts.items()}
