"""Keeping ``CaseStat``, ``BodyMonthStat`` and ``BodyYearStat`` current, and reading a period's
sums from them.

A period's figures are the sums of the whole months inside it (``BodyMonthStat``, one row per
body and month; the histograms and grounds of its whole years from ``BodyYearStat``, one row
per body and year) plus, summed in SQL from ``CaseStat``, the days at its cut ends and the
private requests whose date has passed (they become public on a date, not when something is
saved, so they are never in the stored sums). Reading costs a fixed number of queries over at
most two partial months, whatever the number of requests.

Keeping current:

- every committed save of a request (or appeal, or removal of a message) refreshes that
  request's facts and the sums of the months it left and entered, and of their years
  (``schedule`` → a task, which waits in the database while the queue is down:
  ``core.taskqueue``);
- the daily sweep (``refresh_recent``) refreshes the requests changed in the last two days and
  every month's and year's sums, which mends anything a lost task left behind;
- ``manage.py publicstats_refresh --full`` rebuilds everything (after a bulk load such as
  ``seed_bench``, which bypasses the models).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import Count, Min, Q, Sum

from core import clock
from foi import stats
from publicstats.models import (
    FACTS,
    RUNNING,
    BodyMonthStat,
    BodyYearStat,
    CaseStat,
    TransferStat,
)

OUTCOMES = stats.OUTCOMES
OPEN = stats.OPEN
COUNTS = (
    "received",
    "answered",
    "answered_on_time",
    "withdrawn",
    "still_open",
    "appeals",
    "appeals_upheld",
    "appeals_overturned",
    "appeals_pending",
)
HISTOGRAMS = ("first_response_days", "answer_days")
GROUNDS = {"refused": "refusal_grounds", "partial": "partial_grounds"}
CHUNK = 2000


# Sums -----------------------------------------------------------------------------------------


def _merge(into: dict, other: dict) -> None:
    for key, value in other.items():
        into[key] = into.get(key, 0) + value


@dataclass
class Sums:
    """What ``foi.stats.Figures`` needs of a set of requests, in a form that adds up. Grounds
    are keyed by (law id, code), so that sums across laws stay apart. (Plain dicts, not
    Counters: the league table adds thousands of these.)"""

    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    withdrawn: int = 0
    still_open: int = 0
    appeals: int = 0
    appeals_upheld: int = 0
    appeals_overturned: int = 0
    appeals_pending: int = 0
    transferred_out: int = 0
    outcomes: dict = field(default_factory=dict)
    first_response_days: dict = field(default_factory=dict)
    answer_days: dict = field(default_factory=dict)
    refusal_grounds: dict = field(default_factory=dict)
    partial_grounds: dict = field(default_factory=dict)

    def add(self, other: Sums) -> Sums:
        self.received += other.received
        self.answered += other.answered
        self.answered_on_time += other.answered_on_time
        self.withdrawn += other.withdrawn
        self.still_open += other.still_open
        self.appeals += other.appeals
        self.appeals_upheld += other.appeals_upheld
        self.appeals_overturned += other.appeals_overturned
        self.appeals_pending += other.appeals_pending
        self.transferred_out += other.transferred_out
        _merge(self.outcomes, other.outcomes)
        _merge(self.first_response_days, other.first_response_days)
        _merge(self.answer_days, other.answer_days)
        _merge(self.refusal_grounds, other.refusal_grounds)
        _merge(self.partial_grounds, other.partial_grounds)
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


# Facts of one request ---------------------------------------------------------------------------


class _WorkingDays:
    """``foi.stats.working_days_between``, remembered per law and pair of local days (a full
    rebuild asks the same pairs again and again)."""

    def __init__(self):
        self.known = {}

    def __call__(self, law, start: datetime, end: datetime | None) -> int | None:
        if end is None:
            return None
        if end <= start:
            return 0
        zone = ZoneInfo(law.time_zone)
        key = (law.pk, start.astimezone(zone).date(), end.astimezone(zone).date())
        if key not in self.known:
            self.known[key] = stats.working_days_between(law, start, end)
        return self.known[key]


def _row(request, facts: stats.CaseFacts, working_days: _WorkingDays) -> CaseStat:
    law = request.law
    received_on = request.received_at.astimezone(ZoneInfo(law.time_zone)).date()
    decided = facts.decided_at is not None
    decisions = facts.appeal_decisions
    return CaseStat(
        request=request,
        body_id=request.body_id,
        law_id=law.pk,
        received_on=received_on,
        month=month_start(received_on),
        visibility=request.visibility,
        private_until=request.private_until,
        state=request.state,
        due_at=request.due_at,
        first_response_days=working_days(law, facts.received_at, facts.first_response_at),
        answer_days=working_days(law, facts.received_at, facts.decided_at),
        outcome=facts.outcome if decided else "",
        on_time=(
            (facts.due_at_decision is not None and facts.decided_at <= facts.due_at_decision)
            if decided
            else None
        ),
        grounds=",".join(sorted(set(facts.grounds))) if facts.outcome in GROUNDS else "",
        appeals=len(decisions),
        appeals_upheld=sum(decision == "upheld" for decision in decisions),
        appeals_overturned=sum(decision in stats.OVERTURNED for decision in decisions),
        appeals_pending=sum(not decision for decision in decisions),
    )


def _transfer_rows(requests: list) -> list[TransferStat]:
    """The transfers of these requests (loaded, with their law), one row per transfer event."""
    from foi.models import CaseEvent

    by_pk = {request.pk: request for request in requests}
    rows = []
    events = (
        CaseEvent.objects.filter(kind="transfer", foi_request_id__in=list(by_pk))
        .values_list("pk", "foi_request_id", "created_at", "data")
        .order_by()
    )
    for pk, request_id, created_at, data in events:
        request = by_pk[request_id]
        if not (data or {}).get("from_body"):
            continue
        on = created_at.astimezone(ZoneInfo(request.law.time_zone)).date()
        rows.append(
            TransferStat(
                event_id=pk,
                request_id=request_id,
                from_body_id=data["from_body"],
                on=on,
                month=month_start(on),
                visibility=request.visibility,
                private_until=request.private_until,
            )
        )
    return rows


def _rows(requests_qs, working_days: _WorkingDays) -> list[CaseStat]:
    """The facts of every request of ``requests_qs`` that has reached a body."""
    requests = list(requests_qs.exclude(state="draft").exclude(received_at=None))
    if not requests:
        return []
    cohort = requests_qs.model.objects.filter(pk__in=[request.pk for request in requests])
    facts = stats.facts_of(requests, cohort)
    return [_row(request, case, working_days) for request, case in facts]


# Sums in SQL ------------------------------------------------------------------------------------


# The facts the sums read, as columns.
_FACTS = tuple(CaseStat._meta.get_field(name).attname for name in FACTS)
PARTS = ("counts", *HISTOGRAMS, "grounds")
_SLOTS = {"body": ("body_id", "BIGINT"), "month": ("month", "DATE")}
_NUMBERS = 14  # a branch's counts: received (or a histogram's or the grounds' count), then 13


def _branch(part: str, keys: tuple[str, ...], at: int) -> tuple[str, list]:
    """One SELECT of ``_sums_by``'s statement: ``part`` of the facts grouped by ``keys``."""
    slots = ", ".join(
        column if name in keys else f"CAST(NULL AS {kind})"
        for name, (column, kind) in _SLOTS.items()
    )
    group = [_SLOTS[name][0] for name in keys]
    nulls = ", ".join(["NULL"] * (_NUMBERS - 1))
    if part == "counts":
        opened = ", ".join(["%s"] * len(OPEN))
        outcomes = ", ".join("SUM(CASE WHEN outcome = %s THEN 1 ELSE 0 END)" for _ in OUTCOMES)
        sql = (
            f"SELECT {at}, {slots}, CAST(NULL AS BIGINT), CAST(NULL AS INTEGER), "
            "CAST(NULL AS TEXT), CAST(NULL AS TEXT), COUNT(*), "
            "SUM(CASE WHEN outcome <> '' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN on_time THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN state = %s THEN 1 ELSE 0 END), "
            f"SUM(CASE WHEN state IN ({opened}) THEN 1 ELSE 0 END), "
            "SUM(appeals), SUM(appeals_upheld), SUM(appeals_overturned), SUM(appeals_pending), "
            f"{outcomes} FROM facts"
        )
        params = ["withdrawn", *OPEN, *OUTCOMES]
    elif part == "grounds":
        group += ["law_id", "outcome", "grounds"]
        sql = (
            f"SELECT {at}, {slots}, law_id, NULL, outcome, grounds, COUNT(*), {nulls} "
            "FROM facts WHERE outcome IN (%s, %s) AND grounds <> ''"
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


def _sums_by(cases: list, branches: list[tuple[str, tuple[str, ...]]]) -> list[dict[tuple, Sums]]:
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
    for at, body, month, law, days, outcome, grounds, n, *counts in rows:
        part, keys = branches[at]
        if isinstance(month, str):  # SQLite gives dates as ISO text
            month = date.fromisoformat(month)
        key = tuple(body if name == "body" else month for name in keys)
        result = results[at]
        sums = result.get(key)
        if sums is None:
            sums = result[key] = Sums()
        if part == "counts":
            sums.received = n
            (
                sums.answered,
                sums.answered_on_time,
                sums.withdrawn,
                sums.still_open,
                sums.appeals,
                sums.appeals_upheld,
                sums.appeals_overturned,
                sums.appeals_pending,
            ) = (int(value or 0) for value in counts[:8])
            sums.outcomes = {
                name: int(value or 0) for name, value in zip(OUTCOMES, counts[8:13], strict=True)
            }
        elif part == "grounds":
            counter = getattr(sums, GROUNDS[outcome])
            for code in grounds.split(","):
                counter[(law, code)] = counter.get((law, code), 0) + n
        else:
            histogram = getattr(sums, part)
            histogram[days] = histogram.get(days, 0) + n
    return results


def sums_of(cases, keys: tuple[str, ...] = ("body", "month")) -> dict[tuple, Sums]:
    """The sums of a ``CaseStat`` queryset grouped by ``keys`` (of "body" and "month"), in one
    statement."""
    result: dict[tuple, Sums] = {}
    for part in _sums_by([cases], [(part, keys) for part in PARTS]):
        for key, sums in part.items():
            result.setdefault(key, Sums()).add(sums)
    return result


def _month_fields(sums: Sums) -> dict:
    return {
        **{name: getattr(sums, name) for name in COUNTS},
        "transferred_out": sums.transferred_out,
        **{f"outcome_{name}": sums.outcomes.get(name, 0) for name in OUTCOMES},
        **{name: {str(days): n for days, n in getattr(sums, name).items()} for name in HISTOGRAMS},
        **{
            name: {code: n for (_law, code), n in getattr(sums, name).items()}
            for name in GROUNDS.values()
        },
    }


# Keeping current --------------------------------------------------------------------------------


def refresh_months(pairs: Iterable[tuple[int, date]]) -> None:
    """Recount the public sums of these (body id, month) pairs from ``CaseStat``, then their
    years' sums from the months. Each row is locked first (the months in order, then the
    years), so that two refreshes of one month cannot each miss the other's request (the count
    is read after the lock, in a statement that sees both)."""
    from foi.models import PublicBody

    pairs = sorted(set(pairs))
    if not pairs:
        return
    laws = dict(
        PublicBody.objects.filter(pk__in={body for body, _ in pairs}).values_list("pk", "law_id")
    )
    with transaction.atomic():
        for body_id, month in pairs:
            if body_id not in laws:  # the body is gone, and its rows with it
                continue
            row = _locked(BodyMonthStat, laws[body_id], body_id=body_id, month=month)
            cases = CaseStat.objects.filter(body_id=body_id, month=month, visibility="public")
            sums = sums_of(cases, keys=("body",)).get((body_id,), Sums())
            sums.transferred_out = TransferStat.objects.filter(
                from_body_id=body_id, month=month, visibility="public"
            ).count()
            _save(row, _month_fields(sums), law_id=laws[body_id])
        for body_id, year in sorted({(body, month.year) for body, month in pairs}):
            if body_id not in laws:
                continue
            row = _locked(BodyYearStat, laws[body_id], body_id=body_id, year=year)
            months = BodyMonthStat.objects.filter(
                body_id=body_id, month__gte=date(year, 1, 1), month__lte=date(year, 12, 1)
            )
            _save(row, _summed_fields(months), law_id=laws[body_id])


def _save(row: BodyMonthStat | BodyYearStat, fields: dict, *, law_id: int) -> None:
    for name, value in fields.items():
        setattr(row, name, value)
    row.law_id = law_id
    row.refreshed_at = clock.now()
    row.save()


_STORED_COUNTS = (*COUNTS, "transferred_out", *(f"outcome_{name}" for name in OUTCOMES))
_STORED_MAPS = (*HISTOGRAMS, *GROUNDS.values())


def _summed_fields(rows: Iterable) -> dict:
    """The sum of stored rows' sums (``BodyMonthStat``s), as a row's fields."""
    fields = {name: 0 for name in _STORED_COUNTS} | {name: {} for name in _STORED_MAPS}
    for row in rows:
        for name in _STORED_COUNTS:
            fields[name] += getattr(row, name)
        for name in _STORED_MAPS:
            _merge(fields[name], getattr(row, name))
    return fields


def _locked(model, law_id: int, **key) -> BodyMonthStat | BodyYearStat:
    """The stored row of ``key`` (made if missing), locked until the transaction ends."""
    manager = model.objects.select_for_update()
    row = manager.filter(**key).first()
    if row is not None:
        return row
    try:
        with transaction.atomic():
            model.objects.create(law_id=law_id, refreshed_at=clock.now(), **key)
    except IntegrityError:  # another refresh made it first; wait for its lock
        pass
    return manager.get(**key)


def refresh_requests(request_ids: Iterable[int]) -> int:
    """Recompute these requests' facts and the sums of every month they touch. Each request's
    row is locked while its facts are read, so a transition cannot slip in between."""
    from foi.models import FOIRequest

    ids = sorted({int(pk) for pk in request_ids})
    if not ids:
        return 0
    with transaction.atomic():
        locked = (
            FOIRequest.objects.select_for_update(of=("self",))
            .filter(pk__in=ids)
            .select_related("law")
            .order_by("pk")
        )
        rows = _rows(locked, _WorkingDays())
        transfers = _transfer_rows([row.request for row in rows])
        months = set(CaseStat.objects.filter(request_id__in=ids).values_list("body_id", "month"))
        months |= set(
            TransferStat.objects.filter(request_id__in=ids).values_list("from_body_id", "month")
        )
        CaseStat.objects.filter(request_id__in=ids).delete()
        TransferStat.objects.filter(request_id__in=ids).delete()
        CaseStat.objects.bulk_create(rows)
        TransferStat.objects.bulk_create(transfers)
        months |= {(row.body_id, row.month) for row in rows}
        months |= {(row.from_body_id, row.month) for row in transfers}
        refresh_months(months)
    return len(rows)


def schedule(request_id) -> None:
    """Refresh a request's statistics in a task once the current transaction commits."""
    if request_id is None:
        return
    transaction.on_commit(partial(_enqueue, int(request_id)))


def _enqueue(request_id: int) -> None:
    from core import taskqueue
    from publicstats.tasks import refresh_request_task

    taskqueue.enqueue(refresh_request_task, request_id)


def rebuild_months(progress: Callable[[int, int], None] | None = None) -> int:
    """Every month's sums afresh from ``CaseStat`` and ``TransferStat`` (two grouped
    queries), and every year's from its months."""
    from foi.models import PublicBody

    laws = dict(PublicBody.objects.values_list("pk", "law_id"))
    sums = sums_of(CaseStat.objects.filter(visibility="public"))
    transfers = (
        TransferStat.objects.filter(visibility="public")
        .values_list("from_body_id", "month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for body_id, month, n in transfers:
        sums.setdefault((body_id, month), Sums()).transferred_out = n
    now = clock.now()
    rows = [
        BodyMonthStat(
            body_id=body_id,
            month=month,
            law_id=laws[body_id],
            refreshed_at=now,
            **_month_fields(part),
        )
        for (body_id, month), part in sorted(sums.items())
        if body_id in laws
    ]
    by_year: dict[tuple[int, int], list[BodyMonthStat]] = {}
    for row in rows:
        by_year.setdefault((row.body_id, row.month.year), []).append(row)
    years = [
        BodyYearStat(
            body_id=body_id,
            year=year,
            law_id=laws[body_id],
            refreshed_at=now,
            **_summed_fields(months),
        )
        for (body_id, year), months in sorted(by_year.items())
    ]
    with transaction.atomic():
        BodyMonthStat.objects.all().delete()
        BodyYearStat.objects.all().delete()
        for start in range(0, len(rows), CHUNK):
            BodyMonthStat.objects.bulk_create(rows[start : start + CHUNK])
            if progress:
                progress(min(start + CHUNK, len(rows)), len(rows))
        for start in range(0, len(years), CHUNK):
            BodyYearStat.objects.bulk_create(years[start : start + CHUNK])
    return len(rows)


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Every request's facts afresh, in chunks of ``CHUNK`` requests, then every month's sums.
    ``progress(done, total)`` is called after each chunk."""
    from foi.models import FOIRequest

    pks = FOIRequest.objects.exclude(state="draft").exclude(received_at=None).order_by("pk")
    pks = list(pks.values_list("pk", flat=True))
    working_days = _WorkingDays()
    CaseStat.objects.all().delete()
    TransferStat.objects.all().delete()
    done = 0
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        requests = FOIRequest.objects.filter(pk__gte=chunk[0], pk__lte=chunk[-1])
        rows = _rows(requests.select_related("law").order_by("pk"), working_days)
        CaseStat.objects.bulk_create(rows)
        TransferStat.objects.bulk_create(_transfer_rows([row.request for row in rows]))
        done += len(chunk)
        if progress:
            progress(done, len(pks))
    rebuild_months()
    return len(pks)


def refresh_recent(*, days: int = 2) -> tuple[int, int]:
    """The daily repair: the facts of requests changed in the last ``days`` days, then every
    month's sums. Returns (requests refreshed, months counted)."""
    from foi.models import FOIRequest

    since = clock.now() - timedelta(days=days)
    ids = FOIRequest.objects.filter(updated_at__gte=since).values_list("pk", flat=True)
    ids = list(ids)
    refreshed = 0
    for start in range(0, len(ids), CHUNK):
        refreshed += refresh_requests(ids[start : start + CHUNK])
    # Requests that left the statistics (back to draft) take their facts along.
    CaseStat.objects.filter(request__state="draft").delete()
    TransferStat.objects.filter(request__state="draft").delete()
    return refreshed, rebuild_months()


# Reading a period -------------------------------------------------------------------------------


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
    *, date_from: date, date_to: date, now: datetime, body_id: int | None = None
) -> PeriodSums:
    """The public sums of the period per body, and per month and ground over the bodies read:
    at most nine queries."""
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
        summed = [*COUNTS, "transferred_out", *(f"outcome_{name}" for name in OUTCOMES)]
        for row in (
            stored.values("body_id").annotate(**{f"sum_{name}": Sum(name) for name in summed})
        ).order_by():
            part = of(row["body_id"])
            for name in (*COUNTS, "transferred_out"):
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
    by_body, by_month, *histograms, live_grounds = _sums_by(
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
            _merge(getattr(of(body), name), getattr(part, name))
    grounds.add(live_grounds.get((), Sums()))
    for body, n in transfers.values_list("from_body").annotate(n=Count("pk")).order_by():
        of(body).transferred_out += n
    overdue = dict(running.values_list("body").annotate(n=Count("pk")).order_by())
    return PeriodSums(totals=totals, months=months, grounds=grounds, overdue_now=overdue)
