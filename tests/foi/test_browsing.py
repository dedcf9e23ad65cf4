"""Browsing requests (filters, sorting, pages), Atom feeds, the dashboard, and the selector that
finds similar answered requests before someone files."""

import datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from foi import selectors, services
from foi.models import Message, State
from tests.foi.portal import awaiting_clarification, draft_of, private_request

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_the_list_filters_by_body_state_outcome_and_year(client, world):
    answered = world.request(State.ANSWERED, subject="Answered one")
    world.request(State.REFUSED, subject="Refused one")
    other = world.request(State.IN_PROGRESS, subject="Other body", body=world.other_body)
    old = world.request(
        State.ANSWERED,
        subject="From 2024",
        submitted_at=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC),
    )
    url = reverse("foi:request_list")
    page = client.get(url, {"body": world.other_body.slug}).content.decode()
    assert other.subject in page and answered.subject not in page
    page = client.get(url, {"state": "refused"}).content.decode()
    assert "Refused one" in page and "Answered one" not in page
    page = client.get(url, {"outcome": "full"}).content.decode()
    assert "Answered one" in page and "Refused one" not in page
    page = client.get(url, {"year": "2024"}).content.decode()
    assert old.subject in page and "Answered one" not in page
    assert '<option value="2024"' in client.get(url).content.decode()


def test_the_list_sorts_and_pages(client, world):
    now = timezone.now()
    for number in range(30):
        world.request(
            State.IN_PROGRESS,
            subject=f"Request number {number:02d}",
            submitted_at=now - datetime.timedelta(days=number),
        )
    url = reverse("foi:request_list")
    first = client.get(url, {"sort": "newest"}).content.decode()
    assert "Request number 00" in first and "Request number 29" not in first
    assert "Page 1 of 2" in first
    assert "sort=newest&amp;page=2" in first  # the filters survive paging
    oldest = client.get(url, {"sort": "oldest"}).content.decode()
    assert "Request number 29" in oldest and "Request number 00" not in oldest
    bad = client.get(url, {"sort": "'; drop", "year": "abc", "state": "x", "page": "999"})
    assert bad.status_code == 200


def test_the_list_stays_within_its_query_budget(client, world, django_assert_max_num_queries):
    for _ in range(25):
        world.request(State.ANSWERED)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("foi:request_list"))
    assert response.status_code == 200


def test_the_list_hides_private_requests_and_drafts(client, world):
    private_request(world, subject="A private matter")
    draft_of(world, subject="An unsent draft")
    page = client.get(reverse("foi:request_list")).content.decode()
    assert "A private matter" not in page and "An unsent draft" not in page


def test_the_feed_of_all_requests_is_public_only(client, world):
    world.request(State.IN_PROGRESS, subject="Public one")
    private_request(world, subject="Private one")
    titles = entries(client.get(reverse("foi:request_feed")))
    assert any("Public one" in title for title in titles)
    assert not any("Private one" in title for title in titles)


def test_a_body_feed_lists_its_requests(client, world):
    world.request(State.IN_PROGRESS, subject="To the ministry")
    world.request(State.IN_PROGRESS, subject="To health", body=world.other_body)
    titles = entries(client.get(reverse("foi:body_feed", args=[world.ministry.slug])))
    assert any("To the ministry" in title for title in titles)
    assert not any("To health" in title for title in titles)


def test_a_request_feed_has_its_public_timeline_only(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    Message.objects.create(foi_request=foi_request, kind="letter", text="The letter")
    Message.objects.create(
        foi_request=foi_request, kind="email_in", audience="parties", text="PARTIES"
    )
    services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="NOTE")
    response = client.get(reverse("foi:request_timeline_feed", args=[foi_request.reference]))
    assert entries(response) == ["Request letter"]
    assert b"PARTIES" not in response.content and b"NOTE" not in response.content


def test_feeds_stay_within_their_query_budget(client, world, django_assert_max_num_queries):
    foi_request = world.request(State.IN_PROGRESS)
    for number in range(20):
        world.request(State.ANSWERED)
        Message.objects.create(foi_request=foi_request, kind="email_in", text=f"Message {number}")
    for url in (
        reverse("foi:request_feed"),
        reverse("foi:body_feed", args=[world.ministry.slug]),
        reverse("foi:request_timeline_feed", args=[foi_request.reference]),
    ):
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200


# -- the dashboard ----------------------------------------------------------------------------


def test_the_dashboard_shows_what_waits_on_the_person(client, world):
    waiting = awaiting_clarification(world, subject="Needs my reply")
    late = world.request(
        State.IN_PROGRESS,
        subject="Late one",
        due_at=timezone.now() - datetime.timedelta(days=5),
    )
    draft = draft_of(world, subject="Half written")
    world.request(State.IN_PROGRESS, subject="Someone else's", requester=world.citizen)
    followed = world.request(State.ANSWERED, subject="Followed one", requester=world.citizen)
    services.follow_create(user=world.requester, foi_request=followed)
    services.follow_create(user=world.requester, body=world.other_body)
    client.force_login(world.requester)
    page = client.get(reverse("foi:dashboard")).content.decode()
    assert "Waiting for you" in page and waiting.subject in page
    assert reverse("foi:filing_letter", args=[draft.pk]) in page
    assert reverse("foi:request_appeal", args=[late.reference]) in page  # late: may appeal
    assert "Someone else&#x27;s" not in page and "Someone else's" not in page
    assert "Followed one" in page and "Ministry of Health" in page


def test_the_dashboard_stays_within_its_query_budget(client, world, django_assert_max_num_queries):
    for state in [State.ANSWERED, State.REFUSED, State.IN_PROGRESS, State.UNDER_APPEAL] * 5:
        world.request(state)
    client.force_login(world.requester)
    # Someone who has been here before: their calendar feed's token exists (one read).
    services.calendar_feed_token_ensure(user=world.requester)
    with django_assert_max_num_queries(17):
        response = client.get(reverse("foi:dashboard"))
    assert response.status_code == 200


# -- similar answered requests ----------------------------------------------------------------
# These test foi's own word match, the fallback when no finder is configured (the search app's
# finder, the default, has its own tests in tests/search/test_similar.py).


@pytest.fixture
def no_finder(settings):
    settings.FOI_SIMILAR_REQUESTS_FINDER = ""


def test_similar_requests_share_words_and_have_an_answer(world, no_finder):
    answered = world.request(State.ANSWERED, subject="Büdcənin icrası haqqında hesabat 2025")
    refused_one = world.request(State.REFUSED, subject="Hərbi büdcə xərcləri")
    world.request(State.IN_PROGRESS, subject="Büdcə layihəsi")  # no answer yet
    private_request(world, State.ANSWERED, subject="Büdcə gizli")
    world.request(State.ANSWERED, subject="Metro sərnişinləri")
    found = selectors.similar_answered_requests(text="dövlət büdcəsi hesabatı")
    assert found[0] == answered  # two shared words ("büdcə…", "hesab…") beat one
    assert set(found) == {answered, refused_one}
    assert selectors.similar_answered_requests(text="please send information") == []
    assert selectors.similar_answered_requests(text="") == []


FINDER_CALLS = []


def recording_finder(*, text, body=None, limit=5):
    """Stands in for the search app's finder."""
    FINDER_CALLS.append((text, body, limit))
    return ["from the finder"]


def test_the_similar_requests_finder_can_be_plugged_in(world, settings):
    settings.FOI_SIMILAR_REQUESTS_FINDER = "tests.foi.test_browsing.recording_finder"
    FINDER_CALLS.clear()
    found = selectors.similar_answered_requests(text="water", body=world.ministry, limit=3)
    assert found == ["from the finder"]
    assert [("water", world.ministry, 3)] == FINDER_CALLS


@pytest.mark.parametrize("limit", [0, 1])
def test_similar_requests_respect_the_limit(world, limit, no_finder):
    world.request(State.ANSWERED, subject="Water tariffs")
    world.request(State.ANSWERED, subject="Water supply")
    assert len(selectors.similar_answered_requests(text="water", limit=limit)) == limit


def test_a_long_list_is_counted_only_up_to_a_cap(client, world, monkeypatch, no_page_cache):
    from core.paging import CappedPaginator

    for number in range(4):
        world.request(State.ANSWERED, subject=f"Capped {number}")
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    page = client.get(reverse("foi:request_list")).content.decode()
    assert "More than 3 requests" in page
    monkeypatch.setattr(CappedPaginator, "cap", 4)
    page = client.get(reverse("foi:request_list")).content.decode()
    assert "4 requests" in page and "More than" not in page


def test_the_year_filter_offers_every_year_from_the_first_request_to_the_last(world):
    assert selectors.foi_request_years() == []
    for year in (2022, 2025):
        world.request(
            State.ANSWERED, submitted_at=datetime.datetime(year, 6, 1, tzinfo=datetime.UTC)
        )
    world.request(
        State.ANSWERED,
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=30),
        submitted_at=datetime.datetime(2019, 6, 1, tzinfo=datetime.UTC),
    )
    assert selectors.foi_request_years() == [2025, 2024, 2023, 2022]  # not the private 2019
