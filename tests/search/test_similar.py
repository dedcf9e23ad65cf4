"""The filing wizard's "similar answered requests"."""

from unittest import mock

from django.conf import settings
from django.utils.module_loading import import_string

from foi.models import FOIRequest
from search import similar_requests


def test_the_setting_names_our_public_finder():
    assert import_string(settings.FOI_SIMILAR_REQUESTS_FINDER) is similar_requests


def test_similar_answered_requests_best_first(world, answered):
    budget = answered("Büdcə icrası hesabatı 2025", text="Budget execution report for 2025.")
    answered("Metro sərnişinləri", text="How many passengers used the metro?")
    roads = answered("Yol təmiri müqavilələri", text="Road repair contracts and budget.")
    found = similar_requests(
        text="I would like the budget execution report of the ministry", limit=5
    )
    assert all(isinstance(item, FOIRequest) for item in found)
    assert found[0] == budget
    assert roads in found
    assert len(found) == 2


def test_nothing_for_empty_or_stop_word_text(world, answered):
    answered("Budget", text="Budget execution report.")
    assert similar_requests(text="") == []
    assert similar_requests(text="please send me the") == []
    assert similar_requests(text="budget", limit=0) == []


def test_the_limit_and_the_body_preference(world, answered):
    for n in range(4):
        answered(f"Su tarifləri {n}", text="Water tariffs.")
    found = similar_requests(text="water tariffs", body=world.ministry, limit=3)
    assert len(found) == 3
    assert all(r.body == world.ministry for r in found)


def test_a_failing_backend_never_breaks_filing(world, answered, caplog):
    answered("Budget", text="Budget execution report.")
    with mock.patch("search.api.get_backend", side_effect=ConnectionError("down")):
        assert similar_requests(text="budget report") == []
    assert "Similar requests could not be found" in caplog.text


def test_only_public_requests_even_if_the_index_lags(world, answered, backend):
    import datetime

    from django.utils import timezone

    foi_request = answered("Budget", text="Budget execution report.")
    FOIRequest.objects.filter(pk=foi_request.pk).update(
        visibility="private", private_until=timezone.localdate() + datetime.timedelta(days=9)
    )  # behind the index's back: no signal
    assert similar_requests(text="budget report") == []
