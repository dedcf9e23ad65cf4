"""Keeping ``CaseStat``, ``TransferStat``, ``DutyStat``, ``BodyMonthStat`` and ``BodyYearStat``
current:

- every committed save of a request (or appeal, or removal of a message) refreshes that
  request's facts and the sums of the months it left and entered, and of their years
  (``schedule`` → a task, which waits in the database while the queue is down:
  ``core.taskqueue``);
- the daily sweep (``refresh_recent``) refreshes the requests changed in the last two days and
  every month's and year's sums, which mends anything a lost task left behind;
- ``manage.py publicstats_refresh --full`` rebuilds everything (``rebuild``: after a bulk load
  such as ``seed_bench``, which bypasses the models).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import Count

from core import clock, pagecache
from foi.selectors import stats as foi_stats
from publicstats.models import BodyMonthStat, BodyYearStat, CaseStat, DutyStat, TransferStat
from publicstats.store.sums import (
    APPEAL_COUNTS,
    GROUNDS,
    Sums,
    month_start,
    stored_fields,
    summed_fields,
    sums_of,
)

CHUNK = 2000


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
            self.known[key] = foi_stats.working_days_between(law, start, end)
        return self.known[key]


def _row(request, facts: foi_stats.CaseFacts, working_days: _WorkingDays) -> CaseStat:
    law = request.law
    received_on = request.received_at.astimezone(ZoneInfo(law.time_zone)).date()
    histograms = {
        figure.tally: working_days(law, facts.received_at, getattr(facts, figure.until))
        for figure in foi_stats.of_kind("median")
    }
    appeals = {
        figure.name: sum(figure.counts(decision) for decision in facts.appeal_decisions)
        for figure in APPEAL_COUNTS
    }
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
        outcome=facts.outcome if facts.decided else "",
        on_time=facts.on_time if facts.decided else None,
        grounds=",".join(sorted(set(facts.grounds))) if facts.outcome in GROUNDS else "",
        fee_class=request.fee_class or "",
        fee_estimated=request.fee_estimated_at is not None,
        fee_paid=request.fee_paid_at is not None,
        fee_waived=request.fee_waived_at is not None,
        **histograms,
        **appeals,
    )


def _transfer_and_duty_rows(facts: list) -> tuple[list[TransferStat], list[DutyStat]]:
    """The transfers of these requests (``(request, CaseFacts)`` pairs, with their law), one row
    per transfer event, and their duties (``foi.stats.duties``), one row per duty."""
    by_pk = {request.pk: request for request, _ in facts}
    rows = []
    left = defaultdict(list)  # request id -> (moment, event id, the body it left)
    for pk, request_id, created_at, from_body_id in foi_stats.transfers_of(by_pk):
        request = by_pk[request_id]
        on = created_at.astimezone(ZoneInfo(request.law.time_zone)).date()
        left[request_id].append((created_at, pk, from_body_id))
        rows.append(
            TransferStat(
                event_id=pk,
                request_id=request_id,
                from_body_id=from_body_id,
                on=on,
                month=month_start(on),
                visibility=request.visibility,
                private_until=request.private_until,
            )
        )
    duties = []
    for request, case in facts:
        zone = ZoneInfo(request.law.time_zone)
        for fact in foi_stats.duty_facts(
            request,
            transfers=[body for _, _, body in sorted(left[request.pk])],
            decided_at=case.decided_at,
            due_at_decision=case.due_at_decision,
            appeals=case.appeal_deadlines,
        ):
            duties.append(
                DutyStat(
                    request=request,
                    body_id=fact.body_id,
                    law_id=request.law_id,
                    duty=fact.duty,
                    received_on=fact.received_at.astimezone(zone).date(),
                    visibility=request.visibility,
                    private_until=request.private_until,
                    due_at=fact.due_at,
                    on_time=fact.on_time,
                )
            )
    return rows, duties


def _rows(requests, working_days: _WorkingDays) -> tuple[list[CaseStat], list]:
    """The facts of every request of the queryset ``requests`` that has reached a body, and
    their ``(request, CaseFacts)`` pairs."""
    facts = foi_stats.case_facts_of(requests)
    return [_row(request, case, working_days) for request, case in facts], facts


# The sums of months and years -------------------------------------------------------------------


# The anonymous page cache's generation of the statistics pages (publicstats.views): bumped
# whenever the stored sums change, at once and again on commit (core/pagecache.py).
STATS_GENERATION = "stats"


def refresh_months(pairs: Iterable[tuple[int, date]]) -> None:
    """Recount the public sums of these (body id, month) pairs from ``CaseStat``, then their
    years' sums from the months. Each row is locked first (the months in order, then the
    years), so that two refreshes of one month cannot each miss the other's request (the count
    is read after the lock, in a statement that sees both)."""
    pairs = sorted(set(pairs))
    if not pairs:
        return
    laws = foi_stats.body_laws(body for body, _ in pairs)
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
            _save(row, stored_fields(sums), law_id=laws[body_id])
        for body_id, year in sorted({(body, month.year) for body, month in pairs}):
            if body_id not in laws:
                continue
            row = _locked(BodyYearStat, laws[body_id], body_id=body_id, year=year)
            months = BodyMonthStat.objects.filter(
                body_id=body_id, month__gte=date(year, 1, 1), month__lte=date(year, 12, 1)
            )
            _save(row, summed_fields(months), law_id=laws[body_id])
        pagecache.bump(STATS_GENERATION)


def _save(row: BodyMonthStat | BodyYearStat, fields: dict, *, law_id: int) -> None:
    for name, value in fields.items():
        setattr(row, name, value)
    row.law_id = law_id
    row.refreshed_at = clock.now()
    row.save()


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


# Requests ---------------------------------------------------------------------------------------


def refresh_requests(request_ids: Iterable[int]) -> int:
    """Recompute these requests' facts and the sums of every month they touch. Each request's
    row is locked while its facts are read, so a transition cannot slip in between."""
    ids = sorted({int(pk) for pk in request_ids})
    if not ids:
        return 0
    with transaction.atomic():
        rows, facts = _rows(foi_stats.requests_locked(ids), _WorkingDays())
        transfers, duties = _transfer_and_duty_rows(facts)
        months = set(CaseStat.objects.filter(request_id__in=ids).values_list("body_id", "month"))
        months |= set(
            TransferStat.objects.filter(request_id__in=ids).values_list("from_body_id", "month")
        )
        CaseStat.objects.filter(request_id__in=ids).delete()
        TransferStat.objects.filter(request_id__in=ids).delete()
        DutyStat.objects.filter(request_id__in=ids).delete()
        CaseStat.objects.bulk_create(rows)
        TransferStat.objects.bulk_create(transfers)
        DutyStat.objects.bulk_create(duties)
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


# Everything -------------------------------------------------------------------------------------


def rebuild_months(progress: Callable[[int, int], None] | None = None) -> int:
    """Every month's sums afresh from ``CaseStat`` and ``TransferStat`` (two grouped
    queries), and every year's from its months."""
    laws = foi_stats.body_laws()
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
            **stored_fields(part),
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
            **summed_fields(months),
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
        pagecache.bump(STATS_GENERATION)
    return len(rows)


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Every request's facts afresh, in chunks of ``CHUNK`` requests, then every month's sums.
    ``progress(done, total)`` is called after each chunk."""
    pks = foi_stats.sent_request_ids()
    working_days = _WorkingDays()
    CaseStat.objects.all().delete()
    TransferStat.objects.all().delete()
    DutyStat.objects.all().delete()
    done = 0
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        requests = foi_stats.requests_with_facts(first_pk=chunk[0], last_pk=chunk[-1])
        rows, facts = _rows(requests, working_days)
        transfers, duties = _transfer_and_duty_rows(facts)
        CaseStat.objects.bulk_create(rows)
        TransferStat.objects.bulk_create(transfers)
        DutyStat.objects.bulk_create(duties)
        done += len(chunk)
        if progress:
            progress(done, len(pks))
    rebuild_months()
    _analyse(CaseStat, TransferStat, DutyStat, BodyMonthStat, BodyYearStat)
    return len(pks)


def _analyse(*models) -> None:
    """Give PostgreSQL's planner fresh statistics of tables just rewritten whole, rather than
    wait for autovacuum: with those of the empty tables it sorted the year's 85,000 duties on
    disk instead of hashing them (at 1,000,000 requests, 59 of the page's 390 ms)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def refresh_recent(*, days: int = 2) -> tuple[int, int]:
    """The daily repair: the facts of requests changed in the last ``days`` days, then every
    month's sums. Returns (requests refreshed, months counted)."""
    ids = foi_stats.request_ids_changed_since(clock.now() - timedelta(days=days))
    refreshed = 0
    for start in range(0, len(ids), CHUNK):
        refreshed += refresh_requests(ids[start : start + CHUNK])
    # Requests that left the statistics (back to draft) take their facts along.
    CaseStat.objects.filter(request__state="draft").delete()
    TransferStat.objects.filter(request__state="draft").delete()
    DutyStat.objects.filter(request__state="draft").delete()
    return refreshed, rebuild_months()
