"""Figures on how a body handles requests, per body and per officer, for a period.

Pure and independent of any page: the workspace's reports use them now, public statistics and
the API will later. ``figures()`` works on plain ``CaseFacts`` (tests build them by hand);
``case_facts()`` reads them from the database in a fixed number of queries; ``body_report()``
puts the two together. ``FIGURES`` defines the figures once (name, label, how each is counted):
``Figures``, the CSV columns, and the public statistics' sums and tables derive from it.

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, make_dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy

from foi import clock, deadlines

OUTCOME_LABELS = {
    "full": gettext_lazy("Given in full"),
    "partial": gettext_lazy("Given in part"),
    "not_held": gettext_lazy("Not held"),
    "refused": gettext_lazy("Refused"),
    "rejected": gettext_lazy("Rejected as not a request"),
}
OUTCOMES = tuple(OUTCOME_LABELS)
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


# The figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One figure: its name (its key in every table, CSV and API), its label, and how it is
    counted, by ``kind``:

    - ``cases``: the requests of the cohort whose fact ``where[0]`` (a ``CaseFacts``
      attribute) is one of ``where[1]``; every one when ``where`` is None;
    - ``appeals``: the appeals on them whose decision is one of ``where`` (None: every one);
    - ``overdue``: the requests whose fact ``where[0]`` is one of ``where[1]`` (their clock
      runs) and whose due moment has passed *now*;
    - ``transfers``: the requests the body forwarded in the period;
    - ``share``: ``100 * part / sum(whole)`` of other figures, one decimal (None: nothing to
      divide by);
    - ``median``: the median of working days from receipt to the case's moment ``until``, over
      the cases that have one; ``tally`` names the histogram of those days;
    - ``outcomes``: first decisions per outcome (``OUTCOMES``);
    - ``grounds``: per exemption code, the first decisions of outcome ``outcome`` invoking it;
      ``tally`` names those counts.

    ``headline`` figures come first in every table of them; ``reports``: the agency workspace's
    reports show it too (else only the public statistics do).
    """

    name: str
    label: str
    kind: str
    where: tuple | None = None
    part: str = ""
    whole: tuple[str, ...] = ()
    until: str = ""
    outcome: str = ""
    tally: str = ""
    headline: bool = False
    reports: bool = True

    def counts(self, item, now: datetime | None = None) -> bool:
        """Whether a case (``cases``, ``overdue``) or an appeal's decision (``appeals``) counts."""
        if self.kind == "appeals":
            return self.where is None or item in self.where
        if self.where is not None and getattr(item, self.where[0]) not in self.where[1]:
            return False
        if self.kind == "overdue":
            return item.due_at is not None and now > item.due_at
        return True


FIGURES = (
    Figure("received", gettext_lazy("Received"), "cases", headline=True),
    Figure("answered", gettext_lazy("Answered"), "cases", ("decided", (True,)), headline=True),
    Figure(
        "answered_on_time", gettext_lazy("On time"), "cases", ("on_time", (True,)), headline=True
    ),
    Figure(
        "on_time_percent",
        gettext_lazy("On time, %"),
        "share",
        part="answered_on_time",
        whole=("answered",),
        headline=True,
    ),
    Figure(
        "median_working_days_to_first_response",
        gettext_lazy("Median working days to first reply"),
        "median",
        until="first_response_at",
        tally="first_response_days",
        headline=True,
    ),
    Figure(
        "median_working_days_to_answer",
        gettext_lazy("Median working days to decision"),
        "median",
        until="decided_at",
        tally="answer_days",
        headline=True,
    ),
    Figure("outcomes", gettext_lazy("Outcomes"), "outcomes"),
    Figure(
        "refusals_by_ground",
        gettext_lazy("Refusals by ground"),
        "grounds",
        outcome="refused",
        tally="refusal_grounds",
    ),
    Figure(
        "partial_answers_by_ground",
        gettext_lazy("Partial answers by ground"),
        "grounds",
        outcome="partial",
        tally="partial_grounds",
    ),
    Figure("withdrawn", gettext_lazy("Withdrawn"), "cases", ("state", ("withdrawn",))),
    Figure("still_open", gettext_lazy("Still open"), "cases", ("state", OPEN)),
    Figure("overdue_now", gettext_lazy("Overdue now"), "overdue", ("state", CLOCK_RUNNING)),
    Figure("appeals", gettext_lazy("Appeals"), "appeals"),
    Figure("appeals_upheld", gettext_lazy("Appeals upheld"), "appeals", ("upheld",)),
    Figure("appeals_overturned", gettext_lazy("Appeals overturned"), "appeals", OVERTURNED),
    Figure("appeals_pending", gettext_lazy("Appeals pending"), "appeals", ("",)),
    Figure("transferred_out", gettext_lazy("Transferred out"), "transfers"),
    Figure(
        "appeals_overturned_percent",
        gettext_lazy("Appeals overturned, %"),
        "share",
        part="appeals_overturned",
        whole=("appeals_upheld", "appeals_overturned"),
        reports=False,
    ),
)
BY_NAME = {figure.name: figure for figure in FIGURES}


def of_kind(*kinds: str) -> tuple[Figure, ...]:
    """The figures of these kinds, in ``FIGURES`` order."""
    return tuple(figure for figure in FIGURES if figure.kind in kinds)


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

    @property
    def decided(self) -> bool:
        return self.decided_at is not None

    @property
    def on_time(self) -> bool:
        """Decided at or before the due moment in force at the decision."""
        due = self.due_at_decision
        return self.decided_at is not None and due is not None and self.decided_at <= due


def _empty(figure: Figure):
    """A figure's type and its value over no cases, as a dataclass field."""
    if figure.kind == "outcomes":
        return dict[str, int], field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    if figure.kind == "grounds":
        return dict[str, int], field(default_factory=dict)
    if figure.kind in ("share", "median"):
        return float | None, field(default=None)
    return int, field(default=0)


# The figures the workspace's reports show, as one object per body or officer.
Figures = make_dataclass(
    "Figures",
    [(figure.name, *_empty(figure)) for figure in FIGURES if figure.reports],
)
Figures.__module__ = __name__


def working_days_between(law, start: datetime, end: datetime) -> int:
    """Working days after the day of ``start`` up to and including the day of ``end``."""
    return deadlines.working_days_late(law, due_at=start, now=end)


def _median(values: list[int]) -> float | None:
    return round(float(statistics.median(values)), 1) if values else None


def figures(cases: Iterable[CaseFacts], *, law, now: datetime, transferred_out: int = 0):
    """The figures for ``cases`` (one body's cohort, or one officer's part of it)."""
    counted = of_kind("cases", "overdue")
    counts = dict.fromkeys((figure.name for figure in of_kind("cases", "overdue", "appeals")), 0)
    appeal_counts = of_kind("appeals")
    days = {figure.name: [] for figure in of_kind("median")}
    grounds = {figure.name: Counter() for figure in of_kind("grounds")}
    outcomes = dict.fromkeys(OUTCOMES, 0)
    for case in cases:
        case_law = case.law or law
        for figure in counted:
            counts[figure.name] += figure.counts(case, now)
        for figure in of_kind("median"):
            until = getattr(case, figure.until)
            if until is not None:
                days[figure.name].append(working_days_between(case_law, case.received_at, until))
        if case.decided:
            outcomes[case.outcome] = outcomes.get(case.outcome, 0) + 1
            for figure in of_kind("grounds"):
                if case.outcome == figure.outcome:
                    grounds[figure.name].update(set(case.grounds))
        for decision in case.appeal_decisions:
            for figure in appeal_counts:
                counts[figure.name] += figure.counts(decision)
    result = Figures(transferred_out=transferred_out, outcomes=outcomes, **counts)
    for figure in of_kind("share"):
        if figure.reports:
            setattr(result, figure.name, share(figure, vars(result)))
    for name, values in days.items():
        setattr(result, name, _median(values))
    for name, counter in grounds.items():
        setattr(result, name, dict(sorted(counter.items())))
    return result


def share(figure: Figure, values: Mapping[str, int]) -> float | None:
    """A ``share`` figure, from the other figures' ``values`` by name."""
    whole = sum(values[name] for name in figure.whole)
    return round(100 * values[figure.part] / whole, 1) if whole else None


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
HEADLINE = tuple(figure.name for figure in FIGURES if figure.headline)


def _columns():
    for figure in FIGURES:
        if not figure.reports or figure.kind == "grounds":  # grounds: a column per code
            continue
        if figure.kind == "outcomes":
            yield from (f"outcome_{outcome}" for outcome in OUTCOMES)
        else:
            yield figure.name


COLUMNS = tuple(_columns())


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
