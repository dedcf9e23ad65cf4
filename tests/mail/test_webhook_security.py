"""Through the real webhook URLs with the configured credentials: reply addresses outlive a
rotation of their key and die with a removed key; Mailgun posts signed long ago or posted a
second time are refused and store nothing."""

import json

import pytest

from foi.models import Message, MessageKind, State
from mail import addresses
from mail.models import HeldEmail, HeldReason, InboundEmail, InboundStatus, OutboundEmail
from tests.factories import PublicBodyFactory
from tests.mail.payloads import PDF, basic_auth, mailgun_failed, mailgun_inbound

pytestmark = pytest.mark.django_db

MAILGUN_INBOUND = "/anymail/mailgun/inbound/"
MAILGUN_TRACKING = "/anymail/mailgun/tracking/"
OLD_KEY = "old-reply-address-key-" + "o" * 40
NEW_KEY = "new-reply-address-key-" + "n" * 40


@pytest.fixture
def water(world):
    body = PublicBodyFactory(
        slug="water",
        request_email="info@water.gov.example",
        email_domains="water.gov.example",
    )
    return world.request(State.SUBMITTED, body=body, subject="Water tariffs 2026")


def reply(foi_request, number, **extra):
    return mailgun_inbound(
        sender="pr@water.gov.example",
        recipient=extra.pop("recipient", None) or addresses.reply_address(foi_request.reference),
        subject="Re: Water tariffs 2026",
        text=f"Answer {number}.",
        message_id=f"<answer-{number}@water.gov.example>",
        **extra,
    )


def post(client, payload):
    return client.post(MAILGUN_INBOUND, data=payload, **basic_auth())


def test_an_address_issued_before_a_rotation_still_reaches_its_case(
    client, water, committed, settings
):
    settings.FOI_REPLY_ADDRESS_KEYS = [OLD_KEY]
    issued_before = addresses.reply_address(water.reference)
    assert committed(lambda: post(client, reply(water, 1))).status_code == 200

    settings.FOI_REPLY_ADDRESS_KEYS = [NEW_KEY, OLD_KEY]  # rotated: new in front, old kept
    issued_after = addresses.reply_address(water.reference)
    assert issued_after != issued_before
    for number, address in ((2, issued_before), (3, issued_after)):
        payload = reply(water, number, recipient=address)
        response = committed(lambda payload=payload: post(client, payload))
        assert response.status_code == 200
    texts = Message.objects.filter(foi_request=water, kind=MessageKind.EMAIL_IN)
    assert sorted(texts.values_list("text", flat=True)) == ["Answer 1.", "Answer 2.", "Answer 3."]
    assert not HeldEmail.objects.exists()


def test_an_address_signed_by_a_removed_key_is_held(client, water, committed, settings):
    settings.FOI_REPLY_ADDRESS_KEYS = [OLD_KEY]
    issued_before = addresses.reply_address(water.reference)
    settings.FOI_REPLY_ADDRESS_KEYS = [NEW_KEY]  # the old key removed
    response = committed(lambda: post(client, reply(water, 1, recipient=issued_before)))
    assert response.status_code == 200
    held = HeldEmail.objects.get()
    assert held.reason == HeldReason.BAD_HMAC
    assert held.status == InboundStatus.HELD
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()


def test_a_mailgun_post_signed_an_hour_ago_is_refused(client, water, committed):
    payload = reply(water, 1, signed_ago=60 * 60, attachments=[("a.pdf", PDF, "application/pdf")])
    assert committed(lambda: post(client, payload)).status_code == 400
    assert not InboundEmail.objects.exists()
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()


def test_a_mailgun_post_signed_within_the_window_is_taken(client, water, committed):
    payload = reply(water, 1, signed_ago=10 * 60)
    assert committed(lambda: post(client, payload)).status_code == 200
    assert InboundEmail.objects.get().status == InboundStatus.MATCHED


def test_the_same_signed_mailgun_post_is_refused_the_second_time(client, water, committed):
    payload = reply(water, 1)
    assert committed(lambda: post(client, payload)).status_code == 200
    assert committed(lambda: post(client, payload)).status_code == 400
    assert InboundEmail.objects.count() == 1
    # Another e-mail with the same (replayed) token is refused too: the token is spent.
    other = reply(water, 2, token=payload["token"])
    other["timestamp"], other["signature"] = payload["timestamp"], payload["signature"]
    assert committed(lambda: post(client, other)).status_code == 400
    assert InboundEmail.objects.count() == 1


def test_a_replayed_mailgun_tracking_post_is_refused(client, water, committed):
    letter = OutboundEmail.objects.create(
        kind="letter",
        to_email="info@water.gov.example",
        foi_request=water,
        from_email="x@sorgu.example",
        subject="Request",
        body_text="Letter",
        esp_message_id="<letter-1@sorgu.example>",
    )
    payload = json.dumps(
        mailgun_failed(
            outbound_id=letter.pk, email=letter.to_email, message_id="<letter-1@sorgu.example>"
        )
    )

    def send():
        return client.post(
            MAILGUN_TRACKING, data=payload, content_type="application/json", **basic_auth()
        )

    assert committed(send).status_code == 200
    assert committed(send).status_code == 400


def test_a_post_that_fails_gives_its_token_back_for_the_retry(
    client, water, committed, monkeypatch
):
    from mail import inbound

    payload = reply(water, 1)
    real = inbound.email_receive

    def broken(**kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(inbound, "email_receive", broken)
    client.raise_request_exception = False
    assert committed(lambda: post(client, payload)).status_code == 500
    assert not InboundEmail.objects.exists()
    monkeypatch.setattr(inbound, "email_receive", real)
    assert committed(lambda: post(client, payload)).status_code == 200  # Mailgun's retry
    assert InboundEmail.objects.get().status == InboundStatus.MATCHED
