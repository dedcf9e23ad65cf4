"""The reports page and its CSV show what ``foi.stats`` computes (checked by hand there)."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from core import clock
from foi import services

BAKU = ZoneInfo("Asia/Baku")
REPORTS = reverse("foi_workspace:reports")


@pytest.fixture
def january(world):
    """Two requests received in January 2026; the officer answers one in full, on time."""
    with clock.travel(datetime(2026, 1, 5, 10, tzinfo=BAKU)):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="A", text="Please."
        )
        answered = services.foi_request_file(foi_request=draft, actor=world.requester)
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="B", text="Please."
        )
        services.foi_request_file(foi_request=draft, actor=world.requester)
    # Mon 5 Jan to Thu 8 Jan: 6, 7, 8 = 3 working days.
    with clock.travel(datetime(2026, 1, 8, 10, tzinfo=BAKU)):
        services.foi_request_answer(
            foi_request=answered, actor=world.officer, outcome="full", text="Here."
        )


def period(world, **extra):
    return {"body": world.ministry.pk, "date_from": "2026-01-01", "date_to": "2026-01-31", **extra}


def test_the_page(client, world, january, django_assert_max_num_queries):
    client.force_login(world.coordinator)
    with clock.travel(datetime(2026, 2, 2, 12, tzinfo=BAKU)), django_assert_max_num_queries(24):
        page = client.get(REPORTS, period(world))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ministry of Finance: requests received 1 Jan 2026 to 31 Jan 2026" in text
    assert "1 (100.0 %)" in text  # answered on time
    assert str(world.officer) in text and "Nobody (unassigned)" in text


def test_the_csv(client, world, january):
    client.force_login(world.officer)
    with clock.travel(datetime(2026, 2, 2, 12, tzinfo=BAKU)):
        response = client.get(REPORTS, period(world, format="csv"))
    assert response["Content-Disposition"].endswith('-2026-01-01-2026-01-31.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    total, *officers = rows
    assert (total["officer"], total["received"], total["answered"]) == ("", "2", "1")
    assert (total["answered_on_time"], total["on_time_percent"]) == ("1", "100.0")
    assert total["median_working_days_to_answer"] == "3.0"
    assert total["overdue_now"] == "1"  # B: due end of Wed 14 Jan, open on 2 Feb
    assert total["refusals_ground_state-secret"] == "0"
    assert [row["officer"] for row in officers] == [str(world.officer), "(nobody)"]


def test_a_name_in_the_csv_cannot_be_a_formula(client, world, january):
    world.officer.first_name, world.officer.last_name = "=HYPERLINK(1)", "x"
    world.officer.save()
    client.force_login(world.officer)
    with clock.travel(datetime(2026, 2, 2, 12, tzinfo=BAKU)):
        response = client.get(REPORTS, period(world, format="csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["officer"] for row in rows if row["officer"].startswith("'")] == [
        "'" + str(world.officer)
    ]


def test_a_period_that_ends_before_it_starts(client, world):
    client.force_login(world.officer)
    page = client.get(REPORTS, period(world, date_from="2026-02-01"))
    assert page.status_code == 400
    assert "must end on or after its first day" in page.content.decode()


def test_the_default_period_is_this_year(client, world):
    client.force_login(world.officer)
    with clock.travel(datetime(2026, 3, 10, 12, tzinfo=BAKU)):
        page = client.get(REPORTS)
    assert page.status_code == 200
    assert "1 Jan 2026 to 10 Mar 2026" in page.content.decode()
