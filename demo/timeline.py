"""When each step of a scenario happens.

A scenario starts ``days_ago`` days before today and each step happens ``day`` days after that
start. Dates are relative to the day the demo is loaded, so that "overdue now" and "awaiting a
reply" stay true whenever it is loaded. The time of day looks natural: people write at any hour
of the day, offices act during office hours on working days, the nightly sweep runs at 02:15.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from foi import deadlines

OFFICE_HOURS = range(9, 18)
PERSONAL_HOURS = range(8, 23)
SWEEP_TIME = time(2, 15)
# Two steps of one request never share a minute, so the timeline reads in order.
MIN_GAP = timedelta(minutes=7)


def _seeded(seed: str) -> int:
    # crc32, not hash(): the demo must come out the same in every process.
    return zlib.crc32(seed.encode("utf-8"))


def time_of_day(*, seed: str, kind: str, at: str | None = None) -> time:
    """``at`` ("HH:MM") when the scenario says; otherwise an hour that suits who acts."""
    if at:
        hour, minute = (int(part) for part in at.split(":"))
        return time(hour, minute)
    if kind == "system":
        return SWEEP_TIME
    number = _seeded(seed)
    hours = OFFICE_HOURS if kind == "office" else PERSONAL_HOURS
    return time(hours[number % len(hours)], (number // 97) % 60)


def next_working_day(*, law, day: date) -> date:
    while not deadlines.is_working_day(law, day):
        day += timedelta(days=1)
    return day


def planned_moment(
    *, law, start: date, day: int, kind: str, seed: str, at: str | None, now: datetime
) -> datetime:
    """The moment a step is planned for, before it is kept in order after the previous one."""
    zone = ZoneInfo(law.time_zone)
    moment_time = time_of_day(seed=seed, kind=kind, at=at)
    moment = datetime.combine(start + timedelta(days=day), moment_time, tzinfo=zone)
    if kind == "office":
        # An office acting on a Sunday or a holiday looks wrong; it acts on the next working
        # day instead, unless that day has not come yet.
        working = datetime.combine(
            next_working_day(law=law, day=moment.date()), moment_time, tzinfo=zone
        )
        if working <= now:
            moment = working
    return moment


def later_of(moment: datetime, *, after: datetime | None) -> datetime:
    """``moment``, or just after ``after`` when the plan would put it earlier."""
    if after is not None and moment <= after:
        return after + MIN_GAP
    return moment


def first_day_after(moment: datetime, *, limit: datetime) -> datetime:
    """``moment`` moved on by whole days until it is past ``limit``, keeping its time of day.

    Used where the law decides when a step becomes possible (a lapse, an appeal against
    silence) and holidays make the exact day depend on the year the demo is loaded in."""
    while moment <= limit:
        moment += timedelta(days=1)
    return moment
