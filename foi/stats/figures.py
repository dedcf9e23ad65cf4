"""The figures, defined once (``FIGURES``: name, label, how each is counted; what each means:
``foi.stats``' docstring), and computed over plain ``CaseFacts`` (tests build them by hand)."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, make_dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy

from foi import deadlines

OUTCOME_LABELS = {
    "full": gettext_lazy("Given in full"),
    "partial": gettext_lazy("Given in part"),
    "not_held": gettext_lazy("Not held"),
    "refused": gettext_lazy("Refused"),
    "rejected": gettext_lazy("Rejected as not a request"),
}
OUTCOMES = tuple(OUTCOME_LABELS)
OPEN = ("submitted", "in_progress", "awaiting_clarification", "awaiting_payment")
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
    - ``very_overdue``: the same, past their law's very-overdue tier *now*
      (``Law.very_overdue_after_working_days``; a law without one has none);
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

    def counts(self, item, now: datetime | None = None, law=None) -> bool:
        """Whether a case (``cases``, ``overdue``, ``very_overdue``: by ``law``) or an appeal's
        decision (``appeals``) counts."""
        if self.kind == "appeals":
            return self.where is None or item in self.where
        if self.where is not None and getattr(item, self.where[0]) not in self.where[1]:
            return False
        if self.kind == "overdue":
            return item.due_at is not None and now > item.due_at
        if self.kind == "very_overdue":
            cutoff = deadlines.very_overdue_due_before(law, now=now) if law else None
            return item.due_at is not None and cutoff is not None and item.due_at < cutoff
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
    Figure(
        "very_overdue_now",
        gettext_lazy("Very overdue now"),
        "very_overdue",
        ("state", CLOCK_RUNNING),
    ),
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
    # Each appeal's (due moment, decision moment), in the order of ``appeal_decisions``: the
    # duties' facts (``foi.stats.duties``) read them.
    appeal_deadlines: tuple[tuple[datetime | None, datetime | None], ...] = field(
        default=(), compare=False
    )
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
    counted = of_kind("cases", "overdue", "very_overdue")
    counts = dict.fromkeys(
        (figure.name for figure in of_kind("cases", "overdue", "very_overdue", "appeals")), 0
    )
    appeal_counts = of_kind("appeals")
    days = {figure.name: [] for figure in of_kind("median")}
    grounds = {figure.name: Counter() for figure in of_kind("grounds")}
    outcomes = dict.fromkeys(OUTCOMES, 0)
    for case in cases:
        case_law = case.law or law
        for figure in counted:
            counts[figure.name] += figure.counts(case, now, case_law)
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


# The headline figures, first in every table of them (CSV, the public statistics and their API).
HEADLINE = tuple(figure.name for figure in FIGURES if figure.headline)
