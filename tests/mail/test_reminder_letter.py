"""The requester's reminder letter to an overdue body that answers by e-mail: the page (who may,
who may not), bad input, and the letter that goes out."""

import datetime

import pytest

from core import clock
from core.errors import Conflict, InvalidInput, NotPermitted, RateLimited
from foi.models import CaseEvent, Message, State
from foi.services import foi_request_remind
from mail import addresses
from mail.models import OutboundEmail
from tests.factories import PublicBodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def emailed(world):
    """A body with no member: it answers by e-mail."""
    return PublicBodyFactory(slug="emailed", name_en="State Archive", law=world.law)


@pytest.fixture
def overdue(world, emailed):
    return world.request(State.SUBMITTED, body=emailed)  # due yesterday


def url(foi_request) -> str:
    return f"/requests/{foi_request.reference}/remind/"


def test_the_requester_gets_the_drafted_letter_citing_the_article(client, world, overdue):
    client.force_login(world.requester)
    response = client.get(url(overdue))
    assert response.status_code == 200
    text = response.context["form"].initial["text"]
    assert "24.1" in text  # the law's article for the answer period
    assert overdue.reference in text
    assert world.requester.get_full_name() in text
    assert b"foi@emailed.example" in response.content


@pytest.mark.parametrize("who", ["citizen", "officer", "other_officer"])
def test_others_who_see_the_request_are_refused(client, world, overdue, who):
    client.force_login(getattr(world, who))
    assert client.get(url(overdue)).status_code == 403
    response = client.post(url(overdue), {"text": "Please answer."})
    assert response.status_code == 403
    assert not CaseEvent.objects.filter(kind="reminder_sent").exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, overdue):
    response = client.post(url(overdue), {"text": "Please answer."})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not CaseEvent.objects.filter(kind="reminder_sent").exists()


def test_a_request_one_may_not_see_is_404(client, world, emailed):
    private = world.request(
        State.SUBMITTED,
        body=emailed,
        visibility="private",
        private_until=clock.now().date() + datetime.timedelta(days=30),
    )
    client.force_login(world.citizen)
    assert client.get(url(private)).status_code == 404
    assert client.get("/requests/AZ-1999-999999/remind/").status_code == 404


def test_an_empty_letter_is_refused(client, world, overdue):
    client.force_login(world.requester)
    response = client.post(url(overdue), {"text": "  \u200b "})
    assert response.status_code == 400
    assert not Message.objects.filter(foi_request=overdue, kind="email_out").exists()


def test_not_overdue_or_a_portal_body_is_409(client, world, emailed):
    client.force_login(world.requester)
    not_yet = world.request(
        State.SUBMITTED, body=emailed, due_at=clock.now() + datetime.timedelta(days=3)
    )
    answered = world.request(State.ANSWERED, body=emailed)
    on_portal = world.request(State.SUBMITTED)  # the ministry has officers
    for foi_request in (not_yet, answered, on_portal):
        assert client.get(url(foi_request)).status_code == 409
        assert client.post(url(foi_request), {"text": "Please."}).status_code == 409
    assert not CaseEvent.objects.filter(kind="reminder_sent").exists()


def test_the_letter_goes_to_the_body_with_replies_to_the_request(client, world, overdue, committed):
    client.force_login(world.requester)
    text = client.get(url(overdue)).context["form"].initial["text"]
    response = committed(lambda: client.post(url(overdue), {"text": text + "\nP.S. Thanks."}))
    assert response.status_code == 302
    letter = OutboundEmail.objects.get(kind="reminder")
    assert letter.to_email == "foi@emailed.example"
    assert letter.reply_to == addresses.reply_address(overdue.reference)
    assert addresses.reply_address(overdue.reference) in letter.from_email
    assert "24.1" in letter.body_text and "P.S. Thanks." in letter.body_text
    assert overdue.reference in letter.subject
    message = Message.objects.get(foi_request=overdue, kind="email_out")
    assert message.audience == "public" and message.author == world.requester
    assert letter.message_id == message.pk
    event = CaseEvent.objects.get(foi_request=overdue, kind="reminder_sent")
    assert event.message_id == message.pk and event.actor == world.requester
    assert event.label == "Reminder sent to the body"
    # Everyone who sees the request sees the letter on it.
    client.logout()
    assert "P.S. Thanks." in client.get(f"/requests/{overdue.reference}/").content.decode()


def test_one_reminder_in_three_days(world, overdue):
    now = clock.now()
    foi_request_remind(foi_request=overdue, actor=world.requester, text="First.", at=now)
    with pytest.raises(RateLimited):
        foi_request_remind(
            foi_request=overdue,
            actor=world.requester,
            text="Again.",
            at=now + datetime.timedelta(days=2, hours=23),
        )
    foi_request_remind(
        foi_request=overdue,
        actor=world.requester,
        text="Third day.",
        at=now + datetime.timedelta(days=3),
    )
    assert CaseEvent.objects.filter(foi_request=overdue, kind="reminder_sent").count() == 2


def test_too_soon_again_through_the_page_says_when(client, world, overdue):
    client.force_login(world.requester)
    assert client.post(url(overdue), {"text": "First."}).status_code == 302
    response = client.post(url(overdue), {"text": "Second."})
    assert response.status_code == 429
    assert "you can send another from" in response.content.decode()
    assert Message.objects.filter(foi_request=overdue, kind="email_out").count() == 1


def test_the_service_refuses_others_and_empty_text(world, overdue, emailed):
    with pytest.raises(NotPermitted):
        foi_request_remind(foi_request=overdue, actor=world.citizen, text="Hello.")
    with pytest.raises(InvalidInput):
        foi_request_remind(foi_request=overdue, actor=world.requester, text="   ")
    answered = world.request(State.ANSWERED, body=emailed)
    with pytest.raises(Conflict):
        foi_request_remind(foi_request=answered, actor=world.requester, text="Hello.")
    assert not CaseEvent.objects.filter(kind="reminder_sent").exists()


def test_the_case_page_offers_it_to_the_requester_only(client, world, overdue):
    client.force_login(world.requester)
    assert client.get(f"/requests/{overdue.reference}/").context["can_remind"] is True
    client.force_login(world.citizen)
    assert client.get(f"/requests/{overdue.reference}/").context["can_remind"] is False
    client.force_login(world.requester)
    on_portal = world.request(State.SUBMITTED)
    assert client.get(f"/requests/{on_portal.reference}/").context["can_remind"] is False
