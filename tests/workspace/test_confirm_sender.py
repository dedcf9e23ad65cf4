""" "This is the body's reply" in the workspace: an officer confirms an e-mail marked as sent from
an address not known for the body (they know their colleagues' addresses); others are refused
and nothing changes."""

import html

import pytest
from django.urls import reverse

from foi import services
from foi.models import CaseEvent, FOIRequest, State
from tests.factories import AppealFactory
from tests.foi.services.test_confirm_sender import received, state_of
from tests.workspace.conftest import case_url

pytestmark = pytest.mark.django_db

BUTTON = "This is the body's reply"


def confirm_url(message):
    return reverse("foi_workspace:confirm_sender", args=[message.foi_request.reference, message.pk])


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def flagged(world):
    foi_request = world.request(State.IN_PROGRESS)
    return foi_request, received(foi_request)


@pytest.mark.parametrize("who", ["officer", "coordinator"])
def test_an_officer_confirms_from_the_case(client, world, flagged, who):
    foi_request, message = flagged
    client.force_login(getattr(world, who))
    page = text(client.get(case_url(foi_request)))
    assert BUTTON in page and f'action="{confirm_url(message)}"' in page

    response = client.post(confirm_url(message), follow=True)

    assert response.redirect_chain == [(f"{case_url(foi_request)}#message-{message.pk}", 302)]
    page = text(response)
    assert "The e-mail is now marked as the body's reply." in page
    assert BUTTON not in page and "E-mail confirmed as the body's reply" in page
    assert state_of(message) == (False, world.ministry.pk, 2)
    event = CaseEvent.objects.get(kind="sender_confirmed")
    assert event.actor == getattr(world, who)
    assert (
        services.case_events_verify(foi_request=FOIRequest.objects.get(pk=foi_request.pk)) is None
    )


def test_a_reviewer_sees_the_mark_but_no_button_and_is_refused(client, world, flagged):
    foi_request, message = flagged
    # The reviewer reaches the case through an appeal lodged with their body.
    AppealFactory(
        foi_request=foi_request,
        level=world.levels["internal_review"],
        reviewing_body=world.cabinet,
    )
    before = state_of(message)
    client.force_login(world.reviewer)
    page = text(client.get(case_url(foi_request)))
    assert "Sent from an address not known for this body" in page and BUTTON not in page
    response = client.post(confirm_url(message))
    assert response.status_code == 403
    assert "Only the requester, the body's officers and an administrator" in text(response)
    assert state_of(message) == before


@pytest.mark.parametrize(
    ("who", "status"),
    # Another body's officer and an editor find no such case; a citizen never enters the admin.
    [("other_officer", 404), ("editor_in_admin", 404), ("citizen", 302)],
)
def test_another_body_an_editor_or_a_citizen_is_refused(
    client, world, flagged, who, status, editor_in_admin
):
    _, message = flagged
    before = state_of(message)
    client.force_login(editor_in_admin if who == "editor_in_admin" else getattr(world, who))
    assert client.post(confirm_url(message)).status_code == status
    assert state_of(message) == before


def test_an_anonymous_visitor_is_refused(client, flagged):
    _, message = flagged
    before = state_of(message)
    response = client.post(confirm_url(message))
    assert response.status_code == 302 and "login" in response["Location"]
    assert state_of(message) == before


def test_an_unmarked_message_is_refused_with_the_sentence(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    message = received(foi_request, sender="pr@ministry.example", unknown=False)
    before = state_of(message)
    client.force_login(world.officer)
    response = client.post(confirm_url(message))
    assert response.status_code == 400
    assert "there is nothing to confirm" in text(response)
    assert state_of(message) == before


def test_the_button_is_a_post(client, world, flagged):
    _, message = flagged
    client.force_login(world.officer)
    assert client.get(confirm_url(message)).status_code == 405
    assert state_of(message)[0] is True
