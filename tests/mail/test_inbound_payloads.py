"""Inbound e-mail as Postmark, Mailgun and SendGrid post it (tests/mail/esp/, parsed and raw):
every mail service retries, so the same post twice stores nothing new, with or without a
Message-ID; one e-mail to two requests reaches each once; a malformed post with good
credentials answers 400 and stores nothing."""

import json
import re
import secrets
import time

import pytest

from core.errors import Conflict
from foi.models import Attachment, CaseEvent, Message, MessageKind, State
from mail import addresses
from mail.holding import held_email_file
from mail.models import HeldEmail, HeldReason, InboundEmail, InboundStatus, OutboundEmail
from tests.factories import PublicBodyFactory
from tests.mail.conftest import sent
from tests.mail.payloads import (
    ESP_INBOUND,
    PDF,
    basic_auth,
    esp_payload,
    esp_post,
    mailgun_inbound,
    mailgun_signature,
    postmark_inbound,
)

pytestmark = [
    pytest.mark.django_db,
    # anymail warns on every SendGrid post that it no longer tests SendGrid itself.
    pytest.mark.filterwarnings("ignore::anymail.exceptions.AnymailNotSupportedWarning"),
]

SENDER = "pr@water.gov.example"
HASHED = re.compile(r"^<[0-9a-f]{40}@content-hash\.invalid>$")
THE_ANSWER = "One answer for both of your requests: the tariffs are attached."


@pytest.fixture
def two(world):
    """Two requests to the same body, as a requester may well have."""
    body = PublicBodyFactory(
        slug="water", request_email="info@water.gov.example", email_domains="water.gov.example"
    )
    return (
        world.request(State.SUBMITTED, body=body, subject="Water tariffs 2026"),
        world.request(State.IN_PROGRESS, body=body, subject="Water tariffs 2025"),
    )


def to_both(two) -> dict:
    first, second = two
    return {
        "sender": SENDER,
        "to": addresses.reply_address(first.reference),
        "cc": addresses.reply_address(second.reference),
    }


@pytest.mark.parametrize("fixture", [name for name in ESP_INBOUND if "check" not in name])
def test_each_service_s_post_reaches_both_requests_once_however_often_it_comes(
    client, two, committed, fixture
):
    payload = esp_payload(fixture, **to_both(two))
    for _attempt in range(2):
        assert committed(lambda: esp_post(client, fixture, payload)).status_code == 200

    for foi_request in two:
        message = Message.objects.get(foi_request=foi_request, kind=MessageKind.EMAIL_IN)
        assert message.text.startswith("One answer for both of your requests")
        assert message.from_body == foi_request.body
        [attachment] = message.attachments.all()
        assert (attachment.original_name, attachment.file.read()) == ("tariffs-2026.pdf", PDF)
        assert not attachment.approved
        assert CaseEvent.objects.filter(foi_request=foi_request, kind="email_received").count() == 1
    assert Attachment.objects.count() == 2
    rows = InboundEmail.objects.order_by("addressed_to")
    assert sorted(r.addressed_to for r in rows) == sorted(r.reference for r in two)
    assert {r.status for r in rows} == {InboundStatus.MATCHED}
    assert len({r.email_message_id for r in rows}) == 1
    # Both copies keep the one original.
    assert len({r.raw.name for r in rows}) == 1
    assert sorted(to for _kind, to in sent("reply_received")) == sorted(
        r.requester.email for r in two
    )


def test_how_each_service_s_email_is_identified(client, two, committed):
    """The Message-ID when there is one; Postmark's MessageID; else a hash of the content, so
    that SendGrid's raw post of an e-mail is the same e-mail as its parsed post."""
    rows = InboundEmail.objects.filter(addressed_to=two[0].reference)
    new = {}
    for fixture in [name for name in ESP_INBOUND if "check" not in name]:
        before = set(rows.values_list("email_message_id", flat=True))
        response = committed(lambda f=fixture: esp_post(client, f, esp_payload(f, **to_both(two))))
        assert response.status_code == 200, fixture
        new[fixture] = set(rows.values_list("email_message_id", flat=True)) - before
    hashed = {f for f, ids in new.items() if len(ids) == 1 and HASHED.match(min(ids))}
    assert hashed == {"mailgun_inbound_mime", "sendgrid_inbound_parsed"}
    assert {f: ids for f, ids in new.items() if f not in hashed} == {
        "postmark_inbound_parsed": {
            "<9b1e6f1c-4d2a-4f0e-8a6b-2c7d5e3f1a90@postmark.event-id.invalid>"
        },
        "postmark_inbound_raw": {
            "<3f0c2b7e-8d41-4c5a-9e6f-71a2b3c4d5e6@postmark.event-id.invalid>"
        },
        "mailgun_inbound_parsed": {"<CAGd8r2e1-both@mail.water.gov.example>"},
        "sendgrid_inbound_raw": set(),  # the same e-mail as the parsed post: nothing new
    }


def test_postmark_s_check_payload_twice_is_held_once(client, two, committed):
    """The sample Postmark posts from its "check" button: no Message-ID, addressed to Postmark."""
    payload = esp_payload("postmark_inbound_check")
    for _attempt in range(2):
        response = committed(lambda: esp_post(client, "postmark_inbound_check", payload))
        assert response.status_code == 200
    held = HeldEmail.objects.get()
    assert held.reason == HeldReason.UNKNOWN_ADDRESS
    assert held.email_message_id == (
        "<00000000-0000-0000-0000-000000000000@postmark.event-id.invalid>"
    )
    assert held.attachment_names == ["test.txt"]
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()


def test_without_any_id_the_same_content_is_the_same_email(client, two, committed):
    """SendGrid's parsed post: no Message-ID, no event id; anymail rebuilds the message with a
    new MIME boundary each time, and it is still recognised."""
    payload = esp_payload("sendgrid_inbound_parsed", **to_both(two))
    for _attempt in range(3):
        committed(lambda: esp_post(client, "sendgrid_inbound_parsed", payload))
    assert InboundEmail.objects.count() == 2
    # Another e-mail with other content is another e-mail.
    other = esp_payload("sendgrid_inbound_parsed", **to_both(two))
    other["text"] = "A second, different answer.\r\n"
    committed(lambda: esp_post(client, "sendgrid_inbound_parsed", other))
    assert InboundEmail.objects.count() == 4
    assert Message.objects.filter(kind=MessageKind.EMAIL_IN).count() == 4


def test_a_wrong_address_beside_a_right_one_is_held_for_its_request(client, two, committed):
    first, second = two
    wrong = addresses.reply_address(second.reference).replace(
        addresses.reply_code(second.reference), "0" * addresses.CODE_LENGTH
    )
    payload = postmark_inbound(
        sender=SENDER,
        recipient=addresses.reply_address(first.reference),
        subject="Re: Water tariffs",
        text="Answer.",
        message_id="<right-and-wrong@water.gov.example>",
    )
    payload["Cc"] = wrong
    payload["CcFull"] = [{"Email": wrong, "Name": "", "MailboxHash": ""}]
    committed(lambda: esp_post(client, "postmark_inbound_parsed", payload))
    assert Message.objects.get(kind=MessageKind.EMAIL_IN).foi_request == first
    held = HeldEmail.objects.get()
    assert (held.reason, held.addressed_to) == (HeldReason.BAD_HMAC, second.reference)
    assert held.guessed_requests.all()[:1].get() == second
    assert sent("reply_received") == [("reply_received", first.requester.email)]


def test_a_held_copy_is_filed_to_its_request_though_the_email_is_on_another(
    client, world, two, committed
):
    first, second = two
    payload = mailgun_inbound(
        sender=SENDER,
        recipient=addresses.reply_address(first.reference),
        subject="Re: Water tariffs",
        text="Answer to both.",
        message_id="<file-the-other@water.gov.example>",
        extra_headers=[("Cc", f"req-{second.reference.lower()}-{'0' * 12}@sorgu.example")],
    )
    committed(lambda: esp_post_mailgun(client, payload))
    held = HeldEmail.objects.get()
    # Not a second time onto the request that has it already.
    with pytest.raises(Conflict):
        held_email_file(held=held, foi_request=first, actor=world.admin)
    message = committed(lambda: held_email_file(held=held, foi_request=second, actor=world.admin))
    assert message.foi_request == second
    assert message.email_message_id == "<file-the-other@water.gov.example>"
    assert Message.objects.filter(email_message_id=message.email_message_id).count() == 2


def esp_post_mailgun(client, payload):
    return client.post("/anymail/mailgun/inbound/", data=payload, **basic_auth())


def test_mailgun_posts_once_per_recipient_and_each_lands_once(client, two, committed):
    """Mailgun calls the route for each of our recipients; the second request was only in Bcc."""
    recipients = [addresses.reply_address(r.reference) for r in two] * 2
    for attempt, recipient in enumerate(recipients):
        payload = mailgun_inbound(
            sender=SENDER,
            recipient=recipient,
            subject="Re: Water tariffs",
            text="Answer.",
            message_id="<per-recipient@water.gov.example>",
            token=f"{attempt}".rjust(50, "a"),  # a new token on every post
        )
        assert committed(lambda p=payload: esp_post_mailgun(client, p)).status_code == 200
    for foi_request in two:
        assert (
            Message.objects.filter(foi_request=foi_request, kind=MessageKind.EMAIL_IN).count() == 1
        )
    assert InboundEmail.objects.count() == 2


def test_an_email_also_delivered_to_another_address_of_ours_is_held_once_too(
    client, two, committed
):
    first, _second = two
    payload = postmark_inbound(
        sender=SENDER,
        recipient=addresses.reply_address(first.reference),
        subject="Re: Water tariffs",
        text="Answer, and a question for the site.",
        message_id="<also-info@water.gov.example>",
    )
    payload["OriginalRecipient"] = "info@sorgu.example"
    for _attempt in range(2):
        committed(lambda: esp_post(client, "postmark_inbound_parsed", payload))
    assert Message.objects.get(kind=MessageKind.EMAIL_IN).foi_request == first
    held = HeldEmail.objects.get()
    assert (held.reason, held.addressed_to) == (HeldReason.UNKNOWN_ADDRESS, "")
    assert InboundEmail.objects.count() == 2


def _signed_mailgun(fields: dict) -> dict:
    # Signed now with a new token, so only the missing message is wrong with it.
    token, timestamp = secrets.token_hex(25), str(int(time.time()))
    return {
        **fields,
        "token": token,
        "timestamp": timestamp,
        "signature": mailgun_signature(token, timestamp),
    }


MALFORMED = {
    "postmark-inbound-empty": ("/anymail/postmark/inbound/", "application/json", ""),
    "postmark-inbound-not-json": ("/anymail/postmark/inbound/", "application/json", "{not json"),
    "postmark-inbound-{}": ("/anymail/postmark/inbound/", "application/json", "{}"),
    "postmark-inbound-list": ("/anymail/postmark/inbound/", "application/json", "[1, 2]"),
    "postmark-inbound-not-postmark-s-shape": (
        "/anymail/postmark/inbound/",
        "application/json",
        json.dumps({"FromFull": SENDER, "ToFull": "info@sorgu.example"}),
    ),
    "postmark-tracking-empty": ("/anymail/postmark/tracking/", "application/json", ""),
    "postmark-tracking-not-json": ("/anymail/postmark/tracking/", "application/json", "<xml/>"),
    "postmark-tracking-{}": ("/anymail/postmark/tracking/", "application/json", "{}"),
    "mailgun-inbound-signed-no-message": ("/anymail/mailgun/inbound/", None, _signed_mailgun({})),
    "mailgun-inbound-signed-garbage-mime": (
        "/anymail/mailgun/inbound_mime/",
        None,
        _signed_mailgun({"body-mime": "this is not an e-mail, only a line of text"}),
    ),
    "sendgrid-inbound-empty": ("/anymail/sendgrid/inbound/", None, {}),
    "sendgrid-inbound-garbage": (
        "/anymail/sendgrid/inbound/",
        "multipart/form-data; boundary=xYzZY",
        "\r\n--xYzZY\r\ngarbage without headers\r\n--xY",
    ),
    "sendgrid-inbound-headers-only-garbage": (
        "/anymail/sendgrid/inbound/",
        None,
        {"headers": "this is : not\nan e-mail", "text": "x"},
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_post_with_good_credentials_is_refused_and_stores_nothing(
    client, two, committed, case
):
    url, content_type, body = MALFORMED[case]
    kwargs = {"content_type": content_type} if content_type else {}
    response = committed(lambda: client.post(url, data=body, **kwargs, **basic_auth()))
    assert response.status_code == 400  # the mail service keeps it; nothing half-stored here
    assert not InboundEmail.objects.exists()
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()
    assert not Attachment.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_nul_in_a_posted_email_is_dropped_not_stored(client, two, committed):
    """The webhooks skip the site's NUL check (anymail's SendGrid view needs the raw body);
    PostgreSQL cannot store NUL, so inbound drops it."""
    first, _second = two
    payload = esp_payload("sendgrid_inbound_parsed", **to_both(two))
    payload["text"] = "Tariffs\x00 attached.\r\n"
    payload["headers"] = payload["headers"].replace("Subject: Re:", "Subject: Re:\x00")
    assert (
        committed(lambda: esp_post(client, "sendgrid_inbound_parsed", payload)).status_code == 200
    )
    message = Message.objects.get(foi_request=first, kind=MessageKind.EMAIL_IN)
    assert (message.subject, message.text) == ("Re: Water tariffs 2026", "Tariffs attached.\n")
