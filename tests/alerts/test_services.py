"""Saving, changing and deleting a saved search: who may, and what is refused (nothing saved)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from alerts import services
from alerts.models import Frequency, SavedSearch
from core.errors import Conflict, InvalidInput, NotPermitted, NotVisible


def test_a_person_saves_a_search_as_the_search_cleaned_it(world, saved):
    found = saved("  tikinti  ", filters={"body": str(world.ministry.pk), "year": ""})
    assert found.user == world.citizen
    assert found.query == "tikinti"
    assert found.filters == {"body": world.ministry.pk}
    assert found.name == "tikinti"
    assert found.frequency == Frequency.DAILY
    assert len(found.feed_token) >= 40


def test_a_search_without_words_is_named_for_what_it_finds(saved):
    assert saved("").name == "Everything answered or published"


@pytest.mark.parametrize("who", [None, "anonymous", "inactive"])
def test_only_a_signed_in_person_may_save(world, backend, who):
    user = {None: None, "anonymous": AnonymousUser(), "inactive": world.citizen}[who]
    if who == "inactive":
        world.citizen.is_active = False
        world.citizen.save()
    with pytest.raises(NotPermitted):
        services.saved_search_create(user=user, query="x")
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize(
    "options",
    [
        {"filters": {"outcome": "nonsense"}},
        {"filters": {"body": "abc"}},
        {"filters": {"kind": "spaceship"}},
        {"frequency": "hourly"},
        {"name": "n" * 121},
        {"query": "w" * 501},
    ],
)
def test_bad_input_is_refused_and_nothing_saved(world, backend, options):
    values = {"query": "x", **options}
    with pytest.raises(InvalidInput):
        services.saved_search_create(user=world.citizen, **values)
    assert not SavedSearch.objects.exists()


def test_the_limit_per_person_holds_with_a_clear_error(world, saved, settings):
    settings.ALERTS_MAX_SAVED_SEARCHES = 2
    saved("one")
    saved("two")
    with pytest.raises(InvalidInput, match="2 saved searches"):
        saved("three")
    assert SavedSearch.objects.filter(user=world.citizen).count() == 2
    # Another person's searches do not count against one's own.
    assert saved("three", user=world.requester).user == world.requester


def test_the_same_search_twice_is_refused(saved):
    saved("kitab", filters={"outcome": "full"})
    with pytest.raises(Conflict):
        saved("kitab", filters={"outcome": "full"})
    assert saved("kitab").filters == {}  # without the filter it is another search


def test_only_the_owner_changes_or_deletes_it(world, saved):
    found = saved("kitab")
    for other in (world.requester, world.admin, AnonymousUser()):
        with pytest.raises(NotVisible):
            services.saved_search_update(saved_search=found, actor=other, frequency="weekly")
        with pytest.raises(NotVisible):
            services.saved_search_delete(saved_search=found, actor=other)
        with pytest.raises(NotVisible):
            services.saved_search_feed_reset(saved_search=found, actor=other)
    found.refresh_from_db()
    assert found.frequency == Frequency.DAILY
    services.saved_search_update(saved_search=found, actor=world.citizen, frequency="weekly")
    found.refresh_from_db()
    assert found.frequency == Frequency.WEEKLY
    services.saved_search_delete(saved_search=found, actor=world.citizen)
    assert not SavedSearch.objects.exists()


def test_a_bad_frequency_changes_nothing(world, saved):
    found = saved("kitab")
    with pytest.raises(InvalidInput):
        services.saved_search_update(saved_search=found, actor=world.citizen, frequency="hourly")
    found.refresh_from_db()
    assert found.frequency == Frequency.DAILY
