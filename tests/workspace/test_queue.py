"""The queue: the body's open requests, the soonest due first, marked late or nearly late in
words, with filters, ready-made views and counts."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from core import clock
from foi import services
from foi.models import State
from workspace import selectors
from workspace.views.queue import PAGE_SIZE

BAKU = ZoneInfo("Asia/Baku")
NOW = datetime(2026, 4, 15, 12, tzinfo=BAKU)  # Wednesday
QUEUE = reverse("foi_workspace:queue")


def end_of(month, day):
    return datetime(2026, month, day, 23, 59, 59, tzinfo=BAKU)


@pytest.fixture
def queue(world):
    """Hand-placed due dates around Wed 15 Apr 2026 (no holidays that month)."""
    received = datetime(2026, 4, 1, 10, tzinfo=BAKU)
    common = {"first_received_at": received, "received_at": received}
    return {
        # Due Fri 10 Apr: late by 13, 14, 15 = 3 working days.
        "late": world.request(
            State.IN_PROGRESS,
            due_at=end_of(4, 10),
            assignee=world.officer,
            subject="Late one",
            **common,
        ),
        # Due Thu 16 Apr: 1 working day left.
        "tomorrow": world.request(
            State.SUBMITTED,
            due_at=end_of(4, 16),
            urgency="life",
            urgency_justification="Health.",
            subject="Tomorrow",
            **common,
        ),
        # Due today.
        "today": world.request(
            State.SUBMITTED, due_at=end_of(4, 15), channel="post", subject="Today", **common
        ),
        # Due Tue 21 Apr: 16, 17, 20, 21 = 4 working days left.
        "later": world.request(
            State.IN_PROGRESS,
            due_at=end_of(4, 21),
            assignee=world.second_officer,
            subject="Later",
            **common,
        ),
        "waiting": world.request(
            State.AWAITING_CLARIFICATION, due_at=end_of(4, 17), subject="Waiting", **common
        ),
        "answered": world.request(State.ANSWERED, due_at=end_of(4, 9), subject="Done", **common),
        "elsewhere": world.request(
            State.SUBMITTED,
            body=world.other_body,
            due_at=end_of(4, 14),
            subject="Not ours",
            **common,
        ),
    }


def listed(page) -> list[str]:
    text = page.content.decode()
    table = text[text.index('id="queue"') :]
    return [
        name
        for name in ("Late one", "Tomorrow", "Today", "Later", "Waiting", "Done", "Not ours")
        if name in table
    ]


def order(page) -> list[str]:
    text = page.content.decode()
    table = text[text.index('id="queue"') :]
    return sorted(listed(page), key=table.index)


def get(client, **params):
    with clock.travel(NOW):
        return client.get(QUEUE, params)


def test_open_requests_the_soonest_due_first_marked_in_words(client, world, queue):
    client.force_login(world.coordinator)
    page = get(client)
    assert page.status_code == 200
    assert order(page) == ["Late one", "Today", "Tomorrow", "Waiting", "Later"]
    text = page.content.decode()
    assert "Overdue by 3 working days" in text
    assert "Due soon: today" in text
    assert "Due soon: 1 working day left" in text
    assert "4 working days left" in text
    assert "Waiting for the requester" in text
    assert "Urgent: a threat to life, health or liberty" in text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "all"}, ["Done", "Late one", "Today", "Tomorrow", "Waiting", "Later"]),
        ({"state": "answered"}, ["Done"]),
        ({"assignee": "none"}, ["Today", "Tomorrow", "Waiting"]),
        ({"assignee": "me"}, ["Late one"]),
        ({"overdue": "on"}, ["Late one"]),
        # Within 2 working days: to the end of Fri 17 Apr; the late one has its own view.
        ({"due_within": "2"}, ["Today", "Tomorrow"]),
        ({"due_within": "0"}, ["Today"]),
        ({"urgency": "life"}, ["Tomorrow"]),
        ({"channel": "post"}, ["Today"]),
    ],
)
def test_filters(client, world, queue, params, expected):
    client.force_login(world.officer)
    page = get(client, **params)
    assert page.status_code == 200
    assert order(page) == expected


def test_a_filter_for_a_particular_officer(client, world, queue):
    client.force_login(world.coordinator)
    assert order(get(client, assignee=str(world.second_officer.pk))) == ["Later"]


def test_bad_filters_are_reported(client, world, queue):
    client.force_login(world.officer)
    page = get(client, due_within="-3")
    assert page.status_code == 400
    assert "greater than or equal to 0" in page.content.decode()


def test_counts_per_state_and_the_ready_made_views(client, world, queue):
    client.force_login(world.coordinator)
    with clock.travel(NOW):
        counts = selectors.queue_counts(user=world.officer, body=world.ministry)
    assert counts.by_state == {
        "in_progress": 2,
        "submitted": 2,
        "awaiting_clarification": 1,
        "answered": 1,
    }
    assert (counts.overdue, counts.due_soon, counts.unassigned, counts.mine) == (1, 2, 3, 1)
    text = get(client).content.decode()
    assert "Unassigned (3)" in text and "Overdue (1)" in text
    assert "Submitted: <strong>2</strong>" in text
    # A coordinator's first view is "unassigned"; an officer's, "assigned to me".
    assert text.index("Unassigned (") < text.index("Assigned to me (")
    client.force_login(world.officer)
    text = get(client).content.decode()
    assert text.index("Assigned to me (") < text.index("Unassigned (")


def test_the_queue_keeps_to_a_query_budget(client, world, queue, django_assert_max_num_queries):
    for index in range(30):
        world.request(State.SUBMITTED, subject=f"More {index}", assignee=world.officer)
    client.force_login(world.coordinator)
    # Someone who has been here before: their calendar feed's token exists (one read).
    services.calendar_feed_token_ensure(user=world.coordinator)
    # Wagtail's admin menu (with the CMS's items) costs a constant few of these, on the first
    # visit: then it comes from the cache (workspace/sidebar.py).
    with django_assert_max_num_queries(20):
        page = get(client)
    assert page.status_code == 200
    rows = page.content.decode().count('<tr><td><a href="/admin/workspace/requests/')
    assert rows == PAGE_SIZE  # a full page: the rest are on the next
    with django_assert_max_num_queries(13):
        assert get(client).status_code == 200


def test_a_member_of_two_bodies_picks_one(client, world, queue):
    from tests.factories import MembershipFactory

    MembershipFactory(user=world.officer, body=world.other_body, role="officer")
    client.force_login(world.officer)
    assert order(get(client, body=str(world.other_body.pk))) == ["Not ours"]
