"""/search/: the query box, facets as filters, highlighted snippets, sorting, pages, and an
empty result that suggests filing a request."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from search.api import SearchUnavailable

URL = "/search/"
ROLES = ["anonymous", "citizen", "requester", "officer", "coordinator", "reviewer", "admin"]


@pytest.fixture
def indexed(world, answered):
    public = answered(
        "İctimai nəqliyyat statistikası", text="Metro passengers.", answer="Metro ridership."
    )
    private = answered(
        "Metro gizli hesabat",
        answer="Secret metro ridership.",
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    return public, private


def test_the_page_is_in_the_main_navigation(client, db):
    page = client.get(reverse("foi:request_list")).content.decode()
    assert f'href="{URL}"' in page


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_search_and_nobody_finds_private_requests(client, world, indexed, role):
    public, private = indexed
    if role != "anonymous":
        client.force_login(getattr(world, role))
    response = client.get(URL, {"q": "metro"})
    assert response.status_code == 200
    page = response.content.decode()
    assert public.reference in page
    assert private.reference not in page
    assert "gizli" not in page.lower()


def test_hits_are_highlighted_and_link_to_the_request(client, indexed):
    public, _ = indexed
    page = client.get(URL, {"q": "ictimai ridership"}).content.decode()
    assert reverse("foi:request_detail", args=[public.reference]) in page
    assert "<mark>İctimai</mark> nəqliyyat statistikası" in page
    assert "<mark>ridership</mark>" in page
    assert "1 result" in page


def test_facets_are_links_that_filter(client, world, indexed):
    page = client.get(URL, {"q": "metro"}).content.decode()
    assert "Ministry of Finance" in page
    link = f"{URL}?q=metro&amp;body={world.ministry.pk}"
    assert link in page
    filtered = client.get(URL, {"q": "metro", "body": world.ministry.pk}).content.decode()
    assert 'aria-current="true"' in filtered
    assert "Remove the filter Ministry of Finance" in filtered
    assert f'<input type="hidden" name="body" value="{world.ministry.pk}">' in filtered


def test_sorting_and_pages(client, world, answered):
    for n in range(22):
        answered(f"Su tarifləri {n}")
    page = client.get(URL, {"q": "tarifləri", "sort": "date"}).content.decode()
    assert "Page 1 of 2" in page
    assert '<option value="date" selected>' in page
    assert "page=2" in page and 'rel="next"' in page
    second = client.get(URL, {"q": "tarifləri", "sort": "date", "page": 2}).content.decode()
    assert 'rel="prev"' in second and '<ol class="results" start="21">' in second
    assert 'class="govuk-pagination"' in second
    assert 'aria-current="page">2</a>' in second and 'rel="next"' not in second


def test_an_empty_result_suggests_filing_a_request(client, indexed):
    page = client.get(URL, {"q": "zzznothing"}).content.decode()
    assert "Nothing answered or published matches “zzznothing”." in page
    assert "File a request for information" in page


def test_without_words_the_page_lists_the_latest_answers(client, indexed):
    public, private = indexed
    page = client.get(URL).content.decode()
    assert "Recently answered and published" in page
    assert public.reference in page and private.reference not in page


@pytest.mark.parametrize(
    "params", [{"q": "metro", "year": "abc"}, {"q": "metro", "sort": "random"}]
)
def test_bad_input_is_a_clear_error_that_keeps_the_query(client, indexed, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert 'value="metro"' in page


def test_an_unavailable_backend_is_a_503_with_a_sentence(client, db):
    failing = mock.patch("search.views.run_search", side_effect=SearchUnavailable("Down."))
    with failing:
        response = client.get(URL, {"q": "metro"})
    assert response.status_code == 503
    assert "Down." in response.content.decode()


def test_query_budget(client, world, answered, django_assert_max_num_queries):
    for n in range(25):
        answered(f"Büdcə hesabatı {n}", files=[("budget.txt", b"budget figures")])
    # One for the page and the facets, one for the hits' rows, one for the bodies' names; on
    # PostgreSQL four more statements: a savepoint, the planner setting and back, its release.
    with django_assert_max_num_queries(7):
        response = client.get(URL, {"q": "budget"})
    assert response.status_code == 200


# The anonymous page cache (core/pagecache.py): a search page is kept for visitors until the
# index changes, and never shown to anyone signed in.


def _read_twice(client, url):
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_a_new_answer_is_found_on_the_next_visit(client, world, indexed, answered):
    url = f"{URL}?q=tramvay"
    assert "Nothing answered or published matches" in _read_twice(client, url)
    new = answered("Tramvay xətləri", answer="Tramvay plans.")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert reverse("foi:request_detail", args=[new.reference]) in response.content.decode()


def test_a_request_made_private_is_gone_from_the_next_visit(client, world, indexed, committed):
    public, _private = indexed
    url = f"{URL}?q=metro"
    assert public.reference in _read_twice(client, url)
    public.refresh_from_db()
    public.visibility = "private"
    public.private_until = timezone.localdate() + datetime.timedelta(days=30)
    with committed():
        public.save()
    assert public.reference not in client.get(url).content.decode()


def test_a_signed_in_person_gets_a_page_of_their_own(client, world, indexed):
    url = f"{URL}?q=metro"
    _read_twice(client, url)
    client.force_login(world.requester)
    response = client.get(url)
    assert response.get("X-Page-Cache") != "hit"
    assert "private" in response["Cache-Control"]
