"""Adding a law's periods to a moment: day-based (working days, calendar days, months) and
time-based, rolled forward past non-working days, with the steps that explain each; the single
deadlines (clarification, transfer, appeals) and the working days late or left.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.utils.translation import gettext

from foi.deadlines.calendar import (
    DAY_UNITS,
    Deadline,
    DeadlineError,
    Step,
    _add_working_time,
    _after_hours,
    _calendar,
    _days,
    _end_of_day,
    _first_working_day_from,
    _local,
    _next_working_day,
    _zone,
    is_working_day,
)
from foi.models.law import ClockStart, PeriodUnit


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


def fee_payment_lapse_at(law, *, estimated_at: datetime) -> datetime | None:
    """When an unpaid fee estimate lets the request be closed; None if never."""
    return _optional_period(
        law, start=estimated_at, value=law.fee_payment_value, unit=law.fee_payment_unit
    )


def clarification_notice_deadline(law, *, received_at: datetime) -> datetime | None:
    """By when the body must tell the requester what is missing or unclear."""
    return _optional_period(
        law,
        start=received_at,
        value=law.clarification_notice_value,
        unit=law.clarification_notice_unit,
    )


def extension_notice_deadline(law, *, received_at: datetime) -> datetime | None:
    """By when the body must tell the requester it is taking longer (an extension)."""
    return _optional_period(
        law,
        start=received_at,
        value=law.extension_notice_value,
        unit=law.extension_notice_unit,
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


def very_overdue_at(law, *, due_at: datetime | None) -> datetime | None:
    """When an unanswered request becomes very overdue: the end of the law's
    ``very_overdue_after_working_days``-th working day after the day of ``due_at`` (None when
    the law sets no such tier). A request is very overdue once this moment has passed."""
    count = law.very_overdue_after_working_days
    if not count or due_at is None:
        return None
    return _period(
        law,
        start=due_at,
        value=count,
        unit=PeriodUnit.WORKING_DAYS,
        clock_start=ClockStart.NEXT_WORKING_DAY,
    )[0]


def very_overdue_due_before(law, *, now: datetime) -> datetime | None:
    """The due moments that make a request very overdue at ``now`` are those before this one
    (None when the law sets no tier): the start of the day X for which the law's count of
    working days runs from X to yesterday. The same rule as ``very_overdue_at``, turned round
    so that a list can filter on ``due_at`` alone."""
    count = law.very_overdue_after_working_days
    if not count:
        return None
    day = _local(law, now).date()
    counted = 0
    while counted < count:
        day -= timedelta(days=1)
        counted += is_working_day(law, day)
    return datetime.combine(day, datetime.min.time(), tzinfo=_zone(law))


def _due_step(due_at: datetime, unit: str) -> Step:
    return Step("due", {"at": due_at.isoformat(), "end_of_day": unit in DAY_UNITS})


def working_days_left(law, *, due_at: datetime, now: datetime) -> int:
    """Working days after the day of ``now`` up to and including the day of ``due_at``
    (0 on the due day itself, and once it has passed)."""
    if now >= due_at:
        return 0
    today, due_day = _local(law, now).date(), _local(law, due_at).date()
    return sum(1 for day in _days(today + timedelta(days=1), due_day) if is_working_day(law, day))
