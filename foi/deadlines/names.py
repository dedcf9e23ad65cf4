"""Holiday names and the weekend word for a law's calendar, in the reader's language (from the
``holidays`` package; English when it has none).
"""

from __future__ import annotations

import threading
from contextlib import nullcontext
from datetime import date
from functools import lru_cache

import holidays
from django.utils import translation
from django.utils.translation import gettext

# Filling in a year of a holidays object mutates it; explanations may render in several threads.
_HOLIDAYS_LOCK = threading.Lock()


# Holiday names ---------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _languages(country: str) -> tuple[tuple[str, ...], str]:
    calendar = holidays.country_holidays(country)
    return tuple(calendar.supported_languages), calendar.default_language


def holidays_language(country: str, language: str | None) -> str:
    """The ``holidays`` language closest to a Django language code: exact, same base, English."""
    supported, default = _languages(country)
    wanted = (language or translation.get_language() or "en").replace("-", "_").lower()
    base = wanted.split("_")[0]
    for matches in (
        lambda code: code.lower() == wanted,
        lambda code: code.lower().split("_")[0] == base,
        lambda code: code.lower().split("_")[0] == "en",
    ):
        found = next((code for code in supported if matches(code)), None)
        if found:
            return found
    return default


@lru_cache(maxsize=64)
def _name_calendars(
    country: str, subdivisions: tuple[str, ...], language: str
) -> tuple[holidays.HolidayBase, ...]:
    return tuple(
        holidays.country_holidays(country, subdiv=subdivision, language=language)
        for subdivision in (subdivisions or (None,))
    )


def subdivisions_of(law) -> tuple[str, ...]:
    parts = (part.strip() for part in (law.holiday_subdivisions or "").split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def _calendars_for(law, language: str | None) -> tuple[holidays.HolidayBase, ...]:
    country = law.holiday_country
    return _name_calendars(country, subdivisions_of(law), holidays_language(country, language))


def holiday_names(law, day: date, *, language: str | None = None) -> list[str]:
    """Names of the holidays on ``day`` in any of the law's subdivisions, without repeats."""
    names: dict[str, None] = {}
    with _HOLIDAYS_LOCK:
        for calendar in _calendars_for(law, language):
            names.update(dict.fromkeys(calendar.get_list(day)))
    return list(names)


def _without_observed_label(calendar: holidays.HolidayBase, name: str) -> str:
    """The name without the calendar's "(observed)" label, so a range names a holiday once."""
    label = getattr(calendar, "observed_label", None)
    if not label:
        return name
    prefix, marker, suffix = calendar.tr(label).partition("%s")
    long_enough = len(name) > len(prefix) + len(suffix)
    if marker and long_enough and name.startswith(prefix) and name.endswith(suffix):
        return name[len(prefix) : len(name) - len(suffix)]
    return name


def _reasons_for_day(law, day: date) -> list[str]:
    names: dict[str, None] = {}
    with _HOLIDAYS_LOCK:
        for calendar in _calendars_for(law, None):
            for name in calendar.get_list(day):
                names[_without_observed_label(calendar, name)] = None
    return list(names)


def weekend_word(language: str | None = None) -> str:
    with translation.override(language) if language else nullcontext():
        return gettext("weekend")
