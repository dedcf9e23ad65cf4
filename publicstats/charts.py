"""Charts drawn on the server as inline SVG: no script, no library, readable without colour
(labels and a data table go beside each one, see the templates).

Each chart is drawn twice, for a wide column and for a phone's (``WIDE``, ``NARROW``), and the
stylesheet shows the one that fits: a 640-unit drawing squeezed onto a 360 px screen would
write its labels at 6 px, the narrow one keeps them at about 11 px. The hidden one is
``display: none``, so a screen reader meets one chart, not two.
"""

from __future__ import annotations

import functools
import itertools
import math
import textwrap
from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.numbers import number_text

# One palette for every chart (each colour at least 3:1 against white).
RECEIVED = "#0b5cad"
ANSWERED = "#1b7f6b"
ON_TIME = "#6d3fa8"
INK = "#1d2330"
MUTED = "#5b6474"
GRID = "#d9dde5"
OUTCOME_COLOURS = {
    "full": "#1b7f6b",
    "partial": "#3f7d20",
    "not_held": "#5b6474",
    "refused": "#a4161a",
    "rejected": "#b45309",
}

HEIGHT = 260
TOP, BOTTOM = 36, 44
_ids = itertools.count(1)


@dataclass(frozen=True)
class Frame:
    """One drawing's geometry, in the viewBox's units (the text is 12 units high)."""

    name: str
    width: int
    left: int
    right: int
    months_labelled: int  # at most this many month names under the axis


WIDE = Frame("wide", width=640, left=48, right=16, months_labelled=12)
NARROW = Frame("narrow", width=360, left=40, right=8, months_labelled=6)
FRAMES = (WIDE, NARROW)


def month_label(month: str) -> str:
    return _month_format(month, "M Y", get_language())


def _short_month(month: str) -> str:
    return _month_format(month, "M", get_language())


@functools.lru_cache(maxsize=2048)
def _month_format(month: str, format_string: str, language: str | None) -> str:
    # Kept per language: the charts label the same months hundreds of times a page.
    year, number = (int(part) for part in month.split("-"))
    return formats.date_format(date(year, number, 1), format_string)


def _nice_max(value: float) -> int:
    if value <= 4:
        return 4
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return math.ceil(top)
    return int(value)


def _both(draw) -> str:
    """``draw(frame)`` for each frame, one after the other."""
    return mark_safe("".join(draw(frame) for frame in FRAMES))


def _svg(frame: Frame, title: str, description: str, body: str, *, height: int = HEIGHT) -> str:
    number = next(_ids)
    return format_html(
        '<svg class="chart chart--{frame}" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="chart-{n}-title chart-{n}-desc" '
        'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">'
        '<title id="chart-{n}-title">{title}</title><desc id="chart-{n}-desc">{desc}</desc>'
        "{body}</svg>",
        frame=frame.name,
        w=frame.width,
        h=height,
        n=number,
        title=title,
        desc=description,
        body=mark_safe(body),  # built below from escaped parts only
    )


def _y_axis(frame: Frame, top_value: int, suffix: str = "") -> tuple[list[str], float]:
    plot_height = HEIGHT - TOP - BOTTOM
    parts = []
    for index in range(5):
        value = top_value * index / 4
        y = HEIGHT - BOTTOM - plot_height * index / 4
        label = f"{number_text(value)}{suffix}"
        parts.append(
            f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" '
            f'y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{frame.left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{escape(label)}</text>"
        )
    return parts, plot_height


def _legend(frame: Frame, items: list[tuple[str, str]]) -> str:
    parts, x = [], frame.left
    for colour, label in items:
        parts.append(
            f'<rect x="{x}" y="10" width="12" height="12" rx="2" fill="{colour}"/>'
            f'<text x="{x + 17}" y="20.5" fill="{INK}">{escape(label)}</text>'
        )
        x += 30 + 7 * len(label)
    return "".join(parts)


def _x_labels(frame: Frame, monthly: list[dict], slot: float) -> str:
    """Month names under the axis; the year on a second line at the start and each January."""
    step = max(1, math.ceil(len(monthly) / frame.months_labelled))
    parts = []
    for index, row in enumerate(monthly):
        if index % step:
            continue
        x = frame.left + slot * (index + 0.5)
        y = HEIGHT - BOTTOM + 16
        parts.append(
            f'<text x="{x:.1f}" y="{y}" text-anchor="middle" fill="{MUTED}">'
            f"{escape(_short_month(row['month']))}</text>"
        )
        if index == 0 or row["month"].endswith("-01"):
            parts.append(
                f'<text x="{x:.1f}" y="{y + 15}" text-anchor="middle" fill="{INK}" '
                f'font-weight="600">{row["month"][:4]}</text>'
            )
    return "".join(parts)


def received_answered(monthly: list[dict]) -> str:
    """Grouped bars: requests received and answered in each month's cohort."""
    title = _("Requests received and answered, by month of receipt")
    total_received = sum(row["received"] for row in monthly)
    total_answered = sum(row["answered"] for row in monthly)
    description = _(
        "%(received)s requests received and %(answered)s of them answered over %(months)s months."
    ) % {
        "received": number_text(total_received),
        "answered": number_text(total_answered),
        "months": len(monthly),
    }
    top = _nice_max(max([row["received"] for row in monthly] or [0]))
    legend = [(RECEIVED, _("Received")), (ANSWERED, _("Answered"))]
    return _both(lambda frame: _received_answered(frame, monthly, top, title, description, legend))


def _received_answered(frame, monthly, top, title, description, legend) -> str:
    parts, plot_height = _y_axis(frame, top)
    slot = (frame.width - frame.left - frame.right) / max(1, len(monthly))
    bar = min(22.0, slot * 0.36)
    for index, row in enumerate(monthly):
        centre = frame.left + slot * (index + 0.5)
        for offset, key, colour in ((-bar, "received", RECEIVED), (0, "answered", ANSWERED)):
            height = plot_height * row[key] / top
            y = HEIGHT - BOTTOM - height
            label = f"{month_label(row['month'])}: {number_text(row[key])}"
            parts.append(
                f'<rect x="{centre + offset:.1f}" y="{y:.1f}" width="{bar - 1:.1f}" '
                f'height="{height:.1f}" fill="{colour}"><title>{escape(label)}</title></rect>'
            )
    parts.append(_x_labels(frame, monthly, slot))
    parts.append(_legend(frame, legend))
    return _svg(frame, title, description, "".join(parts))


def on_time_rate(monthly: list[dict]) -> str:
    """A line of the share answered on time per month; months with no decision are gaps."""
    title = _("Share of decisions made on time, by month of receipt")
    known = [row for row in monthly if row["on_time_percent"] is not None]
    if known:
        low = min(known, key=lambda row: row["on_time_percent"])
        high = max(known, key=lambda row: row["on_time_percent"])
        description = _(
            "Between %(low)s%% (%(low_month)s) and %(high)s%% (%(high_month)s) of decisions "
            "were on time."
        ) % {
            "low": number_text(low["on_time_percent"]),
            "low_month": month_label(low["month"]),
            "high": number_text(high["on_time_percent"]),
            "high_month": month_label(high["month"]),
        }
    else:
        description = _("No decisions in this period.")
    legend = [(ON_TIME, _("On time"))]
    return _both(lambda frame: _on_time_rate(frame, monthly, title, description, legend))


def _on_time_rate(frame, monthly, title, description, legend) -> str:
    parts, plot_height = _y_axis(frame, 100, "%")
    slot = (frame.width - frame.left - frame.right) / max(1, len(monthly))
    segment = []
    segments = [segment]
    for index, row in enumerate(monthly):
        if row["on_time_percent"] is None:
            segment = []
            segments.append(segment)
            continue
        x = frame.left + slot * (index + 0.5)
        y = HEIGHT - BOTTOM - plot_height * row["on_time_percent"] / 100
        segment.append((x, y))
        label = f"{month_label(row['month'])}: {number_text(row['on_time_percent'])}%"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{ON_TIME}">'
            f"<title>{escape(label)}</title></circle>"
        )
    for points in segments:
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.insert(
                5,
                f'<polyline points="{path}" fill="none" stroke="{ON_TIME}" stroke-width="2.5"/>',
            )
    parts.append(_x_labels(frame, monthly, slot))
    parts.append(_legend(frame, legend))
    return _svg(frame, title, description, "".join(parts))


def outcomes(outcome_counts: dict, labels: dict) -> str:
    """Horizontal bars, one per outcome of the first decisions."""
    title = _("Outcomes of the decisions")
    total = sum(outcome_counts.values())
    description = ", ".join(
        f"{labels[key]}: {number_text(outcome_counts.get(key, 0))}" for key in labels
    )
    return _both(lambda frame: _outcomes(frame, outcome_counts, labels, total, title, description))


def _outcomes(frame, outcome_counts, labels, total, title, description) -> str:
    # Each label above its bar, from the left edge: long labels (Russian ones) are never cut
    # off, and the bars keep the chart's whole width on a phone.
    row_height, top_gap, left = 42, 4, 4
    height = top_gap + row_height * len(labels) + 6
    plot_width = frame.width - left - 96
    top = max(1, max(outcome_counts.values() or [0]))
    parts = []
    for index, (key, label) in enumerate(labels.items()):
        count = outcome_counts.get(key, 0)
        y = top_gap + row_height * index
        width = plot_width * count / top
        share = f" ({round(100 * count / total)}%)" if total else ""
        parts.append(
            f'<text x="{left}" y="{y + 13}" fill="{INK}">{escape(label)}</text>'
            f'<rect x="{left}" y="{y + 19}" width="{max(width, 1):.1f}" height="16" '
            f'rx="2" fill="{OUTCOME_COLOURS.get(key, MUTED)}"/>'
            f'<text x="{left + max(width, 1) + 6:.1f}" y="{y + 32}" fill="{INK}">'
            f"{number_text(count)}{escape(share)}</text>"
        )
    return _svg(frame, title, description, "".join(parts), height=height)


def duty_rates(rows: list[dict]) -> str:
    """Horizontal bars, one per duty of the law: the share of it done on time (``rows``: each
    with ``label``, ``on_time``, ``late``, ``missed`` and ``on_time_percent``)."""
    title = _("Share of each duty done on time")
    description = "; ".join(
        f"{row['label']}: "
        + ("—" if row["on_time_percent"] is None else f"{number_text(row['on_time_percent'])}%")
        for row in rows
    )
    return _both(lambda frame: _duty_rates(frame, rows, title, description))


def _duty_rates(frame, rows, title, description) -> str:
    # As ``_outcomes``: each label above its bar, on a scale of 0 to 100 per cent. A duty's name
    # can be longer than a phone's chart is wide: it is broken at spaces over as many lines as
    # it needs (about 7.2 units a character at 12, Cyrillic being wide); the rows below move
    # down.
    line_height, bar_gap, top_gap, left = 15, 26, 4, 4
    plot_width = frame.width - left - 120
    per_line = max(12, int((frame.width - left * 2) / 7.2))
    parts = []
    y = top_gap
    for row in rows:
        percent = row["on_time_percent"]
        due = row["on_time"] + row["late"] + row["missed"]
        width = plot_width * (percent or 0) / 100
        if percent is None:
            value = "—"
        else:
            value = _("%(percent)s%% (%(n)s of %(due)s)") % {
                "percent": number_text(percent),
                "n": number_text(row["on_time"]),
                "due": number_text(due),
            }
        lines = textwrap.wrap(str(row["label"]), per_line) or [""]
        label = "".join(
            f'<tspan x="{left}" dy="{0 if i == 0 else line_height}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        bar_y = y + 6 + line_height * len(lines)
        parts.append(
            f'<text x="{left}" y="{y + 13}" fill="{INK}">{label}</text>'
            f'<rect x="{left}" y="{bar_y}" width="{max(width, 1):.1f}" height="16" '
            f'rx="2" fill="{ON_TIME}"/>'
            f'<text x="{left + max(width, 1) + 6:.1f}" y="{bar_y + 13}" fill="{INK}">'
            f"{escape(value)}</text>"
        )
        y = bar_y + bar_gap
    height = y + 2
    return _svg(frame, title, description, "".join(parts), height=height)
