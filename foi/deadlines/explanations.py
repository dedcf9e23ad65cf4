"""Deadline steps in words, in the active language.

The steps stored with a request hold numbers, dates and codes only. Everything a reader sees is
made here at display time: words through gettext, dates through Django's formats, and holiday
names from the ``holidays`` package in the reader's language (English when it has none).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, ngettext, pgettext

from foi.deadlines.calendar import Step
from foi.deadlines.names import _reasons_for_day, weekend_word

EN_DASH = "\u2013"
DAY_UNITS = frozenset({"working_days", "calendar_days", "months"})
# An article number alone ("24.1", "13-1") is shown as "Art. 24.1"; anything else ("s.10(3)",
# "§7(5)", "552(a)(6)(A)") already says what it is.
BARE_ARTICLE = re.compile(r"\d+(?:[.-]\d+)*")
# Another law's article: "Citizens' Appeals Law 10", "Ombudsman law 13-1".
OTHER_LAWS_ARTICLE = re.compile(r"(?P<law>.*\b[Ll]aw) (?P<article>\d+(?:[.-]\d+)*)")
UNCONFIRMED = "[U]"
# The names of other laws that the shipped appeal levels cite (fixtures/appeal_levels.json),
# for the translators; shown through gettext.
OTHER_LAW_NAMES = (gettext_noop("Citizens' Appeals Law"), gettext_noop("Ombudsman law"))


# Pieces ----------------------------------------------------------------------------------------


def _day(value: str) -> str:
    return date_format(date.fromisoformat(value), pgettext("deadline explanation", "D j M Y"))


def _day_of(moment: str) -> str:
    """The local day of a stored moment; its ISO text starts with the local date."""
    return _day(moment[:10])


def _moment(value: str) -> str:
    return date_format(
        datetime.fromisoformat(value), pgettext("deadline explanation", "D j M Y H:i")
    )


def _date_range(first: date, last: date) -> str:
    full = pgettext("deadline explanation: a date in a range", "j M Y")
    if first == last:
        return date_format(first, full)
    if (first.year, first.month) == (last.year, last.month):
        start = date_format(first, "j")
        return f"{start}{EN_DASH}{date_format(last, full)}"
    short = pgettext("deadline explanation: a range's first date in the same year", "j M")
    start = date_format(first, short if first.year == last.year else full)
    return f"{start} {EN_DASH} {date_format(last, full)}"


def _article(article: str) -> str:
    """A law's citation as people read it: each of its parts (";" between them) an article
    ("Art. 24.1"), another law's article ("Citizens' Appeals Law, Art. 10"), or as written."""
    parts = [part.strip() for part in article.split(";")]
    return "; ".join(_article_part(part) for part in parts if part)


def _article_part(part: str) -> str:
    # "[U]" is the law notes' mark of a rule not confirmed in the law's text (docs/law-az.md).
    unconfirmed = part.endswith(UNCONFIRMED)
    if unconfirmed:
        part = part.removesuffix(UNCONFIRMED).strip()
    if BARE_ARTICLE.fullmatch(part):
        text = gettext("Art. %(article)s") % {"article": part}
    elif cited := OTHER_LAWS_ARTICLE.fullmatch(part):
        article = gettext("Art. %(article)s") % {"article": cited["article"]}
        text = f"{gettext(cited['law'])}, {article}"
    else:
        text = part
    if unconfirmed:
        text = gettext("%(article)s, unconfirmed") % {"article": text}
    return text


def _amount(value: int, unit: str) -> str:
    words = {
        "working_days": ngettext("%(count)d working day", "%(count)d working days", value),
        "calendar_days": ngettext("%(count)d day", "%(count)d days", value),
        "months": ngettext("%(count)d month", "%(count)d months", value),
        "hours": ngettext("%(count)d hour", "%(count)d hours", value),
        "working_hours": ngettext(
            "%(count)d hour not counting rest days and holidays",
            "%(count)d hours not counting rest days and holidays",
            value,
        ),
    }
    return words.get(unit, f"%(count)d {unit}") % {"count": value}


def _duration(seconds: int, unit: str) -> str:
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    parts = [ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}]
    if minutes:
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    text = " ".join(parts)
    if unit == "working_hours":
        return gettext("%(duration)s not counting rest days and holidays") % {"duration": text}
    return text


def _in_parentheses(*parts: str) -> str:
    filled = [part for part in parts if part]
    return f" ({'; '.join(filled)})" if filled else ""


_URGENCY_WORDS = {
    "urgent_relevance": lambda: gettext("urgent: the information would lose its value"),
    "urgent_life": lambda: gettext("urgent: a threat to life, health or liberty"),
}


# Sentences -------------------------------------------------------------------------------------


def _period(law, params: Mapping[str, Any]) -> str:
    unit, basis = params.get("unit", ""), params.get("basis", "")
    first_day = params.get("first_day")
    start = _day(first_day) if first_day else _moment(params["start"])
    if basis == "remaining":
        amount = (
            _duration(params["seconds"], unit)
            if "seconds" in params
            else _amount(params["value"], unit)
        )
        return gettext("The remaining %(amount)s counted from %(start)s") % {
            "amount": amount,
            "start": start,
        }
    urgency = _URGENCY_WORDS.get(basis, lambda: "")()
    article = _article(params.get("article", ""))
    clock_article = _article(params.get("clock_start_article", ""))
    return gettext("%(period)s counted from %(start)s") % {
        "period": _amount(params["value"], unit) + _in_parentheses(article, urgency),
        "start": start + _in_parentheses(clock_article),
    }


def _skipped(law, ranges: list[Mapping[str, Any]]) -> str:
    texts = []
    for params in ranges:
        first, last = date.fromisoformat(params["from"]), date.fromisoformat(params["to"])
        texts.append(
            _date_range(first, last) + _in_parentheses(", ".join(_reasons(law, first, last)))
        )
    return gettext("skipped %(ranges)s") % {"ranges": ", ".join(texts)}


def _reasons(law, first: date, last: date) -> list[str]:
    """Holidays of a run of rest days, those taking most days first; "weekend" last."""
    days_per_name: Counter[str] = Counter()
    weekend_days = 0
    for day in _days(first, last):
        names = _reasons_for_day(law, day)
        days_per_name.update(names)
        weekend_days += not names
    names = [name for name, _ in days_per_name.most_common()]
    return names + ([weekend_word()] if weekend_days else [])


def _days(first: date, last: date) -> Iterator[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _rolled_forward(law, params: Mapping[str, Any]) -> str:
    first = date.fromisoformat(params["from"])
    last_rest_day = date.fromisoformat(params["to"]) - timedelta(days=1)
    values = {
        "reasons": ", ".join(_reasons(law, first, last_rest_day)),
        "next": _day(params["to"]),
    }
    if first == last_rest_day:
        text = gettext("%(day)s is not a working day (%(reasons)s), so the period ends on %(next)s")
        return text % {**values, "day": _day(params["from"])}
    text = gettext("%(days)s are not working days (%(reasons)s), so the period ends on %(next)s")
    return text % {**values, "days": _date_range(first, last_rest_day)}


def _reason_label(law, code: str) -> str:
    reason = law.extension_reason(code) or {}
    language = (translation.get_language() or "en")[:2]
    return reason.get(f"label_{language}") or reason.get("label") or code


def _extended(law, params: Mapping[str, Any]) -> str:
    day = _day_of(params["at"])
    if not params.get("reason"):
        return gettext("Extended on %(day)s") % {"day": day}
    return gettext("Extended on %(day)s: %(reason)s") % {
        "day": day,
        "reason": _reason_label(law, params["reason"]),
    }


def _clarification_asked(law, params: Mapping[str, Any]) -> str:
    # What a restart means is told when the reply arrives, or while it is awaited.
    texts = {
        "pause": lambda: gettext("Clarification asked on %(day)s; the clock stopped"),
        "none": lambda: gettext("Clarification asked on %(day)s; the clock keeps running"),
    }
    text = texts.get(params.get("effect"), lambda: gettext("Clarification asked on %(day)s"))()
    return text % {"day": _day_of(params["at"])}


def _clarified(law, params: Mapping[str, Any]) -> str:
    if params.get("effect") == "pause" and not params.get("resumed"):
        text = gettext("Clarified on %(day)s; the period had run out before the clock stopped")
    elif params.get("effect") == "pause":
        text = gettext("Clarified on %(day)s; the clock runs again")
    elif params.get("effect") == "restart":
        text = gettext("Clarified on %(day)s; the clock starts again")
    else:
        text = gettext("Clarified on %(day)s")
    return text % {"day": _day_of(params["at"])}


def _waiting(law, params: Mapping[str, Any]) -> str:
    if params.get("effect") == "restart":
        text = gettext(
            "Waiting for the requester's reply since %(day)s; the clock starts again when it "
            "arrives"
        )
    else:
        text = gettext("The clock has been stopped since %(day)s, waiting for the requester")
    return text % {"day": _day(params["since"])}


def _fee_estimated(law, params: Mapping[str, Any]) -> str:
    if params.get("effect") == "pause":
        text = gettext("Fee estimate sent on %(day)s; the clock stopped")
    else:
        text = gettext("Fee estimate sent on %(day)s; the clock keeps running")
    return text % {"day": _day_of(params["at"])}


def _fee_settled(law, params: Mapping[str, Any]) -> str:
    waived = params.get("how") == "waived"
    if params.get("effect") != "pause":
        text = gettext("Fee waived on %(day)s") if waived else gettext("Fee paid on %(day)s")
    elif not params.get("resumed"):
        text = (
            gettext("Fee waived on %(day)s; the period had run out before the clock stopped")
            if waived
            else gettext("Fee paid on %(day)s; the period had run out before the clock stopped")
        )
    else:
        text = (
            gettext("Fee waived on %(day)s; the clock runs again")
            if waived
            else gettext("Fee paid on %(day)s; the clock runs again")
        )
    return text % {"day": _day_of(params["at"])}


def _transferred(law, params: Mapping[str, Any]) -> str:
    values = {
        "day": _day_of(params["at"]),
        "from": params.get("from_body"),
        "to": params.get("to_body"),
    }
    if values["from"] and values["to"]:
        text = gettext("Forwarded from %(from)s to %(to)s on %(day)s") % values
    elif values["to"]:
        text = gettext("Forwarded to %(to)s on %(day)s") % values
    else:
        text = gettext("Forwarded on %(day)s") % values
    if params.get("clock") == "continue":
        return text + "; " + gettext("the original clock keeps running")
    return text + "; " + gettext("the clock starts again")


def _transfer_capped(law, params: Mapping[str, Any]) -> str:
    period = _amount(params["value"], params["unit"]) + _in_parentheses(
        _article(params.get("article", ""))
    )
    if params["unit"] in DAY_UNITS:
        cap = gettext("the end of %(day)s") % {"day": _day_of(params["cap"])}
    else:
        cap = _moment(params["cap"])
    return gettext(
        "The new clock starts no later than the end of the transfer period of %(period)s: %(cap)s"
    ) % {"period": period, "cap": cap}


def _due(law, params: Mapping[str, Any]) -> str:
    if params.get("end_of_day"):
        return gettext("Due end of %(day)s") % {"day": _day_of(params["at"])}
    return gettext("Due %(moment)s") % {"moment": _moment(params["at"])}


_SENTENCES: dict[str, Callable[[Any, Mapping[str, Any]], str]] = {
    "received": lambda law, p: gettext("Received %(moment)s") % {"moment": _moment(p["at"])},
    "lodged": lambda law, p: gettext("Appeal lodged %(moment)s") % {"moment": _moment(p["at"])},
    "period": _period,
    "extended": _extended,
    "clarification_asked": _clarification_asked,
    "clarified": _clarified,
    "waiting": _waiting,
    "fee_estimated": _fee_estimated,
    "fee_settled": _fee_settled,
    "fee_waiting": lambda law, p: (
        gettext("The clock has been stopped since %(day)s, waiting for the fee")
        % {"day": _day(p["since"])}
    ),
    "transferred": _transferred,
    "transfer_capped": _transfer_capped,
    "reopened": lambda law, p: (
        gettext("Reopened on %(day)s after an appeal") % {"day": _day_of(p["at"])}
    ),
    "due": _due,
}


def render(law, steps: list[tuple[str, dict[str, Any]]]) -> str:
    """Sentences for the steps; holidays and a roll forward are told within their period's."""
    sentences: list[str] = []
    skipped: list[Mapping[str, Any]] = []

    def add_clause(clause: str) -> None:
        if sentences:
            sentences[-1] += "; " + clause
        else:
            sentences.append(clause[:1].upper() + clause[1:])

    # The empty step at the end flushes a last run of skipped ranges.
    for code, params in [*steps, ("", {})]:
        if code == "skipped":
            skipped.append(params)
            continue
        if skipped:
            add_clause(_skipped(law, skipped))
            skipped = []
        if code == "rolled_forward":
            add_clause(_rolled_forward(law, params))
        elif code in _SENTENCES:
            sentences.append(_SENTENCES[code](law, params))
        # Codes from a newer or older version are left out rather than breaking the page.
    return " ".join(f"{sentence}." for sentence in sentences)


def explain(law, steps: Sequence[Mapping] | Sequence[Step]) -> str:
    """The steps as sentences in the active language."""
    pairs = []
    for step in steps:
        if isinstance(step, Step):
            pairs.append((step.code, dict(step.params)))
        else:
            params = dict(step)
            pairs.append((str(params.pop("code", "")), params))
    return render(law, pairs)
