"""A person's private calendar feed (foi.views.calendars): the right token opens it, a wrong or
reset one does not, and it shows only what its owner may handle or asked for."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from foi import services
from foi.models import Appeal, FOIRequest, State
from tests.foi.services.test_declared_days import declare, received

pytestmark = pytest.mark.django_db


def feed_url(user) -> str:
    token = services.calendar_feed_token_ensure(user=user).token
    return reverse("foi:calendar_feed", args=[token])


def events(client, user) -> dict[str, object]:
    response = client.get(feed_url(user))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(foi_request, kind="answer") -> str:
    return f"{foi_request.reference}-{kind}@"


def find(found: dict, foi_request, kind="answer"):
    matches = [event for key, event in found.items() if key.startswith(uid(foi_request, kind))]
    return matches[0] if matches else None


def test_the_right_token_gives_the_requesters_open_requests(client, world):
    mine = received(world, visibility="private", subject="My private subject")
    closed = world.request(State.ANSWERED)
    found = events(client, world.requester)
    event = find(found, mine)
    assert event is not None
    assert find(found, closed) is None
    assert "My private subject" in str(event["SUMMARY"])
    assert mine.reference in str(event["SUMMARY"])
    assert event["DTSTART"].dt == datetime.date(2027, 4, 14)  # an all-day event on the due day
    assert str(event["URL"]).endswith(reverse("foi:request_detail", args=[mine.reference]))
    assert int(event["SEQUENCE"]) == mine.version
    assert "DTSTAMP" in event and "LAST-MODIFIED" in event


def test_a_time_based_deadline_is_a_timed_event(client, world):
    foi_request = world.request(
        State.SUBMITTED, due_at=datetime.datetime(2027, 4, 5, 10, 30, tzinfo=datetime.UTC)
    )
    event = find(events(client, world.requester), foi_request)
    assert event["DTSTART"].dt == datetime.datetime(2027, 4, 5, 10, 30, tzinfo=datetime.UTC)


def test_the_appeal_decision_due_is_in_the_requesters_feed(client, world):
    foi_request = world.request(State.UNDER_APPEAL)
    Appeal.objects.filter(foi_request=foi_request).update(
        due_at=datetime.datetime(2027, 5, 1, 19, 59, 59, tzinfo=datetime.UTC)
    )
    assert find(events(client, world.requester), foi_request, "appeal") is not None


@pytest.mark.parametrize("token", ["", "x", "not-a-token", "a" * 43, "a" * 200])
def test_a_wrong_token_is_404(client, world, token):
    services.calendar_feed_token_ensure(user=world.requester)
    response = client.get(f"/me/calendar/{token}.ics")
    assert response.status_code == 404


def test_a_reset_token_is_404_and_the_new_one_works(client, world):
    received(world)
    old = feed_url(world.requester)
    client.force_login(world.requester)
    response = client.post(reverse("foi:calendar_reset"))
    assert response.status_code == 302
    client.logout()
    assert client.get(old).status_code == 404
    new = feed_url(world.requester)
    assert new != old
    assert client.get(new).status_code == 200


def test_the_reset_needs_a_signed_in_post(client, world):
    old = feed_url(world.requester)
    response = client.post(reverse("foi:calendar_reset"))
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(world.requester)
    assert client.get(reverse("foi:calendar_reset")).status_code == 405
    assert client.get(old).status_code == 200


def test_an_inactive_persons_feed_is_404(client, world):
    url = feed_url(world.requester)
    world.requester.is_active = False
    world.requester.save()
    assert client.get(url).status_code == 404


def test_an_officers_feed_has_only_the_requests_they_may_handle(client, world):
    theirs = received(world, visibility="private")
    unassigned = world.request(State.SUBMITTED, assignee=None)
    colleagues = world.request(State.IN_PROGRESS, assignee=world.second_officer)
    other_body = world.request(State.SUBMITTED, body=world.other_body)
    answered = world.request(State.ANSWERED)
    found = events(client, world.officer)
    assert find(found, theirs) is not None
    assert find(found, unassigned) is not None
    assert find(found, colleagues) is None
    assert find(found, other_body) is None
    assert find(found, answered) is None
    # Nothing in an officer's calendar names the requester or says how to reach them.
    text = client.get(feed_url(world.officer)).content.decode()
    for detail in (world.requester.first_name, world.requester.last_name, world.requester.email):
        assert detail not in text


def test_someone_elses_private_request_never_appears(client, world):
    private = received(world, visibility="private", subject="SECRET-SUBJECT")
    for person in (world.citizen, world.other_officer, world.reviewer, world.admin):
        text = client.get(feed_url(person)).content.decode()
        assert private.reference not in text and "SECRET-SUBJECT" not in text


def test_a_deadline_extension_changes_the_event(client, world):
    foi_request = received(world, at=timezone.now() - datetime.timedelta(days=1))
    before = find(events(client, world.requester), foi_request)
    services.foi_request_extend(
        foi_request=FOIRequest.objects.get(pk=foi_request.pk),
        actor=world.officer,
        reason="volume",
        text="We need more time to collect the documents.",
    )
    after = find(events(client, world.requester), foi_request)
    assert after["DTSTART"].dt > before["DTSTART"].dt
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert str(after["UID"]) == str(before["UID"])


def test_a_declared_day_changes_the_event(client, world):
    foi_request = received(world)
    before = find(events(client, world.requester), foi_request)
    declare(world)
    after = find(events(client, world.requester), foi_request)
    assert after["DTSTART"].dt == datetime.date(2027, 4, 15) > before["DTSTART"].dt
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_head_works(client, world):
    received(world)
    response = client.head(feed_url(world.requester))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert client.post(feed_url(world.requester)).status_code == 405


def test_the_query_count_does_not_grow_with_the_requests(
    client, world, django_assert_max_num_queries
):
    url = feed_url(world.officer)
    for _ in range(3):
        world.request(State.SUBMITTED, assignee=None)
        world.request(State.IN_PROGRESS, requester=world.officer, body=world.other_body)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
    for _ in range(10):
        world.request(State.SUBMITTED, assignee=None)
        world.request(State.IN_PROGRESS, requester=world.officer, body=world.other_body)
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 26


def test_me_the_profile_and_the_queue_link_to_the_feed(client, world):
    url = feed_url(world.officer)
    client.force_login(world.officer)
    for page in (reverse("foi:dashboard"), reverse("foi:profile"), reverse("foi_workspace:queue")):
        text = client.get(page).content.decode()
        assert url in text, page
        assert "webcal://" in text, page
