"""/api/v1/saved-searches/: one's own only (anyone else's 404), signed in only (401), bad input
400 with nothing saved."""

import pytest

from alerts import services
from alerts.models import Frequency, SavedSearch
from tests.api.conftest import assert_one_sentence
from tests.search.conftest import backend  # noqa: F401 (a fixture)

LIST = "/api/v1/saved-searches/"


def test_visitors_are_refused(api, world, backend):  # noqa: F811
    assert api.as_(None).get(LIST).status_code == 401
    assert api.as_(None).post(LIST, {"query": "x"}, format="json").status_code == 401
    assert not SavedSearch.objects.exists()


def test_a_person_saves_lists_changes_and_deletes_their_own(api, world, backend):  # noqa: F811
    client = api.as_(world.citizen)
    response = client.post(
        LIST,
        {"query": "kitab", "filters": {"outcome": "full"}, "frequency": "weekly"},
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["query"], data["filters"], data["frequency"]) == (
        "kitab",
        {"outcome": "full"},
        "weekly",
    )
    saved = SavedSearch.objects.get()
    assert data["feed_url"].endswith(f"/me/searches/feed/{saved.feed_token}.atom")
    assert [row["id"] for row in client.get(LIST).json()["results"]] == [saved.pk]
    detail = f"{LIST}{saved.pk}/"
    assert client.patch(detail, {"frequency": "off"}, format="json").status_code == 200
    saved.refresh_from_db()
    assert saved.frequency == Frequency.OFF
    assert client.delete(detail).status_code == 204
    assert not SavedSearch.objects.exists()


def test_someone_elses_saved_search_is_404(api, world, backend):  # noqa: F811
    theirs = services.saved_search_create(user=world.requester, query="kitab")
    client = api.as_(world.citizen)
    detail = f"{LIST}{theirs.pk}/"
    assert client.get(detail).status_code == 404
    assert client.patch(detail, {"frequency": "off"}, format="json").status_code == 404
    assert client.delete(detail).status_code == 404
    assert client.get(LIST).json()["results"] == []
    theirs.refresh_from_db()
    assert theirs.frequency == Frequency.DAILY


@pytest.mark.parametrize(
    "payload",
    [
        {"query": "kitab", "filters": {"outcome": "nonsense"}},
        {"query": "kitab", "frequency": "hourly"},
        {"query": "k" * 501},
        {"query": "kitab", "filters": ["not", "a", "dict"]},
    ],
)
def test_bad_input_is_400_and_nothing_saved(api, world, backend, payload):  # noqa: F811
    response = api.as_(world.citizen).post(LIST, payload, format="json")
    assert response.status_code == 400
    assert_one_sentence(response)
    assert not SavedSearch.objects.exists()


def test_the_limit_and_a_repeat_are_refused(api, world, backend, settings):  # noqa: F811
    settings.ALERTS_MAX_SAVED_SEARCHES = 1
    client = api.as_(world.citizen)
    assert client.post(LIST, {"query": "kitab"}, format="json").status_code == 201
    assert client.post(LIST, {"query": "kitab"}, format="json").status_code == 400
    settings.ALERTS_MAX_SAVED_SEARCHES = 5
    assert client.post(LIST, {"query": "kitab"}, format="json").status_code == 409
    assert SavedSearch.objects.count() == 1
