"""GET /api/v1/stats/bodies/ and /api/v1/stats/bodies/{slug}/: public to everyone, public
requests only, the same figures as the statistics pages, clear errors for a bad period."""

import datetime

import pytest
from django.utils import timezone

from foi.models import State
from publicstats import figures, store
from tests.api.conftest import assert_one_sentence

BODIES = "/api/v1/stats/bodies/"


@pytest.fixture
def handled(world):
    """Two public requests answered by the ministry, one refused; a private one and a draft."""
    world.request(State.ANSWERED, outcome="full", subject="PUBLIC-ONE")
    world.request(State.REFUSED, outcome="refused", subject="PUBLIC-TWO")
    until = timezone.localdate() + datetime.timedelta(days=60)
    world.request(
        State.ANSWERED, outcome="full", visibility="private", private_until=until, subject="PRIV"
    )
    world.request(State.DRAFT, subject="DRAFT")
    store.rebuild()
    return world


@pytest.mark.parametrize("role", ["anonymous", "citizen", "officer", "admin"])
def test_everyone_reads_the_same_public_figures(api, handled, role):
    api.as_(None if role == "anonymous" else getattr(handled, role))
    response = api.get(BODIES)
    assert response.status_code == 200
    data = response.json()
    today = timezone.localdate()
    expected = figures.league_table(date_from=data_from(data), date_to=today)
    assert data["bodies"] == expected
    ministry = next(row for row in data["bodies"] if row["slug"] == "ministry")
    assert ministry["received"] == 2  # the private request and the draft count nowhere
    assert data["overall"]["received"] == 2
    assert data["methodology"].endswith("/statistics/methodology/")
    text = response.content.decode()
    for secret in ("PRIV", "DRAFT", handled.requester.email, "Aysel"):
        assert secret not in text


def data_from(data):
    return datetime.date.fromisoformat(data["period"]["from"])


def test_one_body_with_its_monthly_series(api, handled):
    response = api.get(f"{BODIES}ministry/", {"year": timezone.localdate().year})
    assert response.status_code == 200
    data = response.json()
    assert data["body"]["slug"] == "ministry"
    assert data["period"]["from"].endswith("-01-01") and data["period"]["to"].endswith("-12-31")
    assert len(data["monthly"]) == 12
    assert sum(month["received"] for month in data["monthly"]) == data["received"]


def test_sorting_and_an_unknown_order_falls_back(api, handled):
    handled.request(State.ANSWERED, body=handled.other_body, outcome="full")
    names = [row["slug"] for row in api.get(BODIES, {"order": "name"}).json()["bodies"]]
    assert names == sorted(names, key=lambda slug: {"ministry": 0, "other": 1}[slug])
    assert api.get(BODIES, {"order": "nonsense"}).json()["order"] == "-received"


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-13-01"},
        {"from": "yesterday"},
        {"year": "1066"},
        {"from": "2026-05-01", "to": "2026-01-01"},
        {"to": "2999-01-01"},
    ],
)
def test_a_bad_period_is_a_400_with_a_sentence(api, handled, params):
    response = api.get(BODIES, params)
    assert response.status_code == 400
    assert_one_sentence(response)
    assert api.get(f"{BODIES}ministry/", params).status_code == 400


def test_an_unknown_body_is_a_404(api, handled):
    response = api.get(f"{BODIES}no-such-body/")
    assert response.status_code == 404
    assert_one_sentence(response)


def test_the_query_count_does_not_grow_with_bodies(api, handled, django_assert_max_num_queries):
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(14):
        assert api.get(BODIES).status_code == 200
    for _ in range(5):
        handled.request(State.ANSWERED, body=handled.other_body, outcome="full")
    cache.clear()
    with django_assert_max_num_queries(14):
        assert api.get(BODIES).status_code == 200
