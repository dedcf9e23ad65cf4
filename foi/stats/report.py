"""A body's report for a period (the workspace's reports page), per officer, and as CSV rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from core import clock
from foi.stats.facts import case_facts, transfers_out
from foi.stats.figures import FIGURES, OUTCOMES, Figures, figures


@dataclass
class Report:
    body: object
    date_from: date
    date_to: date
    total: Figures
    # (user id or None for "nobody", figures), busiest first.
    by_officer: list[tuple[int | None, Figures]]


def body_report(*, body, date_from: date, date_to: date, now: datetime | None = None) -> Report:
    now = now or clock.now()
    facts = case_facts(body=body, date_from=date_from, date_to=date_to)
    transfers = transfers_out(body=body, date_from=date_from, date_to=date_to)
    law = body.law
    total = figures(facts, law=law, now=now, transferred_out=sum(transfers.values()))
    groups = defaultdict(list)
    for case in facts:
        groups[case.handled_by].append(case)
    people = set(groups) | set(transfers)
    by_officer = [
        (person, figures(groups[person], law=law, now=now, transferred_out=transfers[person]))
        for person in people
    ]
    by_officer.sort(key=lambda row: (row[0] is None, -row[1].received, row[0] or 0))
    return Report(body, date_from, date_to, total, by_officer)


# As a table (CSV) -----------------------------------------------------------------------------


def _columns():
    for figure in FIGURES:
        if not figure.reports or figure.kind == "grounds":  # grounds: a column per code
            continue
        if figure.kind == "outcomes":
            yield from (f"outcome_{outcome}" for outcome in OUTCOMES)
        else:
            yield figure.name


COLUMNS = tuple(_columns())


def figures_row(figures_: Figures, ground_codes: Iterable[str]) -> list:
    """The figures in ``COLUMNS`` order, then refusals and partial answers per ground."""
    values = []
    for column in COLUMNS:
        if column.startswith("outcome_"):
            values.append(figures_.outcomes.get(column.removeprefix("outcome_"), 0))
        else:
            value = getattr(figures_, column)
            values.append("" if value is None else value)
    codes = list(ground_codes)
    values += [figures_.refusals_by_ground.get(code, 0) for code in codes]
    values += [figures_.partial_answers_by_ground.get(code, 0) for code in codes]
    return values


def header_row(ground_codes: Iterable[str]) -> list[str]:
    codes = list(ground_codes)
    return [
        *COLUMNS,
        *(f"refusals_ground_{code}" for code in codes),
        *(f"partial_answers_ground_{code}" for code in codes),
    ]
