"""The pages: "Save this search" on the search page, /me/searches/ (only one's own), and the
private feed (by token; only public results)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alerts.models import Frequency, SavedSearch

LIST = "/me/searches/"


def test_the_search_page_offers_saving_to_signed_in_people_and_sign_in_to_visitors(
    client, world, backend
):
    page = client.get("/search/", {"q": "kitab", "outcome": "full"})
    assert reverse("alerts:save").encode() not in page.content
    assert b"Sign in to save this search" in page.content
    client.force_login(world.citizen)
    page = client.get("/search/", {"q": "kitab", "outcome": "full"})
    assert f'action="{reverse("alerts:save")}"'.encode() in page.content
    assert b'name="outcome" value="full"' in page.content


def test_a_visitor_cannot_save(client, backend):
    response = client.post(reverse("alerts:save"), {"q": "kitab", "frequency": "daily"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_saving_from_the_search_page(client, world, backend):
    client.force_login(world.citizen)
    response = client.post(
        reverse("alerts:save"),
        {"q": "kitab", "outcome": "full", "body": "", "frequency": "weekly"},
        follow=True,
    )
    assert response.status_code == 200
    found = SavedSearch.objects.get()
    assert (found.user, found.query, found.filters) == (world.citizen, "kitab", {"outcome": "full"})
    assert found.frequency == Frequency.WEEKLY
    assert b"kitab" in response.content


@pytest.mark.parametrize(
    "data", [{"q": "kitab", "outcome": "nonsense"}, {"q": "kitab", "frequency": "hourly"}]
)
def test_saving_bad_input_is_refused_with_a_clear_error(client, world, backend, data):
    client.force_login(world.citizen)
    response = client.post(reverse("alerts:save"), {"frequency": "daily", **data})
    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content
    assert not SavedSearch.objects.exists()


def test_saving_past_the_limit_shows_why(client, world, saved, settings):
    settings.ALERTS_MAX_SAVED_SEARCHES = 1
    saved("one")
    client.force_login(world.citizen)
    response = client.post(reverse("alerts:save"), {"q": "two", "frequency": "daily"})
    assert response.status_code == 400
    assert b"1 saved searches" in response.content
    assert SavedSearch.objects.count() == 1


def test_the_list_shows_only_ones_own(client, world, saved):
    mine = saved("mineword")
    saved("theirsword", user=world.requester)
    assert client.get(LIST).status_code == 302  # visitors sign in first
    client.force_login(world.citizen)
    page = client.get(LIST)
    assert page.status_code == 200
    assert b"mineword" in page.content and b"theirsword" not in page.content
    assert mine.feed_token.encode() in page.content


def test_changing_and_deleting_someone_elses_is_404(client, world, saved):
    theirs = saved("theirsword", user=world.requester)
    client.force_login(world.citizen)
    for name in ("alerts:change", "alerts:delete", "alerts:feed_reset"):
        response = client.post(reverse(name, args=[theirs.pk]), {"frequency": "off"})
        assert response.status_code == 404, name
    assert (
        client.post(reverse("alerts:change", args=[999999]), {"frequency": "off"}).status_code
        == 404
    )
    theirs.refresh_from_db()
    assert theirs.frequency == Frequency.DAILY


def test_changing_frequency_and_deleting(client, world, saved):
    mine = saved("mineword")
    client.force_login(world.citizen)
    assert (
        client.post(reverse("alerts:change", args=[mine.pk]), {"frequency": "hourly"}).status_code
        == 400
    )
    mine.refresh_from_db()
    assert mine.frequency == Frequency.DAILY
    client.post(reverse("alerts:change", args=[mine.pk]), {"frequency": "weekly"})
    mine.refresh_from_db()
    assert mine.frequency == Frequency.WEEKLY
    client.post(reverse("alerts:delete", args=[mine.pk]))
    assert not SavedSearch.objects.exists()


def test_the_feed_lists_only_public_results_and_is_private(client, world, saved, answered):
    search = saved("kitabxana")
    public = answered("Kitabxana büdcəsi")
    private = answered(
        "Kitabxana gizli",
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    response = client.get(reverse("alerts:feed", args=[search.feed_token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert public.reference.encode() in response.content
    assert private.reference.encode() not in response.content
    assert b"gizli" not in response.content.lower()
    assert response["Cache-Control"].startswith("private")
    assert "noindex" in response["X-Robots-Tag"]


def test_an_unknown_reset_or_orphaned_feed_is_404(client, world, saved):
    search = saved("kitabxana")
    old = search.feed_token
    assert client.get(reverse("alerts:feed", args=["x" * 43])).status_code == 404
    client.force_login(world.citizen)
    client.post(reverse("alerts:feed_reset", args=[search.pk]))
    client.logout()
    assert client.get(reverse("alerts:feed", args=[old])).status_code == 404
    search.refresh_from_db()
    assert client.get(reverse("alerts:feed", args=[search.feed_token])).status_code == 200
    world.citizen.is_active = False
    world.citizen.save()
    assert client.get(reverse("alerts:feed", args=[search.feed_token])).status_code == 404
