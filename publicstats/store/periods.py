"""Reading a period's public sums for the pages and the API.

A period's figures are the sums of the whole months inside it (``BodyMonthStat``, one row per
body and month; the histograms and grounds of its whole years from ``BodyYearStat``, one row
per body and year) plus, summed in SQL from ``CaseStat``, the days at its cut ends and the
private requests whose date has passed (they become public on a date, not when something is
saved, so they are never in the stored sums). Reading costs a fixed number of queries over at
most two partial months, whatever the number of requests.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, IntegerField, Min, Q, Sum, Value

from foi.selectors.stats import OUTCOMES, STATUSES
from publicstats.models import (
    RUNNING,
    BodyMonthStat,
    BodyYearStat,
    CaseStat,
    DutyStat,
    TransferStat,
)
from publicstats.store.sums import GROUNDS, HISTOGRAMS, Sums, merge, month_start, sums_by


@dataclass
class PeriodSums:
    """A period's public sums over the bodies read (one, or all)."""

    # body id -> the body's sums over the period (with transferred_out; grounds are in ``grounds``)
    totals: dict[int, Sums]
    # month's first day -> [received, answered, answered on time], summed over the bodies
    months: dict[date, list[int]]
    # the grounds invoked, summed over the bodies (in its refusal_grounds and partial_grounds)
    grounds: Sums
    # body id -> open requests past their due moment now
    overdue_now: dict[int, int]
    # body id -> those of them past their law's very-overdue tier now
    very_overdue_now: dict[int, int]
    # body id -> duty code -> status (``foi.stats.duties.STATUSES``) -> count, now
    duties: dict[int, dict[str, dict[str, int]]]


def _stored_details(
    months: list[tuple[date, date]], years: tuple[int, int] | None, body_id: int | None
) -> list[tuple]:
    """(body id or None, law id or None, column, key, count): the stored histograms summed per
    body and the grounds summed per law, over the months in the ranges ``months`` (first days
    of the first and last, from ``BodyMonthStat``) and the ``years`` (first and last, from
    ``BodyYearStat``), in SQL (``jsonb_each`` on PostgreSQL, ``json_each`` on SQLite)."""
    from django.db import connection

    each = "jsonb_each" if connection.vendor == "postgresql" else "json_each"
    sources, source_params = [], []
    body = " AND body_id = %s" if body_id else ""
    if months:
        spans = " OR ".join("(month >= %s AND month <= %s)" for _ in months)
        sources.append(f"FROM {BodyMonthStat._meta.db_table} WHERE ({spans}){body}")
        source_params += [day for span in months for day in span] + ([body_id] if body_id else [])
    if years:
        sources.append(f"FROM {BodyYearStat._meta.db_table} WHERE year >= %s AND year <= %s{body}")
        source_params += [*years] + ([body_id] if body_id else [])
    if not sources:
        return []
    per_body = "m.body_id, CAST(NULL AS BIGINT)", "m.body_id"
    per_law = "CAST(NULL AS BIGINT), m.law_id", "m.law_id"
    parts = []
    for column, (columns, group) in (
        *((name, per_body) for name in HISTOGRAMS),
        *((name, per_law) for name in GROUNDS.values()),
    ):
        rows = " UNION ALL ".join(
            f"SELECT body_id, law_id, {column} AS doc {source}" for source in sources
        )
        parts.append(
            f"SELECT {columns}, '{column}', h.key, SUM(CAST(h.value AS INTEGER)) "
            f"FROM ({rows}) m, {each}(m.doc) h GROUP BY {group}, h.key"
        )
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), source_params * len(parts))
        return cursor.fetchall()


def _quiet_after(day: date) -> tuple[bool, bool]:
    """Whether nothing was received or transferred after ``day`` in its month, and in its year
    (two index lookups): then that month's (or year's) stored sums are the period's, though
    the period ends before the month (or year) does. It is so for every period that ends
    today, as the default one does."""
    next_year = date(day.year + 1, 1, 1)
    later = [
        CaseStat.objects.filter(received_on__gt=day, received_on__lt=next_year).aggregate(
            first=Min("received_on")
        )["first"],
        TransferStat.objects.filter(on__gt=day, on__lt=next_year).aggregate(first=Min("on"))[
            "first"
        ],
    ]
    later = [found for found in later if found is not None]
    next_month = month_start(day.replace(day=28) + timedelta(days=4))  # always the next month
    return not later or min(later) >= next_month, not later


def _whole_months(
    date_from: date, date_to: date, *, cut_end_is_empty: bool = False
) -> tuple[date, date] | None:
    """The first days of the first and last months whose stored sums are the period's: the
    whole months inside it, and the last one too when nothing happened in it after the period
    (``cut_end_is_empty``)."""
    if date_from.day == 1:
        first = date_from
    else:  # the 28th plus four days is always in the next month
        first = month_start(date_from.replace(day=28) + timedelta(days=4))
    if cut_end_is_empty or date_to.day == calendar.monthrange(date_to.year, date_to.month)[1]:
        last = month_start(date_to)
    else:
        last = month_start(month_start(date_to) - timedelta(days=1))
    return (first, last) if first <= last else None


def _whole_years(
    first: date, last: date, *, year_end_is_empty: bool = False
) -> tuple[list[tuple[date, date]], tuple[int, int] | None]:
    """The months ``first`` … ``last`` as whole years (read from ``BodyYearStat``) and the
    ranges of months outside them, at most two. The last year counts whole when nothing
    happened in it after the period (``year_end_is_empty``)."""
    first_year = first.year if first.month == 1 else first.year + 1
    last_year = last.year if last.month == 12 or year_end_is_empty else last.year - 1
    if first_year > last_year:
        return [(first, last)], None
    months = []
    if first < date(first_year, 1, 1):
        months.append((first, date(first_year - 1, 12, 1)))
    if last > date(last_year, 12, 1):
        months.append((date(last_year + 1, 1, 1), last))
    return months, (first_year, last_year)


def public_q(today: date) -> Q:
    """``foi.selectors.foi_request_public_qs``'s rule, on ``CaseStat`` (which holds no drafts)."""
    return Q(visibility="public") | Q(visibility="private", private_until__lte=today)


def period_sums(
    *,
    date_from: date,
    date_to: date,
    now: datetime,
    body_id: int | None = None,
    very_overdue: dict[int, datetime] | None = None,
) -> PeriodSums:
    """The public sums of the period per body, and per month and ground over the bodies read:
    at most nine queries. ``very_overdue``: law id -> the due moments before which a running
    request is very overdue now (``foi.selectors.stats.very_overdue_before``)."""
    from django.utils import timezone

    today = timezone.localdate(now)
    month_is_quiet, year_is_quiet = _quiet_after(date_to)
    whole = _whole_months(date_from, date_to, cut_end_is_empty=month_is_quiet)

    if whole is None:
        edges = [(date_from, date_to)]
    else:  # the days before the first whole month and after the last
        after = month_start(whole[1] + timedelta(days=32))
        edges = [(date_from, whole[0] - timedelta(days=1)), (after, date_to)]
    edges = [(start, end) for start, end in edges if start <= end]

    def cut_ends(field: str) -> Q:
        """The public rows of the days outside the whole months."""
        days = Q(pk__in=[])
        for start, end in edges:
            days |= Q(**{f"{field}__gte": start, f"{field}__lte": end})
        return Q(visibility="public") & days

    def released(field: str) -> Q:
        """The rows private until a date that has passed (never in the stored sums)."""
        return Q(
            visibility="private",
            private_until__lte=today,
            **{f"{field}__gte": date_from, f"{field}__lte": date_to},
        )

    # Two sources, so that each reads its own index: the released private rows come from the
    # covering index casestat_released alone.
    cases = [CaseStat.objects.filter(released("received_on"))]
    if edges:
        cases.append(CaseStat.objects.filter(cut_ends("received_on")))
    transfers = TransferStat.objects.filter(cut_ends("on") | released("on"))
    running = CaseStat.objects.filter(
        public_q(today),
        received_on__gte=date_from,
        received_on__lte=date_to,
        state__in=RUNNING,
        due_at__lt=now,
    )
    if body_id is not None:
        cases = [source.filter(body_id=body_id) for source in cases]
        transfers = transfers.filter(from_body_id=body_id)
        running = running.filter(body_id=body_id)
    totals: dict[int, Sums] = {}
    months: dict[date, list[int]] = {}
    grounds = Sums()

    def of(body: int) -> Sums:
        found = totals.get(body)
        if found is None:
            found = totals[body] = Sums()
        return found

    def add_month(month: date, received: int, answered: int, on_time: int) -> None:
        counts = months.setdefault(month, [0, 0, 0])
        counts[0] += received
        counts[1] += answered
        counts[2] += on_time

    if whole is not None:
        # The stored whole months, summed in SQL: four queries, whatever the number of months.
        stored = BodyMonthStat.objects.filter(month__gte=whole[0], month__lte=whole[1])
        if body_id is not None:
            stored = stored.filter(body_id=body_id)
        stored = stored.filter(Q(received__gt=0) | Q(transferred_out__gt=0))
        for month, *counts in (
            stored.values("month")
            .annotate(Sum("received"), Sum("answered"), Sum("answered_on_time"))
            .values_list("month", "received__sum", "answered__sum", "answered_on_time__sum")
            .order_by()
        ):
            add_month(month, *counts)
        summed = [*Sums.NUMBERS, *(f"outcome_{name}" for name in OUTCOMES)]
        for row in (
            stored.values("body_id").annotate(**{f"sum_{name}": Sum(name) for name in summed})
        ).order_by():
            part = of(row["body_id"])
            for name in Sums.NUMBERS:
                setattr(part, name, row[f"sum_{name}"] or 0)
            part.outcomes = {name: row[f"sum_outcome_{name}"] or 0 for name in OUTCOMES}
        months_read, years_read = _whole_years(
            *whole, year_end_is_empty=year_is_quiet and whole[1] == month_start(date_to)
        )
        for body, law, column, key, n in _stored_details(months_read, years_read, body_id):
            if body is None:  # grounds, per law
                target, key = getattr(grounds, column), (law, key)
            else:
                target, key = getattr(of(body), column), int(key)
            target[key] = target.get(key, 0) + int(n)
    by_body, by_month, *histograms, live_grounds = sums_by(
        cases,
        [
            ("counts", ("body",)),
            ("counts", ("month",)),
            *((name, ("body",)) for name in HISTOGRAMS),
            ("grounds", ()),
        ],
    )
    for (body,), part in by_body.items():
        of(body).add(part)
    for (month,), part in by_month.items():
        add_month(month, part.received, part.answered, part.answered_on_time)
    for name, per_body in zip(HISTOGRAMS, histograms, strict=True):
        for (body,), part in per_body.items():
            merge(getattr(of(body), name), getattr(part, name))
    grounds.add(live_grounds.get((), Sums()))
    for body, n in transfers.values_list("from_body").annotate(n=Count("pk")).order_by():
        of(body).transferred_out += n
    # The very overdue are counted in the same query, by each law's cut-off (``very_overdue``).
    very_q = Q()
    for law_id, cutoff in (very_overdue or {}).items():
        very_q |= Q(law_id=law_id, due_at__lt=cutoff)
    # The late requests and the duties, in one statement (``_duties``).
    if very_overdue:
        very_count = Count("pk", filter=very_q)
    else:
        very_count = Value(0, output_field=IntegerField())
    late = (
        running.values("body")
        .annotate(
            kind=Value("overdue"),
            duty=Value(""),
            n=Count("pk"),
            very=very_count,
            **{name: Value(0, output_field=IntegerField()) for name in _DUTY_COUNTS[2:]},
        )
        .values_list("kind", "body", "duty", "n", "very", *_DUTY_COUNTS[2:])
        .order_by()
    )
    overdue, very, duties = {}, {}, {}
    duty_rows = _duties(date_from, date_to, now=now, today=today, body_id=body_id)
    for kind, body, duty, *numbers in late.union(duty_rows, all=True):
        if kind == "duty":
            duties.setdefault(body, {})[duty] = dict(zip(STATUSES, numbers, strict=True))
            continue
        overdue[body] = numbers[0]
        if numbers[1]:
            very[body] = numbers[1]
    return PeriodSums(
        totals=totals,
        months=months,
        grounds=grounds,
        overdue_now=overdue,
        very_overdue_now=very,
        duties=duties,
    )


# The counts of a duty's rows by status (``STATUSES``' order).
_DUTY_COUNTS = tuple(f"{status}_n" for status in STATUSES)


def _duties(date_from: date, date_to: date, *, now: datetime, today: date, body_id: int | None):
    """The public duties (``DutyStat``) of the requests received in the period, per body and
    duty, by their status now, as rows ("duty", body id, duty code, a count per status of
    ``STATUSES``), to be read with the late requests. Few requests give rise to one (a
    transfer, a notice, an urgent request, an appeal), and whether an undone one is past due
    changes by the hour, so they are counted when read rather than stored per month."""
    rows = DutyStat.objects.filter(
        public_q(today), received_on__gte=date_from, received_on__lte=date_to
    )
    if body_id is not None:
        rows = rows.filter(body_id=body_id)
    undone = Q(on_time=None)
    counts = {
        "on_time_n": Count("pk", filter=Q(on_time=True)),
        "late_n": Count("pk", filter=Q(on_time=False)),
        "missed_n": Count("pk", filter=undone & Q(due_at__lt=now)),
        "pending_n": Count("pk", filter=undone & (Q(due_at=None) | Q(due_at__gte=now))),
    }
    return (
        rows.values("body", "duty")
        .annotate(kind=Value("duty"), **{name: counts[name] for name in _DUTY_COUNTS})
        .values_list("kind", "body", "duty", *_DUTY_COUNTS)
        .order_by()
    )
