"""The public pages of requests obey docs/permissions.md: hidden means 404, and private parts never
reach people who may not see them."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from foi import services
from foi.models import Message, State
from tests.factories import FOIRequestFactory

EVERYONE = [
    "anonymous",
    "citizen",
    "other_officer",
    "editor",
    "requester",
    "officer",
    "coordinator",
    "reviewer",
    "admin",
]


def login(client, world, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))


def detail(foi_request):
    return reverse("foi:request_detail", args=[foi_request.reference])


@pytest.mark.parametrize("role", EVERYONE)
def test_a_public_request_shows_each_person_only_their_part(client, world, case, role):
    login(client, world, role)
    response = client.get(detail(case))
    assert response.status_code == 200
    page = response.content.decode()
    assert "PUBLIC-LETTER" in page
    assert "PUBLIC-ANSWER" in page
    assert "approved.txt" in page
    party = role in ("requester", "officer", "coordinator", "reviewer", "admin")
    insider = role in ("officer", "coordinator", "admin")
    assert ("PARTIES-ONLY" in page) == party
    assert ("pending.txt" in page) == party
    assert ("INTERNAL-NOTE" in page) == insider
    assert (world.requester.email in page) == party


@pytest.mark.parametrize("role", EVERYONE)
def test_files_download_only_where_visible(client, world, case, role):
    login(client, world, role)
    response_message = case.messages.get(kind="response")
    approved = response_message.attachments.get(original_name="approved.txt")
    pending = response_message.attachments.get(original_name="pending.txt")
    url = "foi:attachment_download"
    assert client.get(reverse(url, args=[case.reference, approved.pk])).status_code == 200
    party = role in ("requester", "officer", "coordinator", "reviewer", "admin")
    response = client.get(reverse(url, args=[case.reference, pending.pk]))
    assert response.status_code == (200 if party else 404)
    if party:
        assert b"".join(response.streaming_content) == b"PENDING-FILE"


@pytest.mark.parametrize("role", EVERYONE)
def test_a_private_request_is_404_to_outsiders(client, world, role):
    until = timezone.localdate() + datetime.timedelta(days=90)
    private = world.request(State.IN_PROGRESS, visibility="private", private_until=until)
    login(client, world, role)
    response = client.get(detail(private))
    visible = role in ("requester", "officer", "coordinator", "admin")
    assert response.status_code == (200 if visible else 404)
    listing = client.get(reverse("foi:request_list")).content.decode()
    assert (private.reference in listing) == visible


def test_a_private_request_becomes_public_on_its_date(client, world):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    released = world.request(State.ANSWERED, visibility="private", private_until=yesterday)
    assert client.get(detail(released)).status_code == 200


@pytest.mark.parametrize("role", EVERYONE)
def test_a_draft_is_seen_by_its_author_and_admins_only(client, world, role):
    draft = world.request(State.DRAFT, reference="AZ-DRAFT-1")
    login(client, world, role)
    response = client.get(detail(draft))
    assert response.status_code == (200 if role in ("requester", "admin") else 404)


def test_a_transferred_request_leaves_the_old_body(client, world):
    foi_request = world.request(
        State.SUBMITTED,
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    services.foi_request_transfer(
        foi_request=foi_request, actor=world.coordinator, body=world.other_body
    )
    client.force_login(world.officer)
    assert client.get(detail(foi_request)).status_code == 404
    client.force_login(world.other_officer)
    assert client.get(detail(foi_request)).status_code == 200


def test_the_list_filters_by_state(client, world):
    answered = world.request(State.ANSWERED, subject="ANSWERED-ONE")
    world.request(State.REFUSED, subject="REFUSED-ONE")
    page = client.get(reverse("foi:request_list"), {"state": "answered"}).content.decode()
    assert answered.subject in page
    assert "REFUSED-ONE" not in page


def test_overdue_is_said_in_words(client, world):
    late = world.request(State.IN_PROGRESS, due_at=timezone.now() - datetime.timedelta(days=10))
    page = client.get(detail(late)).content.decode()
    assert "Overdue by" in page


def test_unknown_reference_is_404(client, db):
    assert client.get("/requests/AZ-2026-999999/").status_code == 404


def test_list_query_count_does_not_grow_with_rows(client, world, django_assert_max_num_queries):
    for _ in range(30):
        FOIRequestFactory(body=world.ministry, state=State.SUBMITTED)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("foi:request_list")).status_code == 200


def test_detail_query_count_does_not_grow_with_messages(
    client, world, case, django_assert_max_num_queries
):
    client.force_login(world.officer)
    for index in range(20):
        Message.objects.create(foi_request=case, kind="email_in", text=f"more {index}")
    with django_assert_max_num_queries(25):
        assert client.get(detail(case)).status_code == 200


def test_available_actions_follow_the_role(world, case):
    from foi import selectors

    assert selectors.available_actions(foi_request=case, user=AnonymousUser()) == []
    assert "decide_appeal" in selectors.available_actions(foi_request=case, user=world.reviewer)
    assert selectors.available_actions(foi_request=case, user=world.citizen) == []
