"""Dates and times as people read them, in the active language.

Django's own ``DATE_FORMAT`` reads "Dec. 15, 2026" and ``DATETIME_FORMAT`` "Dec. 15, 2026,
11:59 p.m." in English (a sentence ending in it gets "p.m.."); in Russian "15 декабря 2026 г.".
These say "15 December 2026, 23:59", "15 Dekabr 2026, 23:59", "15 декабря 2026, 23:59": the day
before the month, the month in the form that takes a day ("E": Russian "декабря"), a 24-hour
clock. Templates use the same formats (``|date:"j E Y"``, ``|date:"j E Y, H:i"``).
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone

DAY = "j E Y"
MOMENT = "j E Y, H:i"
TIME = "H:i"


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def day_text(value: datetime.date | datetime.datetime) -> str:
    """ "15 December 2026" (the local day of a moment)."""
    return formats.date_format(_local(value), DAY)


def moment_text(value: datetime.datetime) -> str:
    """ "15 December 2026, 23:59", in the site's time zone."""
    return formats.date_format(_local(value), MOMENT)


def time_text(value: datetime.datetime) -> str:
    """ "23:59", in the site's time zone."""
    return formats.time_format(_local(value), TIME)
