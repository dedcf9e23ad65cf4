"""The statistics pages and downloads: public, bad input, content, sorting, privacy, budgets."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from foi.models import Message, State
from publicstats import store
from publicstats.forms import today
from tests.factories import PublicBodyFactory, UserFactory

pytestmark = pytest.mark.django_db

YEAR = today().year


LETTERS = {State.ANSWERED: "response", State.REFUSED: "refusal"}


def decided(world, state, **overrides):
    """A request received 40 days ago (``make_request_in_state``) with the body's decision
    letter, if its state has one, sent two days ago."""
    foi_request = world.request(state, **overrides)
    if state in LETTERS:
        Message.objects.create(
            foi_request=foi_request,
            kind=LETTERS[state],
            from_body=foi_request.body,
            text="Decision.",
            created_at=timezone.now() - timedelta(days=2),
        )
    store.refresh_requests([foi_request.pk])  # what the task after the commit does
    return foi_request


@pytest.fixture
def some_requests(world):
    decided(world, State.ANSWERED)
    decided(world, State.REFUSED)
    decided(world, State.IN_PROGRESS)  # overdue
    decided(world, State.ANSWERED, body=world.other_body)
    return world


def pages(world):
    slug = world.ministry.slug
    return [
        "/statistics/",
        f"/statistics/?year={YEAR}",
        "/statistics/?order=name",
        "/statistics/methodology/",
        f"/statistics/bodies/{slug}/",
        f"/statistics/bodies/{slug}/{YEAR}/",
        "/statistics/bodies.csv",
        "/statistics/bodies.json",
        "/statistics/overall.csv",
        "/statistics/overall.json",
        f"/statistics/bodies/{slug}.csv",
        f"/statistics/bodies/{slug}.json",
        f"/statistics/bodies/{slug}/{YEAR}.csv",
    ]


@pytest.mark.parametrize("who", ["anonymous", "citizen", "officer", "admin"])
def test_everyone_sees_the_statistics(client, some_requests, who):
    world = some_requests
    if who != "anonymous":
        client.force_login(getattr(world, who))
    for url in pages(world):
        assert client.get(url).status_code == 200, url


def test_the_main_navigation_links_the_statistics(client, world):
    assert 'href="/statistics/"' in client.get("/bodies/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/statistics/bodies/nobody/",
        "/statistics/bodies/nobody.csv",
        "/statistics/bodies/nobody.json",
        "/statistics/bodies/nobody/2025/",
        "/statistics/bodies/nobody/2025.csv",
        "/statistics/bodies/ministry/1999/",
        f"/statistics/bodies/ministry/{YEAR + 1}/",
        f"/statistics/bodies/ministry/{YEAR + 1}.csv",
        "/statistics/bodies.xml",
    ],
)
def test_unknown_bodies_and_years_are_not_found(client, world, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2026-05-01&to=2026-04-01", "must not be after its end"),
        ("from=yesterday", "valid date"),
        ("from=1990-01-01&to=2000-01-01", "cannot start before"),
        ("from=2001-01-01&to=2020-01-01", "at most ten years"),
        ("from=9995-01-01&to=9999-12-31", "cannot end after"),
        ("year=1999", "Choose a year"),
        ("year=abc", "whole number"),
    ],
)
def test_a_bad_period_is_explained(client, world, query, message):
    page = client.get(f"/statistics/?{query}")
    assert page.status_code == 400
    assert message in page.content.decode()
    assert 'role="alert"' in page.content.decode()
    body_page = client.get(f"/statistics/bodies/ministry/?{query}")
    assert body_page.status_code == 400
    assert message in body_page.content.decode()
    for url in ("bodies.csv", "bodies.json", "overall.json", "bodies/ministry.csv"):
        download = client.get(f"/statistics/{url}?{query}")
        assert download.status_code == 400
        assert message in download.content.decode()
    assert message in client.get(f"/statistics/bodies.json?{query}").json()["error"]


def test_the_league_table_as_csv(client, some_requests):
    response = client.get(f"/statistics/bodies.csv?from=2020-01-01&to={YEAR}-12-31")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="statistics-bodies-')
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["slug"] for row in rows] == ["ministry", "other"]  # most requests first
    ministry = rows[0]
    assert (ministry["received"], ministry["answered"], ministry["refused"]) == ("3", "2", "1")
    assert ministry["overdue_now"] == "1"
    assert ministry["period_from"] == "2020-01-01"


def test_the_league_table_as_json(client, some_requests):
    data = client.get("/statistics/bodies.json?order=name").json()
    assert data["order"] == "name"
    assert data["methodology"].endswith("/statistics/methodology/")
    assert [row["slug"] for row in data["bodies"]] == ["ministry", "other"]
    assert data["bodies"][0]["name"] == "Ministry of Finance"
    assert set(data["period"]) == {"from", "to"}


def test_a_body_as_csv_and_json_with_its_months(client, some_requests):
    data = client.get("/statistics/bodies/ministry.json").json()
    assert data["body"]["slug"] == "ministry"
    assert data["received"] == 3
    assert len(data["monthly"]) == 12
    assert sum(row["received"] for row in data["monthly"]) == 3
    response = client.get("/statistics/bodies/ministry.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == ["body", "period_from", "period_to", "month", "figure", "key", "value"]
    values = {(row["figure"], row["key"], row["month"]): row["value"] for row in rows}
    assert values[("received", "", "")] == "3"
    assert values[("outcome", "refused", "")] == "1"
    monthly = [row for row in rows if row["figure"] == "monthly_received"]
    assert len(monthly) == 12
    assert sum(int(row["value"]) for row in monthly) == 3


def test_the_overall_downloads(client, some_requests):
    data = client.get("/statistics/overall.json").json()
    assert (data["received"], data["bodies"]) == (4, 2)
    text = client.get("/statistics/overall.csv").content.decode()
    assert "received" in text


def test_the_annual_report(client, some_requests):
    page = client.get(f"/statistics/bodies/ministry/{YEAR}/")
    text = page.content.decode()
    assert f"1 January to 31 December {YEAR}" in text
    assert "<details open>" in text  # printed with its tables
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/statistics/bodies/ministry/{YEAR}.csv").content.decode())
        )
    )
    assert rows[0]["period_from"] == f"{YEAR}-01-01"
    assert rows[0]["period_to"] == f"{YEAR}-12-31"


def test_csv_cells_cannot_be_formulas(client, world):
    body = PublicBodyFactory(slug="trap", name_en='=HYPERLINK("http://evil")', acronym="+SUM(A1)")
    decided(world, State.ANSWERED, body=body)
    text = client.get("/statistics/bodies.csv").content.decode()
    assert "'=HYPERLINK" in text
    assert "'+SUM(A1)" in text
    assert "\n=" not in text and ",=" not in text and ",+" not in text


def test_sorting_links_and_aria_sort(client, some_requests):
    page = client.get("/statistics/?order=-on_time_percent").content.decode()
    assert 'aria-sort="descending"' in page
    assert page.count("aria-sort=") == 1
    # The sorted column's link sorts the other way; others start descending.
    assert "order=on_time_percent" in page
    assert "order=-received" in page
    by_name = client.get("/statistics/?order=name").content.decode()
    assert 'aria-sort="ascending"' in by_name
    assert by_name.index("Ministry of Finance</a>") < by_name.index("Ministry of Health</a>")
    reverse = client.get("/statistics/?order=-name").content.decode()
    assert reverse.index("Ministry of Health</a>") < reverse.index("Ministry of Finance</a>")


def test_charts_are_accessible_svg_with_their_data(client, some_requests):
    page = client.get("/statistics/").content.decode()
    # Each drawn for a wide column and for a phone's (the stylesheet shows one of the two):
    # received and answered, on time, every duty on time, outcomes.
    assert page.count('<svg class="chart chart--wide"') == 4
    assert page.count('<svg class="chart chart--narrow"') == 4
    assert page.count('role="img"') == 8
    assert page.count("<title id=") == 8
    assert page.count("The data as a table") == 4
    # Drawn on the server: the page's only scripts are the site's own files, none inline.
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)


def test_private_requests_and_drafts_are_not_counted(client, world):
    world.request(State.DRAFT)
    world.request(
        State.ANSWERED, visibility="private", private_until=today().replace(year=YEAR + 1)
    )
    store.rebuild()
    assert client.get("/statistics/bodies/ministry.json").json()["received"] == 0
    assert client.get("/statistics/bodies.json").json()["bodies"] == []
    assert client.get("/statistics/overall.json").json()["received"] == 0


def test_no_personal_data_anywhere(client, world):
    requester = UserFactory(
        first_name="Zülfiyyə", last_name="Qəhrəmanova", email="zulfiyye@example.org"
    )
    decided(world, State.ANSWERED, requester=requester, public_name="Zülfiyyə Qəhrəmanova")
    decided(world, State.REFUSED, requester=requester, assignee=world.officer)
    for url in pages(world):
        text = client.get(url).content.decode()
        for secret in ("Zülfiyyə", "Qəhrəmanova", "zulfiyye@example.org", world.officer.email):
            assert secret not in text, (url, secret)
        if url.endswith(".json"):
            json.loads(text)


def _queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_budgets_do_not_grow_with_bodies_or_requests(client, world):
    urls = ["/statistics/", "/statistics/bodies.csv", "/statistics/bodies/ministry/"]
    decided(world, State.ANSWERED)
    before = {url: _queries(client, url) for url in urls}
    for index in range(5):
        body = PublicBodyFactory(slug=f"body-{index}")
        for state in (State.ANSWERED, State.REFUSED, State.IN_PROGRESS):
            decided(world, state, body=body)
            decided(world, state)
    after = {url: _queries(client, url) for url in urls}
    assert after == before
    assert before["/statistics/"] <= 13


def test_a_cached_page_is_cheap(client, some_requests, django_assert_max_num_queries):
    client.get("/statistics/")
    with django_assert_max_num_queries(1):
        client.get("/statistics/")


def test_the_body_page_shows_its_key_figures(client, some_requests):
    page = client.get("/bodies/ministry/").content.decode()
    assert 'href="/statistics/bodies/ministry/"' in page
    assert 'href="/statistics/methodology/"' in page
    start = page.index('id="statistics-heading"')
    block = page[start : page.index("</section>", start)]
    assert "<dd>3</dd>" in block  # received in the last 12 months
    assert "<dd>1</dd>" in block  # overdue now
