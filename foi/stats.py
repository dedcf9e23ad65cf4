"""Figures on how a body handles requests, per body and per officer, for a period.

Pure and independent of any page: the workspace's reports use them now, public statistics and
the API will later. ``figures()`` works on plain ``CaseFacts`` (tests build them by hand);
``case_facts()`` reads them from the database in a fixed number of queries; ``body_report()``
puts the two together.

What each figure means, exactly:

- **The period** is ``date_from`` to ``date_to``, both included, as days in the law's time zone.
- **Cohort**: every figure except ``transferred_out`` is about the requests the body *received*
  in the period and still holds (``FOIRequest.received_at``: the moment the body now holding a
  request received it, so a transferred request counts at the body it went to, from its arrival
  there). Drafts never count.
- ``received``: the size of the cohort.
- ``answered``: requests the body decided: answered (in full, in part, "not held"), refused, or
  rejected as not a valid request. Only the body's *first* decision on a request counts; a new
  decision after an appeal was overturned shows in ``appeals_overturned``, not here.
- ``answered_on_time``: decisions made at or before the due moment in force at that moment
  (``due_at`` with every extension, clarification and transfer that happened before it).
  ``on_time_percent`` is ``answered_on_time / answered`` (None when nothing was decided); open
  requests past their due date are counted by ``overdue_now`` instead.
- ``median_working_days_to_first_response``: the median, over requests the body has written
  to, of working days from receipt to its first letter to the requester (a clarification
  request, an extension or transfer notice, an answer, a refusal or a rejection). Working days
  are counted as ``foi.deadlines`` counts them for the body's law: the working days after the
  day of receipt up to and including the day of the letter (same day: 0).
- ``median_working_days_to_answer``: the same, to the first decision.
- ``outcomes``: first decisions by outcome: ``full``, ``partial``, ``not_held``, ``refused``,
  ``rejected``.
- ``refusals_by_ground`` / ``partial_answers_by_ground``: per exemption code, how many refusals
  (partial answers) invoked it; a decision invoking two grounds counts once for each.
- ``withdrawn``: withdrawn by the requester. ``still_open``: submitted, in progress, or awaiting
  the requester's clarification now.
- ``overdue_now``: submitted or in progress now, past the due moment (what the queue marks late).
- ``appeals``: appeals lodged on these requests; ``appeals_upheld``, ``appeals_overturned``
  (overturned or partly overturned) and ``appeals_pending`` (not decided yet) split them.
- ``transferred_out``: requests the body forwarded to another body during the period (they are
  no longer in its cohort, so they are counted by the transfer's date).

Per officer, a request belongs to whoever made the body's first decision on it, or, while
undecided, to its assignee (None: nobody). A transfer belongs to whoever made it.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core import clock
from foi import deadlines

OUTCOMES = ("full", "partial", "not_held", "refused", "rejected")
OPEN = ("submitted", "in_progress", "awaiting_clarification")
CLOCK_RUNNING = ("submitted", "in_progress")
# The body's letters to the requester, and those of them that decide the request.
RESPONSE_KINDS = (
    "clarification_request",
    "extension_notice",
    "transfer_notice",
    "response",
    "refusal",
    "rejection",
)
DECISION_KINDS = ("response", "refusal", "rejection")
OVERTURNED = ("overturned", "partly_overturned")


@dataclass(frozen=True)
class CaseFacts:
    """What the figures need to know of one request at one body."""

    received_at: datetime
    state: str
    due_at: datetime | None = None
    handled_by: int | None = None
    first_response_at: datetime | None = None
    decided_at: datetime | None = None
    due_at_decision: datetime | None = None
    outcome: str = ""
    grounds: tuple[str, ...] = ()
    appeal_decisions: tuple[str, ...] = ()
    # The law to count this case's working days by, when ``figures()`` is given cases of several
    # laws (public statistics across all bodies); None: the ``law`` passed to ``figures()``.
    law: object | None = field(default=None, compare=False)


@dataclass
class Figures:
    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    on_time_percent: float | None = None
    median_working_days_to_first_response: float | None = None
    median_working_days_to_answer: float | None = None
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    refusals_by_ground: dict[str, int] = field(default_factory=dict)
    partial_answers_by_ground: dict[str, int] = field(default_factory=dict)
    withdrawn: int = 0
    still_open: int = 0
    overdue_now: int = 0
    appeals: int = 0
    appeals_upheld: int = 0
    appeals_overturned: int = 0
    appeals_pending: int = 0
    transferred_out: int = 0


def working_days_between(law, start: datetime, end: datetime) -> int:
    """Working days after the day of ``start`` up to and including the day of ``end``."""
    return deadlines.working_days_late(law, due_at=start, now=end)


def _median(values: list[int]) -> float | None:
    return round(float(statistics.median(values)), 1) if values else None


def figures(cases: Iterable[CaseFacts], *, law, now: datetime, transferred_out: int = 0):
    """The figures for ``cases`` (one body's cohort, or one officer's part of it)."""
    result = Figures(transferred_out=transferred_out)
    to_first_response, to_answer = [], []
    refusal_grounds, partial_grounds = Counter(), Counter()
    for case in cases:
        case_law = case.law or law
        result.received += 1
        if case.first_response_at is not None:
            to_first_response.append(
                working_days_between(case_law, case.received_at, case.first_response_at)
            )
        if case.decided_at is not None:
            result.answered += 1
            due = case.due_at_decision
            result.answered_on_time += due is not None and case.decided_at <= due
            result.outcomes[case.outcome] = result.outcomes.get(case.outcome, 0) + 1
            to_answer.append(working_days_between(case_law, case.received_at, case.decided_at))
            if case.outcome == "refused":
                refusal_grounds.update(set(case.grounds))
            elif case.outcome == "partial":
                partial_grounds.update(set(case.grounds))
        result.withdrawn += case.state == "withdrawn"
        result.still_open += case.state in OPEN
        result.overdue_now += (
            case.state in CLOCK_RUNNING and case.due_at is not None and now > case.due_at
        )
        for decision in case.appeal_decisions:
            result.appeals += 1
            result.appeals_upheld += decision == "upheld"
            result.appeals_overturned += decision in OVERTURNED
            result.appeals_pending += not decision
    if result.answered:
        result.on_time_percent = round(100 * result.answered_on_time / result.answered, 1)
    result.median_working_days_to_first_response = _median(to_first_response)
    result.median_working_days_to_answer = _median(to_answer)
    result.refusals_by_ground = dict(sorted(refusal_grounds.items()))
    result.partial_answers_by_ground = dict(sorted(partial_grounds.items()))
    return result


# Reading the facts -----------------------------------------------------------------------------


def period_bounds(law, date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """[start, end) of the period as moments: from the first day's midnight in the law's time
    zone to the midnight after the last day."""
    zone = ZoneInfo(law.time_zone)
    start = datetime.combine(date_from, time.min, tzinfo=zone)
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def _due_when_decided(request, decided_at: datetime) -> datetime | None:
    """The due moment in force at ``decided_at``: the stored one, unless the clock moved
    after the decision (an appeal reopened the request)."""
    history = request.clock_history or []
    before = [item for item in history if datetime.fromisoformat(item["at"]) <= decided_at]
    if len(before) == len(history):
        return request.due_at
    try:
        return deadlines.compute_due(
            request.law,
            received_at=request.first_received_at,
            urgency=request.urgency,
            history=before,
        ).due_at
    except deadlines.DeadlineError:
        return request.due_at


def case_facts(*, body, date_from: date, date_to: date) -> list[CaseFacts]:
    """The body's cohort for the period as ``CaseFacts``, in five queries."""
    from foi.models import FOIRequest

    return cohort_facts(
        requests=FOIRequest.objects.filter(body=body),
        date_from=date_from,
        date_to=date_to,
        law=body.law,
    ).get(body.pk, [])


def _widened_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """[start, end) wide enough for the period in any time zone (UTC-14 to UTC+14)."""
    start = datetime.combine(date_from, time.min, tzinfo=UTC) - timedelta(hours=14)
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=UTC) + timedelta(hours=14)
    return start, end


def cohort_facts(
    *, requests, date_from: date, date_to: date, law=None
) -> dict[int, list[CaseFacts]]:
    """The cohorts for the period of every body holding one of ``requests`` (a queryset: all
    requests, one body's, or only the public ones), as ``CaseFacts`` per body id, in five
    queries whatever the number of bodies. The period is counted in each request's law's time
    zone (``law``, when given, for all of them); each fact carries its law."""
    if law is not None:
        start, end = period_bounds(law, date_from, date_to)
    else:
        start, end = _widened_bounds(date_from, date_to)
    cohort = (
        requests.filter(received_at__gte=start, received_at__lt=end)
        .exclude(state="draft")
        .select_related("law")
        .order_by("received_at", "pk")
    )
    requests_ = []
    bounds = {}
    for request in cohort:
        request_law = law or request.law
        if request_law.pk not in bounds:
            bounds[request_law.pk] = period_bounds(request_law, date_from, date_to)
        low, high = bounds[request_law.pk]
        if low <= request.received_at < high:
            requests_.append(request)
    facts = defaultdict(list)
    for request, case in facts_of(requests_, cohort):
        facts[request.body_id].append(case)
    return dict(facts)


def facts_of(requests_, cohort) -> list[tuple[object, CaseFacts]]:
    """``CaseFacts`` of each request in ``requests_`` (loaded, with their law), reading the
    letters, decisions, grounds and appeals of ``cohort`` (a queryset holding them) in four
    queries."""
    from foi.models import Appeal, CaseEvent, InvokedExemption, Message

    letters = defaultdict(list)
    for letter in (
        Message.objects.filter(foi_request__in=cohort, kind__in=RESPONSE_KINDS)
        .exclude(from_body=None)
        .order_by("created_at", "pk")
        .values("pk", "foi_request_id", "from_body_id", "kind", "created_at")
    ):
        letters[letter["foi_request_id"]].append(letter)
    decision_events = {
        event["message_id"]: event
        for event in CaseEvent.objects.filter(
            message__foi_request__in=cohort, kind__in=("answer", "refuse", "reject")
        ).values("message_id", "kind", "actor_id", "data")
    }
    grounds = defaultdict(list)
    for row in InvokedExemption.objects.filter(foi_request__in=cohort).values(
        "message_id", "exemption__code"
    ):
        grounds[row["message_id"]].append(row["exemption__code"])
    appeals = defaultdict(list)
    for row in (
        Appeal.objects.filter(foi_request__in=cohort)
        .order_by("lodged_at", "pk")
        .values("foi_request_id", "decision")
    ):
        appeals[row["foi_request_id"]].append(row["decision"] or "")

    facts = []
    for request in requests_:
        own = [
            letter
            for letter in letters[request.pk]
            if letter["from_body_id"] == request.body_id
            and letter["created_at"] >= request.received_at
        ]
        first_letter = own[0] if own else None
        decision = next((letter for letter in own if letter["kind"] in DECISION_KINDS), None)
        event = decision_events.get(decision["pk"]) if decision else None
        decided_at = decision["created_at"] if decision else None
        facts.append(
            (
                request,
                CaseFacts(
                    received_at=request.received_at,
                    state=request.state,
                    due_at=request.due_at,
                    handled_by=event["actor_id"] if event else request.assignee_id,
                    first_response_at=first_letter["created_at"] if first_letter else None,
                    decided_at=decided_at,
                    due_at_decision=_due_when_decided(request, decided_at) if decision else None,
                    outcome=_outcome(decision, event),
                    grounds=tuple(grounds[decision["pk"]]) if decision else (),
                    appeal_decisions=tuple(appeals[request.pk]),
                    law=request.law,
                ),
            )
        )
    return facts


def _outcome(decision, event) -> str:
    if decision is None:
        return ""
    if decision["kind"] == "refusal":
        return "refused"
    if decision["kind"] == "rejection":
        return "rejected"
    return (event or {}).get("data", {}).get("outcome", "") or "full"


def transfers_out(*, body, date_from: date, date_to: date) -> Counter:
    """Transfers the body made in the period, per person who made them."""
    from foi.models import CaseEvent

    start, end = period_bounds(body.law, date_from, date_to)
    rows = CaseEvent.objects.filter(
        kind="transfer", created_at__gte=start, created_at__lt=end, data__from_body=body.pk
    ).values_list("actor_id", flat=True)
    return Counter(rows)


# The report ------------------------------------------------------------------------------------


@dataclass
class Report:
    body: object
    date_from: date
    date_to: date
    total: Figures
    # (user id or None for "nobody", figures), busiest first.
    by_officer: list[tuple[int | None, Figures]]


def body_report(*, body, date_from: date, date_to: date, now: datetime | None = None) -> Report:
    now = now or clock.now()
    facts = case_facts(body=body, date_from=date_from, date_to=date_to)
    transfers = transfers_out(body=body, date_from=date_from, date_to=date_to)
    law = body.law
    total = figures(facts, law=law, now=now, transferred_out=sum(transfers.values()))
    groups = defaultdict(list)
    for case in facts:
        groups[case.handled_by].append(case)
    people = set(groups) | set(transfers)
    by_officer = [
        (person, figures(groups[person], law=law, now=now, transferred_out=transfers[person]))
        for person in people
    ]
    by_officer.sort(key=lambda row: (row[0] is None, -row[1].received, row[0] or 0))
    return Report(body, date_from, date_to, total, by_officer)


# As a table (CSV) -----------------------------------------------------------------------------

# The headline figures, first in every table of them (CSV, the public statistics and their API).
HEADLINE = (
    "received",
    "answered",
    "answered_on_time",
    "on_time_percent",
    "median_working_days_to_first_response",
    "median_working_days_to_answer",
)
COLUMNS = (
    *HEADLINE,
    *(f"outcome_{outcome}" for outcome in OUTCOMES),
    "withdrawn",
    "still_open",
    "overdue_now",
    "appeals",
    "appeals_upheld",
    "appeals_overturned",
    "appeals_pending",
    "transferred_out",
)


def figures_row(figures_: Figures, ground_codes: Iterable[str]) -> list:
    """The figures in ``COLUMNS`` order, then refusals and partial answers per ground."""
    values = []
    for column in COLUMNS:
        if column.startswith("outcome_"):
            values.append(figures_.outcomes.get(column.removeprefix("outcome_"), 0))
        else:
            value = getattr(figures_, column)
            values.append("" if value is None else value)
    codes = list(ground_codes)
    values += [figures_.refusals_by_ground.get(code, 0) for code in codes]
    values += [figures_.partial_answers_by_ground.get(code, 0) for code in codes]
    return values


def header_row(ground_codes: Iterable[str]) -> list[str]:
    codes = list(ground_codes)
    return [
        *COLUMNS,
        *(f"refusals_ground_{code}" for code in codes),
        *(f"partial_answers_ground_{code}" for code in codes),
    ]
