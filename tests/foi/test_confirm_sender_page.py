""" "This is the body's reply" on the case page: the requester confirms an e-mail marked as sent
from an address not known for the body; nobody else can, and the public never sees the mark,
the address or the button."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from foi.models import Audience, CaseEvent, Message, State
from tests.foi.services.test_confirm_sender import OUTSIDER, received, state_of

pytestmark = pytest.mark.django_db

BUTTON = "This is the body's reply"
FLAG = "Sent from an address not known for this body"


def detail(foi_request):
    return reverse("foi:request_detail", args=[foi_request.reference])


def text(response) -> str:
    return html.unescape(response.content.decode())


def confirm_url(message):
    return reverse("foi:request_confirm_sender", args=[message.foi_request.reference, message.pk])


@pytest.fixture
def flagged(world):
    foi_request = world.request(State.IN_PROGRESS)
    return foi_request, received(foi_request)


def test_the_requester_confirms_from_the_case_page(client, world, flagged):
    foi_request, message = flagged
    client.force_login(world.requester)
    page = text(client.get(detail(foi_request)))
    assert FLAG in page and BUTTON in page and f'action="{confirm_url(message)}"' in page

    response = client.post(confirm_url(message), follow=True)

    assert response.redirect_chain == [(f"{detail(foi_request)}#message-{message.pk}", 302)]
    page = text(response)
    assert "now marked as the body's reply" in page
    assert FLAG not in page and BUTTON not in page
    assert "E-mail confirmed as the body's reply" in page  # the trail's line
    assert state_of(message) == (False, world.ministry.pk, 2)


def test_the_button_needs_the_csrf_token(world, flagged):
    _, message = flagged
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.requester)
    assert browser.post(confirm_url(message)).status_code == 403
    assert state_of(message)[0] is True


@pytest.mark.parametrize(
    ("who", "status"), [("citizen", 403), ("other_officer", 403), ("editor", 403)]
)
def test_a_stranger_sees_no_button_and_is_refused(client, world, flagged, who, status):
    foi_request, message = flagged
    Message.objects.filter(pk=message.pk).update(audience=Audience.PUBLIC)  # made public
    before = state_of(message)
    client.force_login(getattr(world, who))
    page = text(client.get(detail(foi_request)))
    assert "Sending it from my own mailbox." in page
    assert BUTTON not in page and FLAG not in page and OUTSIDER not in page
    response = client.post(confirm_url(message))
    assert response.status_code == status
    assert OUTSIDER not in text(response)
    assert state_of(message) == before


def test_a_stranger_cannot_reach_a_parties_message(client, world, flagged):
    """A message the person may not see answers 404, as if it did not exist."""
    _, message = flagged
    before = state_of(message)
    client.force_login(world.citizen)
    assert client.post(confirm_url(message)).status_code == 404
    assert state_of(message) == before


def test_an_anonymous_visitor_is_sent_to_sign_in_and_nothing_changes(client, flagged):
    foi_request, message = flagged
    Message.objects.filter(pk=message.pk).update(audience=Audience.PUBLIC)
    before = state_of(message)
    page = text(client.get(detail(foi_request)))
    assert "Sending it from my own mailbox." in page
    assert BUTTON not in page and FLAG not in page and OUTSIDER not in page
    response = client.post(confirm_url(message))
    assert response.status_code == 302 and "login" in response["Location"]
    assert state_of(message) == before


def test_the_public_never_sees_the_confirmation_or_the_address(client, world, flagged):
    foi_request, message = flagged
    client.force_login(world.requester)
    client.post(confirm_url(message))
    Message.objects.filter(pk=message.pk).update(audience=Audience.PUBLIC)
    assert CaseEvent.objects.get(kind="sender_confirmed").audience == "parties"
    for who in (None, world.citizen, world.other_officer, world.editor):
        client.logout()
        if who:
            client.force_login(who)
        page = text(client.get(detail(foi_request)))
        assert "Sending it from my own mailbox." in page, who
        assert OUTSIDER not in page and "gmail.example" not in page, who
        assert "confirmed as the body" not in page, who


def test_an_unmarked_message_is_refused_with_the_sentence(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    message = received(foi_request, sender="pr@ministry.example", unknown=False)
    before = state_of(message)
    client.force_login(world.requester)
    response = client.post(confirm_url(message))
    assert response.status_code == 400
    assert "there is nothing to confirm" in text(response)
    assert state_of(message) == before
