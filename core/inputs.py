"""Parsing what people send: numbers, dates and text, once, for every page, form and the API.

``str.isdigit()`` is true for "²" and "٣", which ``int()`` then refuses (or reads as another
number); a date far from today overflows the deadline arithmetic; a NUL byte is refused by
PostgreSQL and a control character by XML. So numbers are ASCII digits within bounds, dates
are within bounds, and text has no control characters. Each parser returns None for a value it
cannot read; callers decide whether that is "no filter" or a 400.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.utils.translation import gettext as _

from core.dates import day_text

# ASCII digits only: \d would accept every script's digits.
_DIGITS = re.compile(r"[0-9]{1,18}")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")

# The largest id any of our tables (bigint) can hold; bounds an "id" parameter by default.
MAX_ID = 2**63 - 1
# Dates far outside what a request can involve; the deadline arithmetic works well within.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2200, 12, 31)

# C0 and C1 control characters (and DEL), except tab and newline; carriage returns are
# normalised first. Surrogates and the two non-characters are not text either.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# On one line (a subject, a name), runs of tabs and newlines become one space.
_LINE_BREAKS = re.compile("[\t\n]+")
# Characters XML 1.0 cannot carry at all (feeds, sitemaps): C0 except tab, newline and
# carriage return; surrogates; U+FFFE and U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters that show nothing though they are not whitespace to ``str.strip``.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0")


def parse_int(value, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """The number written in ASCII digits in ``value``, if it lies in [minimum, maximum].

    A leading minus is read ("-3" is -3, refused unless ``minimum`` allows it); spaces around
    are ignored; anything else (other scripts' digits, superscripts, signs, decimals,
    more than 18 digits) is None.
    """
    if value is None:
        return None
    text = str(value).strip()
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    if not _DIGITS.fullmatch(text):
        return None
    number = -int(text) if negative else int(text)
    return number if minimum <= number <= maximum else None


def parse_date(
    value,
    *,
    earliest: datetime.date = EARLIEST_DATE,
    latest: datetime.date = LATEST_DATE,
) -> datetime.date | None:
    """The date ``YYYY-MM-DD`` (ASCII digits) in ``value``, if it lies in [earliest, latest]."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        found = value
    else:
        match = _ISO_DATE.fullmatch(str(value or "").strip())
        if match is None:
            return None
        try:
            found = datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    return found if earliest <= found <= latest else None


def clean_text(value, *, multiline: bool = True) -> str:
    """``value`` without control characters: carriage returns become newlines, NUL and the
    other C0/C1 controls go; on one line (``multiline=False``) tabs and newlines become a space.
    """
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if not multiline:
        text = _LINE_BREAKS.sub(" ", text)
    return text


def xml_safe(value) -> str:
    """``value`` with only what XML 1.0 can carry: for feeds and sitemaps of stored text."""
    return _XML_INVALID.sub("", str(value))


def is_visibly_empty(value) -> bool:
    """True if ``value`` shows nothing: only whitespace (NBSP too), format characters (zero-width
    spaces and joiners, the BOM, direction marks), fillers and controls."""
    for char in str(value or ""):
        if char.isspace() or char in _INVISIBLE:
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp"):
            continue
        return False
    return True


def earliest_receipt(law) -> datetime.date:
    """The first day a request under ``law`` can have been received: the day the law came
    into force, or ``EARLIEST_DATE`` for a law whose date is not recorded."""
    return getattr(law, "in_force_from", None) or EARLIEST_DATE


def receipt_before_law_message(earliest: datetime.date) -> str:
    return _(
        "The law came into force on %(date)s: a request cannot have been received before it."
    ) % {"date": day_text(earliest)}
