"""Holiday names and the weekend word for a law's calendar, in the reader's language (from the
``holidays`` package; where it has none, its English names translated here, else English).
"""

from __future__ import annotations

import re
import threading
from contextlib import nullcontext
from datetime import date, datetime
from functools import lru_cache

import holidays
from django.utils import formats, translation
from django.utils.translation import gettext, pgettext, pgettext_lazy

from foi.deadlines.declared import declared_on

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


# The ``holidays`` package names Azerbaijan's days off in az, en_US and uk only: its English
# names, for the readers of a language it lacks (Russian). Unknown names stay in English.
ENGLISH_NAMES = {
    "Armed Forces Day": pgettext_lazy("holiday", "Armed Forces Day"),
    "Eid al-Adha": pgettext_lazy("holiday", "Eid al-Adha"),
    "Eid al-Fitr": pgettext_lazy("holiday", "Eid al-Fitr"),
    "Independence Day": pgettext_lazy("holiday", "Independence Day"),
    "International Azerbaijanis Solidarity Day": pgettext_lazy(
        "holiday", "International Azerbaijanis Solidarity Day"
    ),
    "Martyrs' Day": pgettext_lazy("holiday", "Martyrs' Day"),
    "Municipal elections": pgettext_lazy("holiday", "Municipal elections"),
    "National Flag Day": pgettext_lazy("holiday", "National Flag Day"),
    "National Liberation Day": pgettext_lazy("holiday", "National Liberation Day"),
    "New Year's Day": pgettext_lazy("holiday", "New Year's Day"),
    "Parliamentary elections": pgettext_lazy("holiday", "Parliamentary elections"),
    "Presidential elections": pgettext_lazy("holiday", "Presidential elections"),
    "Spring Festival": pgettext_lazy("holiday", "Spring Festival"),
    "Victory Day": pgettext_lazy("holiday", "Victory Day"),
    "Victory over Fascism Day": pgettext_lazy("holiday", "Victory over Fascism Day"),
    "Women's Day": pgettext_lazy("holiday", "Women's Day"),
}
_SUFFIX = re.compile(r"^(?P<name>.+?)(?: \((?P<notes>observed|estimated|observed, estimated)\))?$")
_DAY_OFF = re.compile(r"^Day off \(substituted from (?P<day>[\d/]+)\)$")


def _translated(name: str) -> str:
    """An English holiday name of the package in the active language, where we know it."""
    moved = _DAY_OFF.match(name)
    if moved:
        day = datetime.strptime(moved["day"], "%m/%d/%Y").date()  # the package's US format
        return pgettext("holiday", "Day off (moved from %(day)s)") % {
            "day": formats.date_format(day, "j E Y")
        }
    parts = _SUFFIX.match(name)
    base = ENGLISH_NAMES.get(parts["name"])
    if base is None:
        return name
    notes = {
        None: "",
        "observed": pgettext("holiday", "moved"),
        "estimated": pgettext("holiday", "date estimated"),
        "observed, estimated": pgettext("holiday", "moved, date estimated"),
    }[parts["notes"]]
    return f"{base} ({notes})" if notes else str(base)


def _needs_translation(country: str, language: str | None) -> bool:
    """The package fell back to English for a reader of another language."""
    wanted = (language or translation.get_language() or "en").split("-")[0].split("_")[0]
    chosen = holidays_language(country, language).split("_")[0].lower()
    return chosen == "en" and wanted != "en"


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
    if _needs_translation(law.holiday_country, language):
        with translation.override(language) if language else nullcontext():
            found = list(dict.fromkeys(_translated(name) for name in names))
    else:
        found = list(names)
    return _with_declared(law, day, found, language)


def _with_declared(law, day: date, names: list[str], language: str | None) -> list[str]:
    """The names, and the name of a day the government declared non-working, if it is one."""
    declared = declared_on(law.holiday_country, day)
    if declared is None:
        return names
    return list(dict.fromkeys([*names, declared.name(language)]))


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
    if _needs_translation(law.holiday_country, None):
        found = list(dict.fromkeys(_translated(name) for name in names))
    else:
        found = list(names)
    return _with_declared(law, day, found, None)


def weekend_word(language: str | None = None) -> str:
    with translation.override(language) if language else nullcontext():
        return gettext("weekend")
