"""When an answer, a notice or an appeal decision is due, computed from a law and a case history.

Pure functions: no database access, and no rule that is not read from the ``Law`` row. Everything
is computed in the law's own time zone; a day-based deadline ends at 23:59:59 local time on its
last day. Every computation also returns the steps that led to it, so that the reasoning can be
stored with the request and shown later in any language (``explain``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from django.utils.translation import gettext, ngettext

from foi import deadline_text
from foi.models.law import ClarificationEffect, ClockStart, PeriodUnit, TransferClock
from foi.models.request import Urgency

END_OF_DAY = time(23, 59, 59)
DEFAULT_WEEKEND = frozenset({5, 6})
DAY_UNITS = frozenset({PeriodUnit.WORKING_DAYS, PeriodUnit.CALENDAR_DAYS, PeriodUnit.MONTHS})
# A law whose every day is a rest day would loop for ever; no real period needs ten years.
MAX_SEARCH_DAYS = 3660


class DeadlineError(ValueError):
    """A period or a history that the law does not allow or that cannot be computed."""


@dataclass(frozen=True)
class Step:
    """One fact or rule that moved the clock; ``params`` hold only JSON values."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, **self.params}


@dataclass(frozen=True)
class Deadline:
    due_at: datetime
    steps: tuple[Step, ...]
    # Extensions granted in the period now running (a restart of the clock clears them).
    extensions_used: int = 0

    def to_json(self) -> list[dict[str, Any]]:
        return [step.to_json() for step in self.steps]


# The calendar ----------------------------------------------------------------------------------


class _WorkingCalendar:
    """Working days of one country, the union of its subdivisions' holidays, and a weekend."""

    def __init__(self, country: str, subdivisions: tuple[str, ...], weekend: frozenset[int]):
        try:
            self._calendars = tuple(
                holidays.country_holidays(country, subdiv=subdivision)
                for subdivision in (subdivisions or (None,))
            )
        except NotImplementedError as error:
            raise DeadlineError(
                gettext("No holiday calendar is available for %(calendar)s.")
                % {"calendar": "/".join((country, *subdivisions))}
            ) from error
        self._weekend = weekend
        self._years: dict[int, tuple[frozenset[date], frozenset[date]]] = {}
        # The holidays objects fill in years lazily; two threads must not fill the same one.
        self._lock = threading.Lock()

    def is_working_day(self, day: date) -> bool:
        return day not in self._year(day.year)[0]

    def is_holiday(self, day: date) -> bool:
        return day in self._year(day.year)[1]

    def working_days_in(self, first: date, last: date) -> int:
        """Working days from ``first`` to ``last``, both included: the days less each year's
        rest days in the range (a few hundred checks whatever the length, not one per day)."""
        if last < first:
            return 0
        resting = 0
        for year in range(first.year, last.year + 1):
            non_working = self._year(year)[0]
            low, high = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
            if (low, high) == (date(year, 1, 1), date(year, 12, 31)):
                resting += len(non_working)
            else:
                resting += sum(1 for day in non_working if low <= day <= high)
        return (last - first).days + 1 - resting

    def _year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        cached = self._years.get(year)
        if cached is None:
            with self._lock:
                cached = self._years.setdefault(year, self._compute_year(year))
        return cached

    def _compute_year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        holiday_days: set[date] = set()
        for calendar in self._calendars:
            # A Saturday worked in late December is published with the next year's holidays.
            _ = date(year, 1, 1) in calendar, date(year + 1, 1, 1) in calendar
            holiday_days.update(day for day in calendar if day.year == year)

        def swapped_to_working(day: date) -> bool:
            # Any subdivision resting that day makes it a rest day, so all must have swapped it.
            return all(day in calendar.weekend_workdays for calendar in self._calendars)

        non_working = {
            day
            for day in _days(date(year, 1, 1), date(year, 12, 31))
            if day in holiday_days
            or (day.weekday() in self._weekend and not swapped_to_working(day))
        }
        return frozenset(non_working), frozenset(holiday_days)


@lru_cache(maxsize=32)
def _working_calendar(
    country: str, subdivisions: tuple[str, ...], weekend: frozenset[int]
) -> _WorkingCalendar:
    return _WorkingCalendar(country, subdivisions, weekend)


def _calendar(law) -> _WorkingCalendar:
    weekend = frozenset(int(day) for day in law.weekend_days or ()) or DEFAULT_WEEKEND
    subdivisions = deadline_text.subdivisions_of(law)
    return _working_calendar(law.holiday_country, subdivisions, weekend)


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def is_working_day(law, day: date) -> bool:
    return _calendar(law).is_working_day(day)


def non_working_reason(law, day: date, language: str | None = None) -> str:
    """The holiday name(s) that make ``day`` a rest day, or "weekend"; empty on a working day."""
    if is_working_day(law, day):
        return ""
    names = deadline_text.holiday_names(law, day, language=language)
    return ", ".join(names) if names else deadline_text.weekend_word(language)


def _first_working_day_from(law, day: date) -> date:
    calendar = _calendar(law)
    for offset in range(MAX_SEARCH_DAYS):
        candidate = day + timedelta(days=offset)
        if calendar.is_working_day(candidate):
            return candidate
    raise DeadlineError(
        gettext("The law %(law)s has no working day after %(day)s.")
        % {"law": law.code, "day": day.isoformat()}
    )


def _next_working_day(law, day: date) -> date:
    return _first_working_day_from(law, day + timedelta(days=1))


# Time ------------------------------------------------------------------------------------------


def _zone(law) -> ZoneInfo:
    try:
        return ZoneInfo(law.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DeadlineError(
            gettext("Unknown time zone %(zone)s.") % {"zone": law.time_zone}
        ) from error


def _local(law, moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DeadlineError(
            gettext("The moment %(moment)s has no time zone.") % {"moment": moment.isoformat()}
        )
    return moment.astimezone(_zone(law))


def _parse_moment(value: datetime | str) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as error:
        raise DeadlineError(
            gettext("%(value)s is not an ISO 8601 date and time.") % {"value": value}
        ) from error


def _end_of_day(law, day: date) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=_zone(law))


def _after_hours(law, start: datetime, delta: timedelta) -> datetime:
    # In UTC, so that a summer-time change does not add or remove an hour.
    return (start.astimezone(UTC) + delta).astimezone(_zone(law))


def _working_stretches(law, start: datetime) -> Iterator[tuple[datetime, datetime]]:
    """The spans of working days from ``start`` on, as (from, to) moments in UTC."""
    zone = _zone(law)
    local_start = start.astimezone(zone)
    day = local_start.date()
    for _ in range(MAX_SEARCH_DAYS):
        next_midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
        if is_working_day(law, day):
            begin = max(local_start, datetime.combine(day, time(0), tzinfo=zone))
            yield begin.astimezone(UTC), next_midnight.astimezone(UTC)
        day += timedelta(days=1)


def _add_working_time(law, start: datetime, amount: timedelta) -> datetime:
    remaining = amount
    for begin, end in _working_stretches(law, start):
        if remaining <= end - begin:
            return (begin + remaining).astimezone(_zone(law))
        remaining -= end - begin
    raise DeadlineError(gettext("The period does not end within ten years."))


def _working_time_between(law, start: datetime, end: datetime) -> timedelta:
    total = timedelta()
    for begin, stretch_end in _working_stretches(law, start):
        if begin >= end:
            break
        total += min(stretch_end, end) - begin
    return total


# Periods ---------------------------------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last_of_month = (next_month - timedelta(days=1)).day
    return date(year, month, min(day.day, last_of_month))


def _first_day(law, start_day: date, clock_start: str, *, counts_working_days: bool) -> date:
    """Day one of a day-based period received on ``start_day``."""
    if clock_start == ClockStart.RECEIPT_DAY:
        return _first_working_day_from(law, start_day)
    # A count of working days can only start on one, whatever the clock start says.
    if clock_start == ClockStart.NEXT_WORKING_DAY or counts_working_days:
        return _next_working_day(law, start_day)
    return start_day + timedelta(days=1)


def _nth_working_day(law, first: date, count: int) -> date:
    day = first
    for _ in range(count - 1):
        day = _next_working_day(law, day)
    return day


def _roll_forward(law, last: date) -> tuple[date, list[Step]]:
    if not law.roll_forward_to_working_day or is_working_day(law, last):
        return last, []
    moved = _next_working_day(law, last)
    return moved, [Step("rolled_forward", {"from": last.isoformat(), "to": moved.isoformat()})]


def _skipped_ranges(law, first: date, last: date) -> list[Step]:
    """Runs of rest days in [first, last] that include a holiday.

    Plain weekends are left out: "working days" already says them, and listing every weekend
    would bury the holidays a reader needs to see.
    """
    calendar = _calendar(law)
    steps, run = [], []
    for day in _days(first, last + timedelta(days=1)):
        if day <= last and not calendar.is_working_day(day):
            run.append(day)
            continue
        if any(calendar.is_holiday(rest_day) for rest_day in run):
            steps.append(Step("skipped", {"from": run[0].isoformat(), "to": run[-1].isoformat()}))
        run = []
    return steps


def _day_period(
    law, *, start_day: date, value: int, unit: str, clock_start: str
) -> tuple[date, date, list[Step]]:
    """Last day, day one and the steps (skipped holidays, roll forward) of a day-based period."""
    # Rest days are worth naming from the first day that could have counted.
    counting_from = start_day + timedelta(days=0 if clock_start == ClockStart.RECEIPT_DAY else 1)
    if unit == PeriodUnit.WORKING_DAYS:
        first = _first_day(law, start_day, clock_start, counts_working_days=True)
        last = _nth_working_day(law, first, value)
        return last, first, _skipped_ranges(law, counting_from, last)
    first = _first_day(law, start_day, clock_start, counts_working_days=False)
    steps = _skipped_ranges(law, counting_from, first - timedelta(days=1))
    if unit == PeriodUnit.CALENDAR_DAYS:
        last = first + timedelta(days=value - 1)
    else:
        # BGB §188(2): the day of the last month with the number of the day before day one,
        # or that month's last day (§188(3)); with next_day counting that is the receipt date.
        last = _add_months(first - timedelta(days=1), value)
    last, rolled = _roll_forward(law, last)
    return last, first, steps + rolled


def _validate_period(value: int, unit: str, clock_start: str) -> None:
    if unit not in PeriodUnit.values:
        raise DeadlineError(gettext("Unknown period unit %(unit)s.") % {"unit": unit})
    if clock_start not in ClockStart.values:
        raise DeadlineError(gettext("Unknown clock start %(start)s.") % {"start": clock_start})
    if not isinstance(value, int) or value < 1:
        raise DeadlineError(
            gettext("A period must be at least 1 long, not %(value)s.") % {"value": value}
        )


def _period(
    law,
    *,
    start: datetime,
    value: int,
    unit: str,
    clock_start: str,
    basis: str = "",
    article: str = "",
    clock_start_article: str = "",
) -> tuple[datetime, list[Step]]:
    _validate_period(value, unit, clock_start)
    local_start = _local(law, start)
    if unit not in DAY_UNITS:
        clock_start_article = ""  # hours run from the moment itself, whatever the day rule says
    # str(): the steps are stored as JSON, so no enum members in them.
    params: dict[str, Any] = {
        "basis": basis,
        "value": value,
        "unit": str(unit),
        "article": article,
        "clock_start": str(clock_start),
        "clock_start_article": clock_start_article,
        "start": local_start.isoformat(),
    }
    if unit == PeriodUnit.HOURS:
        return _after_hours(law, local_start, timedelta(hours=value)), [Step("period", params)]
    if unit == PeriodUnit.WORKING_HOURS:
        due = _add_working_time(law, local_start, timedelta(hours=value))
        skipped = _skipped_ranges(law, local_start.date(), due.date())
        return due, [Step("period", params), *skipped]
    last, first, steps = _day_period(
        law, start_day=local_start.date(), value=value, unit=unit, clock_start=clock_start
    )
    params["first_day"] = first.isoformat()
    return _end_of_day(law, last), [Step("period", params), *steps]


def period_end(
    law, *, start: datetime, value: int, unit: str, clock_start: str
) -> tuple[datetime, list[Step]]:
    """The end of ``value`` ``unit``s counted from ``start``, and the steps that explain it."""
    return _period(law, start=start, value=value, unit=unit, clock_start=clock_start)


def _optional_period(law, *, start: datetime, value: int | None, unit: str) -> datetime | None:
    if not value or not unit:
        return None
    return _period(law, start=start, value=value, unit=unit, clock_start=law.clock_start)[0]


def clarification_lapse_at(law, *, asked_at: datetime) -> datetime | None:
    """When an unanswered request for clarification lets the request lapse; None if never."""
    return _optional_period(
        law,
        start=asked_at,
        value=law.clarification_lapse_value,
        unit=law.clarification_lapse_unit,
    )


def clarification_notice_deadline(law, *, received_at: datetime) -> datetime | None:
    """By when the body must tell the requester what is missing or unclear."""
    return _optional_period(
        law,
        start=received_at,
        value=law.clarification_notice_value,
        unit=law.clarification_notice_unit,
    )


def transfer_deadline(law, *, received_at: datetime) -> datetime | None:
    """By when a body that does not hold the information must forward the request."""
    return _optional_period(
        law, start=received_at, value=law.transfer_value, unit=law.transfer_unit
    )


def appeal_lodge_deadline(law, level, *, decided_at: datetime) -> datetime | None:
    return _optional_period(
        law, start=decided_at, value=level.lodge_within_value, unit=level.lodge_within_unit
    )


def appeal_decision_due(law, level, *, lodged_at: datetime) -> Deadline | None:
    if not level.decide_within_value or not level.decide_within_unit:
        return None
    due_at, steps = _period(
        law,
        start=lodged_at,
        value=level.decide_within_value,
        unit=level.decide_within_unit,
        clock_start=law.clock_start,
        basis="appeal_decision",
        article=level.article,
    )
    lodged = Step("lodged", {"at": _local(law, lodged_at).isoformat()})
    return Deadline(due_at, (lodged, *steps, _due_step(due_at, level.decide_within_unit)))


def working_days_late(law, *, due_at: datetime, now: datetime) -> int:
    """Working days after the day of ``due_at`` up to and including the day of ``now``."""
    if now <= due_at:
        return 0
    due_day, today = _local(law, due_at).date(), _local(law, now).date()
    return _calendar(law).working_days_in(due_day + timedelta(days=1), today)


def _due_step(due_at: datetime, unit: str) -> Step:
    return Step("due", {"at": due_at.isoformat(), "end_of_day": unit in DAY_UNITS})


# The case history ------------------------------------------------------------------------------


@dataclass
class _Clock:
    """The running state while the history is replayed."""

    law: Any
    received_at: datetime
    urgency: str
    due_at: datetime | None = None
    unit: str = ""
    extensions: int = 0
    asked_at: datetime | None = None
    steps: list[Step] = field(default_factory=list)

    def start_base_period(self, start: datetime) -> None:
        """Count the law's own period afresh: earlier extensions no longer apply."""
        value, unit, article, basis = _base_period(self.law, self.urgency)
        self.due_at, steps = _period(
            self.law,
            start=start,
            value=value,
            unit=unit,
            clock_start=self.law.clock_start,
            basis=basis,
            article=article,
            clock_start_article=self.law.clock_start_article,
        )
        self.unit, self.extensions = unit, 0
        self.steps.extend(steps)

    def note(self, code: str, **params: Any) -> None:
        self.steps.append(Step(code, params))


def _base_period(law, urgency: str) -> tuple[int, str, str, str]:
    """(value, unit, article, basis) of the period that starts when a request is received."""
    if urgency not in Urgency.values:
        raise DeadlineError(gettext("Unknown urgency %(urgency)s.") % {"urgency": urgency})
    if urgency != Urgency.NORMAL:
        prefix = f"urgent_{urgency}"
        value, unit = getattr(law, f"{prefix}_value"), getattr(law, f"{prefix}_unit")
        if value and unit:
            return value, unit, getattr(law, f"{prefix}_article"), prefix
    return law.response_value, law.response_unit, law.response_article, "response"


def _apply_extension(clock: _Clock, at: datetime, item: Mapping) -> None:
    law, reason = clock.law, str(item.get("reason") or "")
    if not law.extension_value or not law.extension_unit or law.extension_max_count == 0:
        raise DeadlineError(gettext("The law %(law)s allows no extension.") % {"law": law.code})
    # A law that lists no reasons does not restrict them.
    allowed = law.extension_reason(reason)
    if law.extension_reasons and allowed is None:
        raise DeadlineError(
            gettext("The law %(law)s allows no extension for the reason “%(reason)s”.")
            % {"law": law.code, "reason": reason}
        )
    if clock.extensions >= law.extension_max_count:
        raise DeadlineError(
            ngettext(
                "The law %(law)s allows at most %(count)d extension.",
                "The law %(law)s allows at most %(count)d extensions.",
                law.extension_max_count,
            )
            % {"law": law.code, "count": law.extension_max_count}
        )
    clock.extensions += 1
    clock.note("extended", at=at.isoformat(), reason=reason, number=clock.extensions)
    # Counting starts the day after the current last day (for working days, the next working day).
    clock.due_at, steps = _period(
        law,
        start=clock.due_at,
        value=law.extension_value,
        unit=law.extension_unit,
        clock_start=ClockStart.NEXT_DAY,
        basis="extension",
        article=(allowed or {}).get("article") or law.extension_article,
    )
    clock.unit = law.extension_unit
    clock.steps.extend(steps)


def _apply_clarification_asked(clock: _Clock, at: datetime, item: Mapping) -> None:
    if clock.asked_at is not None:
        raise DeadlineError(
            gettext("A clarification has been awaited since %(at)s already.")
            % {"at": clock.asked_at.isoformat()}
        )
    clock.asked_at = at
    effect = str(clock.law.clarification_effect)
    clock.note("clarification_asked", at=at.isoformat(), effect=effect)


def _apply_clarified(clock: _Clock, at: datetime, item: Mapping) -> None:
    asked_at, effect = clock.asked_at, str(clock.law.clarification_effect)
    if asked_at is None:
        raise DeadlineError(gettext("A clarification arrived that nobody asked for."))
    if at < asked_at:
        raise DeadlineError(gettext("A clarification cannot arrive before it was asked for."))
    clock.asked_at = None
    if effect == ClarificationEffect.RESTART:
        clock.note("clarified", at=at.isoformat(), effect=effect)
        clock.start_base_period(at)
    elif effect == ClarificationEffect.PAUSE:
        _resume(clock, asked_at=asked_at, clarified_at=at)
    else:
        clock.note("clarified", at=at.isoformat(), effect=effect)


def _resume(clock: _Clock, *, asked_at: datetime, clarified_at: datetime) -> None:
    """Count again, from the clarification, what was left when the clock stopped."""
    law, unit = clock.law, clock.unit
    asked, due = _local(law, asked_at), _local(law, clock.due_at)
    if unit in (PeriodUnit.HOURS, PeriodUnit.WORKING_HOURS):
        hourly = unit == PeriodUnit.HOURS
        left = due - asked if hourly else _working_time_between(law, asked, due)
        resumed = left > timedelta(0)
        clock.note("clarified", at=clarified_at.isoformat(), effect="pause", resumed=resumed)
        if resumed:
            # The exact time left moves the clock; whole seconds are enough to tell it.
            end = _after_hours if hourly else _add_working_time
            clock.due_at = end(law, clarified_at, left)
            clock.note(
                "period",
                basis="remaining",
                unit=str(unit),
                seconds=int(left.total_seconds()),
                start=clarified_at.isoformat(),
            )
        return
    # The clock stops on the day asked: that day has been used, the later ones have not.
    asked_day, due_day = asked.date(), due.date()
    if unit == PeriodUnit.WORKING_DAYS:
        left_days = sum(
            1 for day in _days(asked_day + timedelta(days=1), due_day) if is_working_day(law, day)
        )
        clock_start = ClockStart.NEXT_WORKING_DAY
    else:
        # Months shrink to the calendar days that were left.
        left_days, unit, clock_start = (
            (due_day - asked_day).days,
            PeriodUnit.CALENDAR_DAYS,
            ClockStart.NEXT_DAY,
        )
    clock.note("clarified", at=clarified_at.isoformat(), effect="pause", resumed=left_days > 0)
    if left_days > 0:
        clock.due_at, steps = _period(
            law,
            start=clarified_at,
            value=left_days,
            unit=unit,
            clock_start=clock_start,
            basis="remaining",
        )
        clock.unit = unit
        clock.steps.extend(steps)


def _apply_transfer(clock: _Clock, at: datetime, item: Mapping) -> None:
    law = clock.law
    clock.note(
        "transferred",
        at=at.isoformat(),
        from_body=str(item.get("from_body") or ""),
        to_body=str(item.get("to_body") or ""),
        clock=str(law.transfer_clock),
    )
    if law.transfer_clock == TransferClock.CONTINUE:
        return
    start = at
    if law.transfer_clock == TransferClock.RESTART_CAPPED:
        if not law.transfer_value or not law.transfer_unit:
            raise DeadlineError(
                gettext("The law %(law)s caps the clock after a transfer but sets no period.")
                % {"law": law.code}
            )
        cap, _ = _period(
            law,
            start=clock.received_at,
            value=law.transfer_value,
            unit=law.transfer_unit,
            clock_start=law.clock_start,
        )
        if cap < at:
            start = cap
            clock.note(
                "transfer_capped",
                cap=cap.isoformat(),
                value=law.transfer_value,
                unit=str(law.transfer_unit),
                article=law.transfer_article,
            )
    clock.start_base_period(start)


def _apply_reopened(clock: _Clock, at: datetime, item: Mapping) -> None:
    clock.note("reopened", at=at.isoformat())
    clock.asked_at = None
    clock.start_base_period(at)


_EVENTS = {
    "extension": _apply_extension,
    "clarification_asked": _apply_clarification_asked,
    "clarified": _apply_clarified,
    "transfer": _apply_transfer,
    "reopened": _apply_reopened,
}


def compute_due(
    law,
    *,
    received_at: datetime,
    urgency: str = Urgency.NORMAL,
    history: Sequence[Mapping] = (),
) -> Deadline:
    """The request's due moment: the law's period from receipt, moved by each fact in turn."""
    received = _local(law, received_at)
    clock = _Clock(law=law, received_at=received, urgency=str(urgency))
    clock.note("received", at=received.isoformat())
    clock.start_base_period(received)
    for item in history:
        kind = item.get("kind")
        if kind not in _EVENTS:
            raise DeadlineError(gettext("Unknown clock event %(kind)s.") % {"kind": kind})
        at = _local(law, _parse_moment(item.get("at")))
        if at < received:
            raise DeadlineError(
                gettext("The %(kind)s at %(at)s comes before the request was received.")
                % {"kind": kind, "at": at.isoformat()}
            )
        _EVENTS[kind](clock, at, item)
    if clock.asked_at is not None and law.clarification_effect != ClarificationEffect.NONE:
        # Until the requester replies the due moment stays; the reply decides the new one.
        since = clock.asked_at.date().isoformat()
        clock.note("waiting", since=since, effect=str(law.clarification_effect))
    clock.steps.append(_due_step(clock.due_at, clock.unit))
    return Deadline(clock.due_at, tuple(clock.steps), clock.extensions)


def explain(law, steps: Sequence[Mapping] | Sequence[Step]) -> str:
    """The steps as sentences in the active language."""
    pairs = []
    for step in steps:
        if isinstance(step, Step):
            pairs.append((step.code, dict(step.params)))
        else:
            params = dict(step)
            pairs.append((str(params.pop("code", "")), params))
    return deadline_text.render(law, pairs)


def working_days_left(law, *, due_at: datetime, now: datetime) -> int:
    """Working days after the day of ``now`` up to and including the day of ``due_at``
    (0 on the due day itself, and once it has passed)."""
    if now >= due_at:
        return 0
    today, due_day = _local(law, now).date(), _local(law, due_at).date()
    return sum(1 for day in _days(today + timedelta(days=1), due_day) if is_working_day(law, day))
