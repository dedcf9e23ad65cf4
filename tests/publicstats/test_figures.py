"""Public statistics against the hand-built spring of ``conftest.py`` (4 May 2026, noon)."""

from datetime import date

import pytest

from core import clock
from publicstats import figures
from tests.publicstats.conftest import NOW, PERIOD

pytestmark = pytest.mark.django_db


def test_a_body_matches_the_hand_count(world, spring, on_4_may):
    result = figures.body_statistics(body=world.ministry, now=NOW, **PERIOD)
    assert result["body"] == {
        "slug": "ministry",
        "name": "Ministry of Finance",
        "acronym": world.ministry.acronym,
        "law": "az",
    }
    assert result["period"] == {"from": "2026-03-01", "to": "2026-04-30"}
    # R1-R7, R9 (April), R10 and M2 (March), P2 (public since 20 April); not P1, R8, R11, drafts.
    assert result["received"] == 11
    assert result["answered"] == 7  # R1, R2, R3, R4, R7, R10, M2
    assert result["answered_on_time"] == 6  # all but R2
    assert result["on_time_percent"] == 85.7  # 6 / 7
    # First letters: R7 0, R4 1, R10 1, R2 2, M2 4 (across Novruz), R1 5, R3 6.
    assert result["median_working_days_to_first_response"] == 2.0
    # Decisions: R7 0, R4 1, R10 1, M2 4, R1 5, R2 11, R3 13.
    assert result["median_working_days_to_answer"] == 4.0
    assert result["outcomes"] == {
        "full": 2,  # R1, R10
        "partial": 1,
        "not_held": 1,
        "refused": 2,  # R3, M2
        "rejected": 1,
    }
    assert result["refusals_by_ground"] == [
        {"law": "az", "code": "official", "count": 1},
        {"law": "az", "code": "state-secret", "count": 1},
    ]
    assert result["partial_answers_by_ground"] == [
        {"law": "az", "code": "personal-data", "count": 1},
        {"law": "az", "code": "state-secret", "count": 1},
    ]
    assert result["transferred_out"] == 1  # R8
    assert result["withdrawn"] == 1  # R6
    assert result["still_open"] == 5  # R2, R3 (reopened), R5, R9, P2
    assert result["overdue_now"] == 3  # R2, R5, P2
    assert (result["appeals"], result["appeals_overturned"], result["appeals_upheld"]) == (2, 2, 0)
    assert result["appeals_overturned_percent"] == 100.0
    assert result["monthly"] == [
        {
            "month": "2026-03",
            "received": 2,  # M2, R10
            "answered": 2,
            "answered_on_time": 2,
            "on_time_percent": 100.0,
        },
        {
            "month": "2026-04",
            "received": 9,  # R1-R7, R9, P2
            "answered": 5,
            "answered_on_time": 4,
            "on_time_percent": 80.0,
        },
    ]


def test_a_transferred_request_counts_where_it_went(world, spring, on_4_may):
    result = figures.body_statistics(body=world.other_body, now=NOW, **PERIOD)
    assert result["received"] == 2  # M1, and R8 from its arrival on 16 April
    assert (result["answered"], result["answered_on_time"]) == (1, 1)
    assert result["median_working_days_to_answer"] == 3.0  # M1
    # R8: forwarded Thu 16 Apr, the clock restarts: due end of Mon 27 Apr; still open on 4 May.
    assert (result["still_open"], result["overdue_now"], result["transferred_out"]) == (1, 1, 0)
    assert [row["received"] for row in result["monthly"]] == [1, 1]
    assert result["monthly"][1]["on_time_percent"] is None  # nothing decided in April's cohort
    assert result["appeals_overturned_percent"] is None


def test_overall_adds_the_bodies_up(world, spring, on_4_may):
    result = figures.overall_statistics(now=NOW, **PERIOD)
    assert result["bodies"] == 2
    assert (result["received"], result["answered"], result["answered_on_time"]) == (13, 8, 7)
    assert result["on_time_percent"] == 87.5
    # First letters 0, 1, 1, 2, 3 (M1), 4, 5, 6: the median of eight is (2 + 3) / 2.
    assert result["median_working_days_to_first_response"] == 2.5
    # Decisions 0, 1, 1, 3 (M1), 4, 5, 11, 13.
    assert result["median_working_days_to_answer"] == 3.5
    assert result["overdue_now"] == 4
    assert result["transferred_out"] == 1
    assert [(row["month"], row["received"], row["answered"]) for row in result["monthly"]] == [
        ("2026-03", 3, 3),
        ("2026-04", 10, 5),
    ]
    assert "body" not in result


def test_private_requests_are_left_out_until_their_date(world, spring):
    with clock.travel(NOW.replace(month=4, day=19)):
        # On 19 April P2 is still private; on 4 May it is public (the other test).
        result = figures.body_statistics(body=world.ministry, **PERIOD)
    assert result["received"] == 10


def test_drafts_and_private_requests_only(world, on_4_may):
    from tests.publicstats.conftest import _submit, at

    world.request("draft")
    _submit(
        world, at(4, 2), body=world.ministry, visibility="private", private_until=date(2027, 1, 1)
    )
    result = figures.body_statistics(body=world.ministry, now=NOW, **PERIOD)
    assert result["received"] == 0
    assert result["on_time_percent"] is None
    assert figures.league_table(now=NOW, **PERIOD) == []
    assert figures.overall_statistics(now=NOW, **PERIOD)["received"] == 0


def test_the_league_table_sorts_by_any_column(world, spring, on_4_may):
    rows = figures.league_table(now=NOW, **PERIOD)  # the most requests first
    assert [row["slug"] for row in rows] == ["ministry", "other"]
    ministry = rows[0]
    assert (ministry["received"], ministry["refused"], ministry["on_time_percent"]) == (11, 2, 85.7)
    assert set(figures.LEAGUE_COLUMNS) <= set(ministry)
    by = lambda order: [r["slug"] for r in figures.league_table(now=NOW, order=order, **PERIOD)]  # noqa: E731
    assert by("-on_time_percent") == ["other", "ministry"]
    assert by("on_time_percent") == ["ministry", "other"]
    assert by("name") == ["ministry", "other"]  # Ministry of Finance, of Health
    assert by("-name") == ["other", "ministry"]
    assert by("transferred_out") == ["other", "ministry"]
    assert by("nonsense") == by(figures.DEFAULT_ORDER)


def test_none_sorts_last_both_ways():
    rows = [
        {"name": "A", "on_time_percent": None},
        {"name": "B", "on_time_percent": 50.0},
        {"name": "C", "on_time_percent": 90.0},
    ]
    assert [r["name"] for r in figures.sort_rows(rows, "on_time_percent")] == ["B", "C", "A"]
    assert [r["name"] for r in figures.sort_rows(rows, "-on_time_percent")] == ["C", "B", "A"]


def test_a_period_cut_inside_months(world, spring, on_4_may):
    result = figures.body_statistics(
        body=world.ministry, date_from=date(2026, 3, 31), date_to=date(2026, 4, 1), now=NOW
    )
    assert [row["month"] for row in result["monthly"]] == ["2026-03", "2026-04"]
    assert result["received"] == 2  # R10 (31 March, 23:30) and R1 (1 April)


def test_results_are_cached_for_the_period(world, spring, on_4_may, django_assert_num_queries):
    first = figures.body_statistics(body=world.ministry, **PERIOD)
    with django_assert_num_queries(0):
        again = figures.body_statistics(body=world.ministry, **PERIOD)
    assert again == first
    figures.league_table(**PERIOD)
    with django_assert_num_queries(0):
        figures.league_table(order="name", **PERIOD)
        figures.overall_statistics(**PERIOD)


def test_reads_are_bounded_whatever_the_numbers(world, spring, on_4_may, django_assert_num_queries):
    # Whether the period's last month is over (two lookups), the stored months (per month,
    # per body, their histograms and grounds), the sums over the cut ends and the private
    # requests whose date has passed (one statement), the transfers, the overdue, the laws'
    # codes (and the bodies, for the table).
    with django_assert_num_queries(10):
        figures.league_table(now=NOW, **PERIOD)
    with django_assert_num_queries(9):
        figures.body_statistics(body=world.ministry, now=NOW, **PERIOD)


def test_no_personal_data_in_the_figures(world, spring, on_4_may):
    import json

    text = json.dumps(
        [
            figures.body_statistics(body=world.ministry, now=NOW, **PERIOD),
            figures.overall_statistics(now=NOW, **PERIOD),
            figures.league_table(now=NOW, **PERIOD),
        ]
    )
    for person in (world.requester, world.officer, world.coordinator):
        assert person.email not in text
        assert person.last_name not in text or not person.last_name
    assert "Məmmədova" not in text
