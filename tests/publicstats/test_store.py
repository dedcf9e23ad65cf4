"""The stored facts and monthly sums behind public statistics (``publicstats.store``).

The oracle is ``foi.stats``: its Python figures over the public requests' ``CaseFacts`` (what
the statistics computed per page view before the sums were stored) must come out of the stored
sums the same, for periods cut anywhere, on any day.
"""

import random
import statistics
import threading
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from core import clock
from core.models import DeferredTask
from foi import selectors as foi_selectors
from foi import services, stats
from foi.models import FOIRequest, State
from publicstats import figures, store
from publicstats.models import BodyMonthStat, BodyYearStat, CaseStat
from publicstats.store import periods, refresh
from tests.foi.test_stats import BAKU, NOW, act, at
from tests.publicstats.conftest import march

pytestmark = pytest.mark.django_db

FIELDS = (
    "received",
    "answered",
    "answered_on_time",
    "on_time_percent",
    "median_working_days_to_first_response",
    "median_working_days_to_answer",
    "outcomes",
    "withdrawn",
    "still_open",
    "overdue_now",
    "appeals",
    "appeals_upheld",
    "appeals_overturned",
    "appeals_pending",
    "transferred_out",
)


def transfers_out_by_body(*, requests, date_from, date_to) -> dict[int, int]:
    """Transfers of ``requests`` made in the period, per body they left, read from the case
    events (what the statistics did before transfers were stored)."""
    from foi.models import CaseEvent

    start = datetime.combine(date_from, time.min, tzinfo=UTC) - timedelta(hours=14)
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=UTC) + timedelta(hours=14)
    rows = CaseEvent.objects.filter(
        kind="transfer", created_at__gte=start, created_at__lt=end, foi_request__in=requests
    ).values_list("data", "created_at", "foi_request__law__time_zone")
    counts = Counter()
    for data, created_at, zone in rows:
        local_day = created_at.astimezone(ZoneInfo(zone)).date()
        if date_from <= local_day <= date_to and data.get("from_body"):
            counts[data["from_body"]] += 1
    return dict(counts)


def oracle(body, date_from, date_to, now):
    """``foi.stats``' own figures for the body's public cohort, as seen at ``now``."""
    with clock.travel(now):
        public = foi_selectors.foi_request_public_qs()
    facts = stats.cohort_facts(
        requests=public.filter(body=body), date_from=date_from, date_to=date_to, law=body.law
    ).get(body.pk, [])
    transfers = transfers_out_by_body(requests=public, date_from=date_from, date_to=date_to)
    result = stats.figures(facts, law=body.law, now=now, transferred_out=transfers.get(body.pk, 0))
    return {name: getattr(result, name) for name in FIELDS}


PERIODS = [
    (date(2026, 3, 1), date(2026, 4, 30)),  # two whole months
    (date(2026, 3, 17), date(2026, 4, 9)),  # both ends cut
    (date(2026, 4, 16), date(2026, 4, 16)),  # the day R8 was transferred
    (date(2026, 4, 1), date(2026, 4, 1)),  # one day
    (date(2026, 3, 20), date(2026, 4, 30)),  # cut start, whole end
    (date(2026, 3, 1), date(2026, 4, 15)),  # whole start, cut end
    (date(2026, 3, 10), date(2026, 4, 29)),  # cut end, but nothing happened after it
    (date(2026, 4, 10), date(2026, 4, 25)),  # within one month
    (date(2025, 5, 5), date(2026, 5, 4)),  # the default: the last twelve months
    (date(2026, 5, 1), date(2026, 5, 31)),  # nothing received
    (date(2026, 1, 1), date(2026, 12, 31)),  # a whole year
    (date(2025, 11, 1), date(2026, 4, 30)),  # months, then a year with nothing after them
    (date(2025, 1, 1), date(2026, 3, 31)),  # a year, then months
    (date(2025, 12, 15), date(2027, 1, 10)),  # cut ends around a whole year
]
MOMENTS = [
    NOW,
    datetime(2026, 4, 15, 12, 0, tzinfo=BAKU),  # P2 still private, R2 not yet late
]


@pytest.mark.parametrize("date_from,date_to", PERIODS)
@pytest.mark.parametrize("now", MOMENTS)
def test_stored_sums_match_the_case_by_case_figures(world, spring, date_from, date_to, now):
    for body in (world.ministry, world.other_body):
        stored = figures.body_statistics(body=body, date_from=date_from, date_to=date_to, now=now)
        assert {name: stored[name] for name in FIELDS} == oracle(body, date_from, date_to, now)


def test_a_private_request_counts_from_its_date_without_a_refresh(world, spring):
    period = {"date_from": date(2026, 4, 1), "date_to": date(2026, 4, 30)}
    before = figures.body_statistics(
        body=world.ministry, now=datetime(2026, 4, 19, 23, 0, tzinfo=BAKU), **period
    )
    after = figures.body_statistics(
        body=world.ministry, now=datetime(2026, 4, 20, 0, 30, tzinfo=BAKU), **period
    )
    assert after["received"] == before["received"] + 1  # P2, private until 20 April
    assert (
        not BodyMonthStat.objects.filter(received__gt=0)
        .filter(body=world.ministry, month=date(2026, 4, 1), received=after["received"])
        .exists()
    )  # it is not in the stored sums: it is added when read


def test_a_month_holds_only_public_requests(world, spring):
    row = BodyMonthStat.objects.get(body=world.ministry, month=date(2026, 4, 1))
    public = CaseStat.objects.filter(
        body=world.ministry, month=date(2026, 4, 1), visibility="public"
    )
    assert row.received == public.count() == 8  # R1-R7, R9: not P1 and P2
    assert row.answer_days == {"0": 1, "1": 1, "5": 1, "11": 1, "13": 1}
    assert row.refusal_grounds == {"state-secret": 1}


@pytest.mark.parametrize("seed", range(20))
def test_the_median_of_a_histogram(seed):
    chance = random.Random(seed)
    values = [chance.randint(0, 30) for _ in range(chance.randint(1, 40))]
    assert store.median(Counter(values)) == round(float(statistics.median(values)), 1)


def test_a_month_ending_after_its_last_request_is_read_whole(world, spring):
    """After the last receipt or transfer of a month, a period ending there reads the month's
    stored sums; before it, it sums its days (both agree with the oracle:
    test_stored_sums_match_the_case_by_case_figures)."""
    from publicstats.models import TransferStat

    days = [*CaseStat.objects.values_list("received_on", flat=True)]
    days += TransferStat.objects.values_list("on", flat=True)
    last = max(day for day in days if day.month == 3)  # March ends with M2's and R10's days
    assert periods._quiet_after(last) == (True, False)  # April follows
    assert periods._quiet_after(last - timedelta(days=1)) == (False, False)
    assert periods._quiet_after(max(days)) == (True, True)
    assert periods._whole_months(date(2026, 2, 10), last, cut_end_is_empty=True) == (
        date(2026, 3, 1),
        date(2026, 3, 1),
    )
    for date_to in (last, last - timedelta(days=1)):
        stored = figures.body_statistics(
            body=world.ministry, date_from=date(2026, 2, 10), date_to=date_to, now=NOW
        )
        assert {name: stored[name] for name in FIELDS} == oracle(
            world.ministry, date(2026, 2, 10), date_to, NOW
        )


@pytest.mark.parametrize(
    "first,last,quiet,expected",
    [
        # (months read month by month, (first year, last year) read whole)
        (date(2026, 3, 1), date(2026, 4, 1), False, ([(date(2026, 3, 1), date(2026, 4, 1))], None)),
        (date(2026, 1, 1), date(2026, 12, 1), False, ([], (2026, 2026))),
        (date(2026, 1, 1), date(2026, 4, 1), True, ([], (2026, 2026))),
        (
            date(2024, 12, 1),
            date(2026, 11, 1),
            True,
            ([(date(2024, 12, 1), date(2024, 12, 1))], (2025, 2026)),
        ),
        (
            date(2024, 2, 1),
            date(2026, 11, 1),
            False,
            (
                [(date(2024, 2, 1), date(2024, 12, 1)), (date(2026, 1, 1), date(2026, 11, 1))],
                (2025, 2025),
            ),
        ),
    ],
)
def test_whole_years_are_read_from_their_own_row(first, last, quiet, expected):
    assert periods._whole_years(first, last, year_end_is_empty=quiet) == expected


def test_a_year_holds_the_sum_of_its_months(world, spring, django_capture_on_commit_callbacks):
    def check():
        year = BodyYearStat.objects.get(body=world.ministry, year=2026)
        months = BodyMonthStat.objects.filter(body=world.ministry, month__year=2026)
        for name in ("received", "answered", "withdrawn", "still_open", "outcome_refused"):
            assert getattr(year, name) == sum(getattr(row, name) for row in months), name
        for name in ("answer_days", "first_response_days", "refusal_grounds"):
            counts = Counter()
            for row in months:
                counts.update(getattr(row, name))
            assert getattr(year, name) == dict(counts), name
        return year

    before = check().received
    assert before > 0
    with django_capture_on_commit_callbacks(execute=True), clock.travel(march(18)):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="More", text="Please."
        )
        services.foi_request_file(foi_request=draft, actor=world.requester)
    assert check().received == before + 1  # refreshed with its month


def test_a_whole_year_is_read_from_its_row(world, spring):
    """One row per body and year, not twelve (their agreement with the oracle:
    test_stored_sums_match_the_case_by_case_figures)."""
    period = {"date_from": date(2025, 11, 1), "date_to": date(2026, 12, 31), "now": NOW}
    before = figures.body_statistics(body=world.ministry, **period)
    BodyYearStat.objects.filter(body=world.ministry, year=2026).update(answer_days={"40": 1})
    after = figures.body_statistics(body=world.ministry, **period)
    assert before["median_working_days_to_answer"] != 40
    assert after["median_working_days_to_answer"] == 40


def test_the_median_of_nothing_is_none():
    assert store.median(Counter()) is None


def _figures_now(world):
    return figures.body_statistics(
        body=world.ministry, date_from=date(2026, 3, 1), date_to=date(2026, 4, 30), now=NOW
    )


def test_every_committed_change_refreshes_the_figures(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), clock.travel(march(16)):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="Spending", text="Please."
        )
    assert not CaseStat.objects.exists()  # a draft has no statistics
    with django_capture_on_commit_callbacks(execute=True):
        request = act(
            march(16), services.foi_request_file, foi_request=draft, actor=world.requester
        )
    assert _figures_now(world)["received"] == 1
    assert _figures_now(world)["still_open"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        act(
            march(31),
            services.foi_request_refuse,
            foi_request=request,
            actor=world.officer,
            grounds=[{"code": "official"}],
            text="No.",
        )
    result = _figures_now(world)
    assert (result["answered"], result["outcomes"]["refused"], result["still_open"]) == (1, 1, 0)
    assert result["median_working_days_to_answer"] == 4.0  # 17, 18, 19, 31 (Novruz between)
    assert result["refusals_by_ground"] == [{"law": "az", "code": "official", "count": 1}]
    incremental = _figures_now(world)
    store.rebuild()
    assert _figures_now(world) == incremental


def test_a_transfer_moves_the_request_between_bodies(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), clock.travel(at(4, 1)):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="Roads", text="Please."
        )
        request = services.foi_request_file(foi_request=draft, actor=world.requester)
    april = date(2026, 4, 1)
    assert BodyMonthStat.objects.get(body=world.ministry, month=april).received == 1
    with django_capture_on_commit_callbacks(execute=True):
        act(
            at(4, 3),
            services.foi_request_transfer,
            foi_request=request,
            actor=world.coordinator,
            body=world.other_body,
            text="They hold it.",
        )
    left = BodyMonthStat.objects.get(body=world.ministry, month=april)
    assert (left.received, left.transferred_out) == (0, 1)
    assert BodyMonthStat.objects.get(body=world.other_body, month=april).received == 1
    assert CaseStat.objects.get(request=request).body == world.other_body


def test_with_the_queue_down_the_refresh_waits_in_the_database(
    world, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from publicstats.tasks import refresh_request_task

    def refused(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(type(refresh_request_task), "enqueue", refused)
    monkeypatch.setattr("core.taskqueue.BROKER_ERRORS", (ConnectionError,))
    with django_capture_on_commit_callbacks(execute=True), clock.travel(at(4, 1)):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="Roads", text="Please."
        )
        services.foi_request_file(foi_request=draft, actor=world.requester)
    waiting = DeferredTask.objects.get(task_path=refresh_request_task.module_path)
    assert waiting.args == [draft.pk]
    assert not CaseStat.objects.exists()


def test_the_daily_sweep_mends_what_a_lost_task_left(world, spring):
    lost = spring["r1"]
    CaseStat.objects.filter(request=lost).delete()
    BodyMonthStat.objects.all().delete()
    FOIRequest.objects.filter(pk=lost.pk).update(updated_at=timezone.now())
    call_command("publicstats_refresh", verbosity=0)
    assert CaseStat.objects.filter(request=lost).exists()
    assert BodyMonthStat.objects.get(body=world.ministry, month=date(2026, 4, 1)).received == 8


def test_the_full_rebuild_shows_progress(world, spring, capsys):
    call_command("publicstats_refresh", "--full")
    out, err = capsys.readouterr()
    assert "Statistics rebuilt from 15 request(s)." in out
    assert "15/15" in err
    assert CaseStat.objects.count() == 15  # every request but the drafts


def test_nothing_personal_is_stored(world, spring):
    columns = {field.name for field in CaseStat._meta.get_fields()}
    columns |= {field.name for field in BodyMonthStat._meta.get_fields()}
    for personal in ("requester", "assignee", "subject", "text", "public_name", "email"):
        assert personal not in columns


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_refreshes_of_one_month_do_not_lose_each_other(world, monkeypatch):
    """The month's row is locked before its requests are summed: a refresh that summed before
    another's commit cannot overwrite the later sum with its stale one."""
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("row locks across connections need PostgreSQL")
    first, second = world.request(State.IN_PROGRESS), world.request(State.IN_PROGRESS)
    store.rebuild()
    month = CaseStat.objects.get(request=first).month
    FOIRequest.objects.filter(pk__in=[first.pk, second.pk]).update(state=State.WITHDRAWN)
    summed, original = threading.Event(), refresh.sums_of

    def slow_sums(*args, **kwargs):
        result = original(*args, **kwargs)
        if threading.current_thread().name == "first":
            summed.set()
            threading.Event().wait(0.5)  # summed, not yet written: the other one comes now
        return result

    monkeypatch.setattr(refresh, "sums_of", slow_sums)
    errors = []

    def run(request_id):
        try:
            store.refresh_requests([request_id])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    one = threading.Thread(target=run, args=(first.pk,), name="first")
    two = threading.Thread(target=run, args=(second.pk,), name="second")
    one.start()
    assert summed.wait(10)
    two.start()
    one.join(20)
    two.join(20)
    assert not errors
    row = BodyMonthStat.objects.get(body=world.ministry, month=month)
    assert (row.withdrawn, row.still_open) == (2, 0)
