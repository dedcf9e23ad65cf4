"""Sums of requests' facts (``CaseStat`` rows), in a form that adds up, and the SQL that sums
them. What is summed follows ``foi.stats.FIGURES``: each ``cases`` figure is a count of the rows
meeting its condition, each ``appeals`` figure the sum of the row's column of that name, each
``median`` a histogram of working days, each ``grounds`` figure counts per exemption code."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from foi.selectors import fees
from foi.selectors.stats import OUTCOMES, of_kind
from publicstats.models import FACTS, CaseStat

# Counted per case / per appeal, stored per body and month (``StoredSums``' columns of the same
# names), in this order.
CASE_COUNTS = of_kind("cases")
APPEAL_COUNTS = of_kind("appeals")
COUNTS = tuple(figure.name for figure in (*CASE_COUNTS, *APPEAL_COUNTS))
TRANSFERS = tuple(figure.name for figure in of_kind("transfers"))
HISTOGRAMS = tuple(figure.tally for figure in of_kind("median"))
# A decision's outcome -> the counts per ground its grounds go to.
GROUNDS = {figure.outcome: figure.tally for figure in of_kind("grounds")}

# Fees (``StoredSums``' columns of these names): each a condition on a case's facts, in SQL, and
# its parameters. The requests not classed are the rest of those received (``fee_counts``).
FEE_SQL = {
    **{f"fees_class_{name}": ("fee_class = %s", [name]) for name in fees.CLASSES},
    "fees_estimated": ("fee_estimated", []),
    "fees_paid": ("fee_paid", []),
    "fees_waived": ("fee_waived", []),
    "fees_closed_unpaid": (
        "state = %s AND fee_estimated AND NOT fee_paid AND NOT fee_waived",
        [fees.CLOSED],
    ),
    "fees_awaiting_payment": ("state = %s", [fees.AWAITING_PAYMENT]),
}
FEES = tuple(FEE_SQL)

# What a case's fact (a ``CaseFacts`` attribute a ``cases`` figure tests) is on ``CaseStat``.
FACT_SQL = {"decided": "outcome <> ''", "on_time": "on_time", "state": "state"}


def merge(into: dict, other: dict) -> None:
    for key, value in other.items():
        into[key] = into.get(key, 0) + value


class Sums:
    """What the figures need of a set of requests, in a form that adds up: the counts
    (``COUNTS`` and ``TRANSFERS``), first decisions per outcome, the histograms of working days
    (``HISTOGRAMS``) and the counts per ground (``GROUNDS``' values). Grounds are keyed by (law
    id, code), so that sums across laws stay apart. (Plain dicts, not Counters: the league table
    adds thousands of these.)"""

    NUMBERS = (*COUNTS, *TRANSFERS, *FEES)
    MAPS = ("outcomes", *HISTOGRAMS, *GROUNDS.values())
    __slots__ = (*NUMBERS, *MAPS)

    def __init__(self):
        for name in self.NUMBERS:
            setattr(self, name, 0)
        for name in self.MAPS:
            setattr(self, name, {})

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Sums({values})"

    def add(self, other: Sums) -> Sums:
        for name in self.NUMBERS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in self.MAPS:
            merge(getattr(self, name), getattr(other, name))
        return self


def median(histogram: dict[int, int]) -> float | None:
    """The median of the values a histogram counts, as ``statistics.median`` gives it (the
    mean of the two middle values for an even count), rounded to one decimal."""
    size = sum(histogram.values())
    if not size:
        return None
    wanted = (size - 1) // 2, size // 2  # the middle positions, 0-based
    found, seen = [], 0
    for value in sorted(histogram):
        seen += histogram[value]
        while len(found) < 2 and wanted[len(found)] < seen:
            found.append(value)
        if len(found) == 2:
            break
    return round((found[0] + found[1]) / 2, 1)


def month_start(day: date) -> date:
    return day.replace(day=1)


# Sums in SQL ------------------------------------------------------------------------------------


# The facts the sums read, as columns.
_FACTS = tuple(CaseStat._meta.get_field(name).attname for name in FACTS)
PARTS = ("counts", *HISTOGRAMS, "grounds")
_SLOTS = {"body": ("body_id", "BIGINT"), "month": ("month", "DATE")}


def _count(figure) -> tuple[str, list]:
    """A ``cases`` figure's count over the facts, in SQL, and its parameters."""
    if figure.where is None:
        return "COUNT(*)", []
    fact, values = figure.where
    if tuple(values) == (True,):
        return f"SUM(CASE WHEN {FACT_SQL[fact]} THEN 1 ELSE 0 END)", []
    marks = ", ".join(["%s"] * len(values))
    return f"SUM(CASE WHEN {FACT_SQL[fact]} IN ({marks}) THEN 1 ELSE 0 END)", list(values)


def _counts() -> tuple[list[str], list]:
    """The columns of a ``counts`` branch (``COUNTS``, then one per outcome, then ``FEES``) and
    their parameters."""
    columns, params = [], []
    for figure in CASE_COUNTS:
        sql, figure_params = _count(figure)
        columns.append(sql)
        params += figure_params
    columns += [f"SUM({figure.name})" for figure in APPEAL_COUNTS]
    columns += ["SUM(CASE WHEN outcome = %s THEN 1 ELSE 0 END)" for _ in OUTCOMES]
    params += OUTCOMES
    for condition, fee_params in FEE_SQL.values():
        columns.append(f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)")
        params += fee_params
    return columns, params


_COUNTS_SQL, _COUNTS_PARAMS = _counts()
_NUMBERS = len(_COUNTS_SQL)  # a branch's numbers: its count (the first), then the others


def _branch(part: str, keys: tuple[str, ...], at: int) -> tuple[str, list]:
    """One SELECT of ``_sums_by``'s statement: ``part`` of the facts grouped by ``keys``."""
    slots = ", ".join(
        column if name in keys else f"CAST(NULL AS {kind})"
        for name, (column, kind) in _SLOTS.items()
    )
    group = [_SLOTS[name][0] for name in keys]
    nulls = ", ".join(["NULL"] * (_NUMBERS - 1))
    if part == "counts":
        sql = (
            f"SELECT {at}, {slots}, CAST(NULL AS BIGINT), CAST(NULL AS INTEGER), "
            f"CAST(NULL AS TEXT), CAST(NULL AS TEXT), {', '.join(_COUNTS_SQL)} FROM facts"
        )
        params = list(_COUNTS_PARAMS)
    elif part == "grounds":
        group += ["law_id", "outcome", "grounds"]
        marks = ", ".join(["%s"] * len(GROUNDS))
        sql = (
            f"SELECT {at}, {slots}, law_id, NULL, outcome, grounds, COUNT(*), {nulls} "
            f"FROM facts WHERE outcome IN ({marks}) AND grounds <> ''"
        )
        params = list(GROUNDS)
    else:  # a histogram
        group.append(part)
        sql = (
            f"SELECT {at}, {slots}, NULL, {part}, NULL, NULL, COUNT(*), {nulls} "
            f"FROM facts WHERE {part} IS NOT NULL"
        )
        params = []
    return sql + (f" GROUP BY {', '.join(group)}" if group else ""), params


def sums_by(cases: list, branches: list[tuple[str, tuple[str, ...]]]) -> list[dict[tuple, Sums]]:
    """The sums of the facts of ``CaseStat`` querysets (their rows together), one dict per
    branch: a branch is (part, keys), a part of ``PARTS`` grouped by ``keys`` (of "body" and
    "month"; a dict's keys are tuples of their values). One statement, which reads the rows
    once."""
    from django.db import connection

    sources = [source.values_list(*_FACTS).order_by().query.sql_with_params() for source in cases]
    source = " UNION ALL ".join(sql for sql, _ in sources)
    source_params = [param for _, params in sources for param in params]
    built = [_branch(part, keys, at) for at, (part, keys) in enumerate(branches)]
    sql = f"WITH facts AS ({source}) " + " UNION ALL ".join(sql for sql, _ in built)
    params = [*source_params, *(param for _, branch_params in built for param in branch_params)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    results: list[dict[tuple, Sums]] = [{} for _ in branches]
    for at, body, month, law, days, outcome, grounds, *numbers in rows:
        part, keys = branches[at]
        if isinstance(month, str):  # SQLite gives dates as ISO text
            month = date.fromisoformat(month)
        key = tuple(body if name == "body" else month for name in keys)
        result = results[at]
        sums = result.get(key)
        if sums is None:
            sums = result[key] = Sums()
        if part == "counts":
            numbers = [int(value or 0) for value in numbers]
            for name, value in zip(COUNTS, numbers, strict=False):
                setattr(sums, name, value)
            outcomes = numbers[len(COUNTS) : len(COUNTS) + len(OUTCOMES)]
            sums.outcomes = dict(zip(OUTCOMES, outcomes, strict=True))
            for name, value in zip(FEES, numbers[len(COUNTS) + len(OUTCOMES) :], strict=True):
                setattr(sums, name, value)
        elif part == "grounds":
            counter = getattr(sums, GROUNDS[outcome])
            n = numbers[0]
            for code in grounds.split(","):
                counter[(law, code)] = counter.get((law, code), 0) + n
        else:
            histogram = getattr(sums, part)
            histogram[days] = histogram.get(days, 0) + numbers[0]
    return results


def sums_of(cases, keys: tuple[str, ...] = ("body", "month")) -> dict[tuple, Sums]:
    """The sums of a ``CaseStat`` queryset grouped by ``keys`` (of "body" and "month"), in one
    statement."""
    result: dict[tuple, Sums] = {}
    for part in sums_by([cases], [(part, keys) for part in PARTS]):
        for key, sums in part.items():
            result.setdefault(key, Sums()).add(sums)
    return result


# Stored sums (``BodyMonthStat``, ``BodyYearStat``) ------------------------------------------------


STORED_NUMBERS = (*Sums.NUMBERS, *(f"outcome_{name}" for name in OUTCOMES))
STORED_MAPS = (*HISTOGRAMS, *GROUNDS.values())


def stored_fields(sums: Sums) -> dict:
    """``sums`` as a stored row's fields (grounds by code: a row is of one law)."""
    return {
        **{name: getattr(sums, name) for name in Sums.NUMBERS},
        **{f"outcome_{name}": sums.outcomes.get(name, 0) for name in OUTCOMES},
        **{name: {str(days): n for days, n in getattr(sums, name).items()} for name in HISTOGRAMS},
        **{
            name: {code: n for (_law, code), n in getattr(sums, name).items()}
            for name in GROUNDS.values()
        },
    }


def summed_fields(rows: Iterable) -> dict:
    """The sum of stored rows' sums (``BodyMonthStat``s), as a row's fields."""
    fields = {name: 0 for name in STORED_NUMBERS} | {name: {} for name in STORED_MAPS}
    for row in rows:
        for name in STORED_NUMBERS:
            fields[name] += getattr(row, name)
        for name in STORED_MAPS:
            merge(fields[name], getattr(row, name))
    return fields
