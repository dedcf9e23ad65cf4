"""The working calendar of a law: which days are working days and why the others are not, the
law's time zone, and working time (office hours) between two moments; also the shared types
(``DeadlineError``, ``Step``, ``Deadline``).

Pure functions: no database access, and no rule that is not read from the ``Law`` row. Everything
is computed in the law's own time zone; a day-based deadline ends at 23:59:59 local time on its
last day.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from django.utils.translation import gettext

from foi.deadlines.declared import declared_days
from foi.deadlines.names import holiday_names, subdivisions_of, weekend_word
from foi.models.law import PeriodUnit

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

    def __init__(
        self,
        country: str,
        subdivisions: tuple[str, ...],
        weekend: frozenset[int],
        declared: frozenset[date] = frozenset(),
    ):
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
        # Days the government declared non-working (``foi.deadlines.declared``): holidays too.
        self._declared = declared
        self._years: dict[int, tuple[frozenset[date], frozenset[date]]] = {}
        self._sorted: dict[int, tuple[date, ...]] = {}
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
                ordered = self._ordered(year)
                resting += bisect.bisect_right(ordered, high) - bisect.bisect_left(ordered, low)
        return (last - first).days + 1 - resting

    def _ordered(self, year: int) -> tuple[date, ...]:
        """The year's rest days in order (for counting those in part of a year by bisection:
        the queue counts days late or left for fifty requests on every view)."""
        cached = self._sorted.get(year)
        if cached is None:
            cached = self._sorted.setdefault(year, tuple(sorted(self._year(year)[0])))
        return cached

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
        holiday_days.update(day for day in self._declared if day.year == year)

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
    country: str,
    subdivisions: tuple[str, ...],
    weekend: frozenset[int],
    declared: frozenset[date] = frozenset(),
) -> _WorkingCalendar:
    return _WorkingCalendar(country, subdivisions, weekend, declared)


@lru_cache(maxsize=64)
def _declared_set(days: tuple[date, ...]) -> frozenset[date]:
    return frozenset(days)


def _calendar(law) -> _WorkingCalendar:
    weekend = frozenset(int(day) for day in law.weekend_days or ()) or DEFAULT_WEEKEND
    subdivisions = subdivisions_of(law)
    # The declared days are part of the key: declaring or removing one makes a new calendar,
    # so no cached year of the old one is ever read again.
    declared = _declared_set(tuple(declared_days(law.holiday_country)))
    return _working_calendar(law.holiday_country, subdivisions, weekend, declared)


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
    names = holiday_names(law, day, language=language)
    return ", ".join(names) if names else weekend_word(language)


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
