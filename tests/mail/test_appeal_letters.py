"""Issue 19, point 6: an appeal to a reviewing body with no officers on the portal goes to it
as a letter, with its own reply address and reply link; its reply lands on the case from it,
and its decision (by letter or through the link) moves the request; a late decision is told
to the requester as a body's silence is."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from foi.models import Appeal, CaseEvent, Membership, Message, MessageKind, State
from foi.services import foi_request_classify
from foi.services.appeals import foi_request_appeal
from mail import addresses
from mail.inbound import email_receive
from mail.models import OutboundEmail, ReplyLink
from mail.replylinks import link_url, token_for
from mail.sweep import deadline_notices_send
from tests.mail.test_holding_pen_admin import inbound_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def off_portal_ombudsman(world):
    Membership.objects.filter(body=world.ombudsman).delete()
    world.ombudsman.request_email = "complaints@ombudsman.gov.example"
    world.ombudsman.law = world.law
    world.ombudsman.save()
    return world.ombudsman


@pytest.fixture
def appealed(world, off_portal_ombudsman, committed, requester_email):
    # The first-level review let its deadline pass: the requester goes on to the Ombudsman.
    foi_request = world.request(State.UNDER_APPEAL, subject="Road repair contracts")
    Appeal.objects.filter(foi_request=foi_request).update(
        due_at=timezone.now() - datetime.timedelta(days=1)
    )
    result = committed(
        lambda: foi_request_appeal(
            foi_request=foi_request,
            actor=world.requester,
            level="ombudsman",
            grounds="The ministry never answered and the cabinet did not decide.",
        )
    )
    appeal = Appeal.objects.get(foi_request=foi_request, level__code="ombudsman")
    return result, appeal


@pytest.fixture
def requester_email(world):
    world.requester.email = "aysel.private@mail.example"
    world.requester.save()
    return world.requester.email


def test_the_appeal_goes_to_an_off_portal_ombudsman_as_a_letter(world, appealed, requester_email):
    foi_request, appeal = appealed
    [letter] = OutboundEmail.objects.filter(kind="appeal_letter")
    assert letter.to_email == "complaints@ombudsman.gov.example"
    assert letter.to_body == world.ombudsman
    assert "The ministry never answered" in letter.body_text
    assert "Road repair contracts" in letter.body_text
    assert "did not answer within the deadline" in letter.body_text
    reply_to = addresses.appeal_reply_address(foi_request.reference, appeal.pk)
    assert letter.reply_to == reply_to and reply_to in letter.from_email
    link = ReplyLink.objects.get(appeal=appeal)
    assert link.body == world.ombudsman
    assert link_url(link) in letter.body_text and link_url(link) in letter.body_html
    assert requester_email not in letter.body_text


def test_a_portal_reviewer_gets_no_letter(world, committed):
    foi_request = world.request(State.UNDER_APPEAL)
    Appeal.objects.filter(foi_request=foi_request).update(
        due_at=timezone.now() - datetime.timedelta(days=1)
    )
    committed(
        lambda: foi_request_appeal(
            foi_request=foi_request, actor=world.requester, level="ombudsman", grounds="Late."
        )
    )
    assert not OutboundEmail.objects.filter(kind="appeal_letter").exists()
    assert OutboundEmail.objects.filter(kind="appeal_lodged", to_user=world.ombudsman_reviewer)
    assert not ReplyLink.objects.exists()


def reply(foi_request, appeal, sender, message_id="<decision-1@ombudsman.gov.example>"):
    message = inbound_message(
        sender=sender,
        to=addresses.appeal_reply_address(foi_request.reference, appeal.pk),
        subject=f"Re: Appeal on request for information {foi_request.reference}",
        text="We overturn the refusal: the ministry must answer within ten days.",
        message_id=message_id,
    )
    [inbound] = email_receive(message=message, esp_name="Mailgun")
    return inbound


def test_the_reviewers_reply_lands_on_the_case_from_the_reviewing_body(world, appealed):
    foi_request, appeal = appealed
    inbound = reply(foi_request, appeal, "decisions@ombudsman.gov.example")
    assert inbound.foi_request == foi_request and inbound.reason == ""
    letter = inbound.message
    assert letter.kind == MessageKind.EMAIL_IN and letter.from_body == world.ombudsman
    assert not letter.sender_unknown
    event = CaseEvent.objects.get(foi_request=foi_request, kind="email_received")
    assert event.data["appeal"] == appeal.pk
    # The requester records the decision from the letter.
    result = foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="overturned"
    )
    assert result.state == State.IN_PROGRESS
    appeal.refresh_from_db()
    assert appeal.decision == "overturned"


def test_a_reply_from_elsewhere_is_marked_sender_unknown(world, appealed):
    foi_request, appeal = appealed
    inbound = reply(foi_request, appeal, "someone@gmail.example")
    assert inbound.message.from_body is None and inbound.message.sender_unknown


def test_a_wrong_code_on_the_appeal_address_is_held(world, appealed):
    foi_request, appeal = appealed
    address = addresses.appeal_reply_address(foi_request.reference, appeal.pk)
    forged = address.replace(f"apl-{appeal.pk}-", f"apl-{appeal.pk + 1}-")
    message = inbound_message(
        sender="decisions@ombudsman.gov.example",
        to=forged,
        subject="Decision",
        text="x",
        message_id="<forged@ombudsman.gov.example>",
    )
    [inbound] = email_receive(message=message)
    assert inbound.reason == "bad_hmac" and inbound.message is None


def test_appeal_addresses_survive_a_key_rotation(settings, world, appealed):
    foi_request, appeal = appealed
    settings.FOI_REPLY_ADDRESS_KEYS = ["k1" * 30]
    old = addresses.appeal_reply_address(foi_request.reference, appeal.pk)
    settings.FOI_REPLY_ADDRESS_KEYS = ["k2" * 30, "k1" * 30]
    assert addresses.appeal_reply_address(foi_request.reference, appeal.pk) != old
    parsed = addresses.parse_reply_address(old)
    assert parsed.code_ok and parsed.appeal_id == appeal.pk
    assert parsed.reference == foi_request.reference
    settings.FOI_REPLY_ADDRESS_KEYS = ["k3" * 30]
    assert not addresses.parse_reply_address(old).code_ok


@pytest.mark.parametrize(
    ("decision", "state"), [("overturned", State.IN_PROGRESS), ("upheld", State.CLOSED)]
)
def test_the_decision_through_the_appeal_link(client, world, appealed, decision, state):
    foi_request, appeal = appealed
    link = ReplyLink.objects.get(appeal=appeal)
    url = reverse("reply_link", args=[foi_request.reference, token_for(link)])
    page = client.get(url)
    assert page.status_code == 200
    assert "The ministry never answered" in page.content.decode()
    assert world.requester.email not in page.content.decode()
    # A request's outcome is not an appeal decision.
    refused = client.post(url, {"version": foi_request.version, "outcome": "full", "text": "x"})
    assert refused.status_code == 400
    response = client.post(
        url, {"version": foi_request.version, "outcome": decision, "text": "Our reasons."}
    )
    assert response.status_code == 200
    foi_request.refresh_from_db()
    assert foi_request.state == state
    appeal.refresh_from_db()
    assert appeal.decision == decision and appeal.decided_by is None
    event = CaseEvent.objects.filter(foi_request=foi_request).order_by("-seq").first()
    assert event.kind == "decide_appeal" and event.actor_label == "reply_link"
    decision_message = Message.objects.get(pk=event.message_id)
    assert decision_message.from_body == world.ombudsman
    # Once decided, the link cannot decide again.
    again = client.post(
        url, {"version": foi_request.version, "outcome": decision, "text": "Again."}
    )
    assert again.status_code in (403, 409)


def test_a_late_appeal_decision_is_told_to_the_requester_once(world, appealed, committed):
    foi_request, appeal = appealed
    Appeal.objects.filter(pk=appeal.pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    before = OutboundEmail.objects.filter(kind="appeal_overdue").count()
    sent = committed(lambda: deadline_notices_send())
    assert sent.appeals_overdue >= 1
    told = OutboundEmail.objects.filter(kind="appeal_overdue")
    assert told.count() == before + 1
    # About the appeal under review now (the Ombudsman's), not the level left behind.
    notice = told.get(to_user=world.requester, foi_request=foi_request)
    assert world.ombudsman.name_az in notice.subject
    committed(lambda: deadline_notices_send())
    assert OutboundEmail.objects.filter(kind="appeal_overdue", foi_request=foi_request).count() == 1
