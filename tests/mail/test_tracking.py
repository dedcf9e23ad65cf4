"""Delivery tracking: bounce reports (Postmark's and Mailgun's real formats) mark the letter
and the body's address; the requester is told; fixing the address sends the letter again."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from core.errors import InvalidInput, NotPermitted
from foi import services
from foi.models import CaseEvent, DeliveryStatus, Message, MessageKind, State
from mail.bodies import public_body_update_request_email
from mail.models import NotificationPreferences, OutboundEmail, OutboundStatus
from tests.factories import PublicBodyFactory
from tests.mail.conftest import outbox_to, sent
from tests.mail.payloads import (
    basic_auth,
    mailgun_failed,
    postmark_bounce,
    postmark_delivery,
)

pytestmark = pytest.mark.django_db

POSTMARK_TRACKING = "/anymail/postmark/tracking/"
MAILGUN_TRACKING = "/anymail/mailgun/tracking/"


@pytest.fixture
def letter_sent(world, committed):
    """A request to a body reached by e-mail, its letter sent."""
    body = PublicBodyFactory(slug="water", request_email="info@water.gov.example")
    draft = services.foi_request_create_draft(
        requester=world.requester, body=body, subject="Tariffs", text="Send the tariffs."
    )
    foi_request = committed(
        lambda: services.foi_request_file(foi_request=draft, actor=world.requester)
    )
    outbound = OutboundEmail.objects.get(kind="letter")
    assert outbound.status == OutboundStatus.SENT
    mail.outbox = []
    return foi_request, body, outbound


def post_json(client, url, payload, **credentials):
    return client.post(
        url, data=json.dumps(payload), content_type="application/json", **credentials
    )


def test_a_postmark_hard_bounce_marks_the_letter_and_the_address(client, letter_sent, committed):
    foi_request, body, outbound = letter_sent
    payload = postmark_bounce(
        outbound_id=outbound.pk, email=outbound.to_email, message_id="883953f4-6105-42a2"
    )
    response = committed(lambda: post_json(client, POSTMARK_TRACKING, payload, **basic_auth()))
    assert response.status_code == 200

    outbound.refresh_from_db()
    assert outbound.status == OutboundStatus.BOUNCED
    assert "550 5.1.1" in outbound.delivery_detail
    letter = Message.objects.get(foi_request=foi_request, kind=MessageKind.LETTER)
    assert letter.delivery_status == DeliveryStatus.BOUNCED
    body.refresh_from_db()
    assert body.request_email_needs_repair
    assert "info@water.gov.example" in body.request_email_problem
    assert "550 5.1.1" in body.request_email_problem
    event = CaseEvent.objects.get(foi_request=foi_request, kind="email_bounced")
    assert event.audience == "parties"
    assert sent("letter_bounced") == [("letter_bounced", foi_request.requester.email)]


def test_a_mailgun_permanent_failure_is_a_bounce(client, letter_sent, committed):
    _foi_request, body, outbound = letter_sent
    payload = mailgun_failed(
        outbound_id=outbound.pk, email=outbound.to_email, message_id="20260907.1@sorgu.example"
    )
    response = committed(lambda: post_json(client, MAILGUN_TRACKING, payload, **basic_auth()))
    assert response.status_code == 200
    outbound.refresh_from_db()
    body.refresh_from_db()
    assert outbound.status == OutboundStatus.BOUNCED
    assert body.request_email_needs_repair


def test_delivery_is_recorded_and_a_late_report_does_not_take_it_back(
    client, letter_sent, committed
):
    foi_request, _body, outbound = letter_sent
    delivered = postmark_delivery(outbound_id=outbound.pk, email=outbound.to_email, message_id="x")
    committed(lambda: post_json(client, POSTMARK_TRACKING, delivered, **basic_auth()))
    letter = Message.objects.get(foi_request=foi_request, kind=MessageKind.LETTER)
    assert letter.delivery_status == DeliveryStatus.DELIVERED
    transient = postmark_bounce(
        outbound_id=outbound.pk, email=outbound.to_email, message_id="x", kind="Transient"
    )
    committed(lambda: post_json(client, POSTMARK_TRACKING, transient, **basic_auth()))
    outbound.refresh_from_db()
    assert outbound.status == OutboundStatus.DELIVERED


def test_tracking_with_wrong_credentials_changes_nothing(client, letter_sent, committed):
    _foi_request, body, outbound = letter_sent
    payload = postmark_bounce(outbound_id=outbound.pk, email=outbound.to_email, message_id="x")
    response = committed(
        lambda: post_json(client, POSTMARK_TRACKING, payload, **basic_auth("anymail:nope"))
    )
    assert response.status_code == 400
    outbound.refresh_from_db()
    body.refresh_from_db()
    assert outbound.status == OutboundStatus.SENT
    assert not body.request_email_needs_repair
    assert not CaseEvent.objects.filter(kind="email_bounced").exists()


def test_a_report_about_mail_we_never_sent_is_ignored(client, letter_sent, committed):
    payload = postmark_bounce(outbound_id=999999, email="who@else.example", message_id="nope")
    response = committed(lambda: post_json(client, POSTMARK_TRACKING, payload, **basic_auth()))
    assert response.status_code == 200
    assert not CaseEvent.objects.filter(kind="email_bounced").exists()


def test_a_spam_complaint_switches_off_optional_notices(client, world, committed):
    foi_request = world.request(State.SUBMITTED)
    committed(lambda: services.foi_request_accept(foi_request=foi_request, actor=world.coordinator))
    outbound = OutboundEmail.objects.get(kind="accepted")
    complaint = {
        "RecordType": "SpamComplaint",
        "MessageStream": "outbound",
        "ID": 42,
        "Type": "SpamComplaint",
        "TypeCode": 512,
        "Tag": "accepted",
        "MessageID": "abc",
        "Metadata": {"outbound": str(outbound.pk)},
        "Email": outbound.to_email,
        "BouncedAt": "2026-09-07T10:20:00Z",
    }
    committed(lambda: post_json(client, POSTMARK_TRACKING, complaint, **basic_auth()))
    outbound.refresh_from_db()
    assert outbound.status == OutboundStatus.COMPLAINED
    preferences = NotificationPreferences.objects.get(user=world.requester)
    assert not preferences.requester_accepted and preferences.follower_digest == "off"


def bounce(client, committed, outbound):
    payload = postmark_bounce(outbound_id=outbound.pk, email=outbound.to_email, message_id="x")
    committed(lambda: post_json(client, POSTMARK_TRACKING, payload, **basic_auth()))


def test_fixing_the_address_sends_the_letter_again(client, world, letter_sent, committed):
    foi_request, body, outbound = letter_sent
    bounce(client, committed, outbound)
    mail.outbox = []
    resent = committed(
        lambda: public_body_update_request_email(
            body=body, request_email="foi@water.gov.example", actor=world.admin
        )
    )
    assert resent == 1
    body.refresh_from_db()
    assert body.request_email == "foi@water.gov.example" and not body.request_email_needs_repair
    again = outbox_to("foi@water.gov.example")
    assert len(again) == 1 and "Send the tariffs." in again[0].body
    letter = Message.objects.get(foi_request=foi_request, kind=MessageKind.LETTER)
    assert letter.delivery_status == DeliveryStatus.SENT
    assert letter.email_to == "foi@water.gov.example"
    assert CaseEvent.objects.filter(foi_request=foi_request, kind="email_resent").exists()
    # A second fix finds nothing left to send.
    assert (
        public_body_update_request_email(
            body=body, request_email="foi@water.gov.example", actor=world.admin
        )
        == 0
    )


def test_fixing_the_address_in_the_admin_goes_through_the_service(
    client, world, letter_sent, committed
):
    _foi_request, body, outbound = letter_sent
    bounce(client, committed, outbound)
    mail.outbox = []
    client.force_login(world.admin)
    url = reverse("admin:foi_publicbody_change", args=[body.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    data.update(request_email="requests@water.gov.example", request_email_needs_repair="")
    # The page's read-only contact history (an inline), as a browser sends it.
    data.update({"contact_changes-TOTAL_FORMS": "0", "contact_changes-INITIAL_FORMS": "0"})
    data = {k: v for k, v in data.items() if v is not False}
    response = committed(lambda: client.post(url, data))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert len(outbox_to("requests@water.gov.example")) == 1
    body.refresh_from_db()
    assert not body.request_email_needs_repair


def test_only_staff_who_may_change_bodies_can_fix_an_address(world, letter_sent):
    _foi_request, body, _outbound = letter_sent
    with pytest.raises(NotPermitted):
        public_body_update_request_email(
            body=body, request_email="a@b.example", actor=world.officer
        )
    with pytest.raises(InvalidInput):
        public_body_update_request_email(
            body=body, request_email="not an address", actor=world.admin
        )
    body.refresh_from_db()
    assert body.request_email == "info@water.gov.example"
