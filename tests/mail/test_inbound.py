"""Inbound: real Mailgun and Postmark payloads posted to anymail's inbound URLs. A matched
reply becomes a message with its files (unapproved); anything else lands in the holding pen;
the same e-mail twice is stored once; wrong webhook credentials store nothing."""

import json
import zipfile

import pytest
from anymail.inbound import AnymailInboundMessage

from foi.models import Attachment, Audience, CaseEvent, Message, MessageKind, State
from mail import addresses
from mail.models import HeldEmail, HeldReason, InboundEmail, InboundStatus
from tests.core import samples
from tests.core.test_archive_bombs import docx_bomb
from tests.factories import PublicBodyFactory
from tests.mail.conftest import sent
from tests.mail.payloads import (
    CSV,
    PDF,
    basic_auth,
    mailgun_inbound,
    postmark_inbound,
)

pytestmark = pytest.mark.django_db

MAILGUN_URL = "/anymail/mailgun/inbound/"
POSTMARK_URL = "/anymail/postmark/inbound/"


@pytest.fixture
def water(world):
    body = PublicBodyFactory(
        slug="water",
        name_en="Water Agency",
        request_email="info@water.gov.example",
        email_domains="water.gov.example, azersu.example",
    )
    return world.request(State.SUBMITTED, body=body, subject="Water tariffs 2026")


def post_mailgun(client, payload, **extra):
    return client.post(MAILGUN_URL, data=payload, **{**basic_auth(), **extra})


def post_postmark(client, payload, **extra):
    return client.post(
        POSTMARK_URL,
        data=json.dumps(payload),
        content_type="application/json",
        **{**basic_auth(), **extra},
    )


def test_a_mailgun_reply_with_attachments_becomes_a_message(client, water, committed):
    payload = mailgun_inbound(
        sender="pr@water.gov.example",
        recipient=addresses.reply_address(water.reference),
        subject=f"Re: Request for information {water.reference}: Water tariffs 2026",
        text="Please find the tariffs attached.",
        message_id="<reply-1@water.gov.example>",
        attachments=[
            ("tariffs-2026.pdf", PDF, "application/pdf"),
            ("tariffs.csv", CSV, "text/csv"),
        ],
    )
    response = committed(lambda: post_mailgun(client, payload))
    assert response.status_code == 200

    message = Message.objects.get(foi_request=water, kind=MessageKind.EMAIL_IN)
    assert message.text.startswith("Please find the tariffs attached.")
    assert message.audience == Audience.PARTIES
    assert message.from_body == water.body
    assert message.email_message_id == "<reply-1@water.gov.example>"
    assert message.email_from == "pr@water.gov.example"
    files = list(message.attachments.order_by("id"))
    assert [(f.original_name, f.content_type, f.approved) for f in files] == [
        ("tariffs-2026.pdf", "application/pdf", False),
        ("tariffs.csv", "text/csv", False),
    ]
    assert files[0].file.read() == PDF
    event = CaseEvent.objects.get(foi_request=water, kind="email_received")
    assert event.message == message and event.audience == "parties"
    inbound = InboundEmail.objects.get()
    assert inbound.status == InboundStatus.MATCHED and inbound.message == message
    original = AnymailInboundMessage.parse_raw_mime_bytes(inbound.raw.read())
    assert original.text == "Please find the tariffs attached."
    assert [a.get_filename() for a in original.attachments] == ["tariffs-2026.pdf", "tariffs.csv"]
    # The requester hears of it.
    assert sent() == [("reply_received", water.requester.email)]


def test_a_postmark_json_reply_becomes_a_message(client, water, committed):
    payload = postmark_inbound(
        sender="director@azersu.example",
        recipient=addresses.reply_address(water.reference).upper(),
        subject="Tariffs",
        text="The tariff decision is attached.",
        message_id="<CAF=postmark-1@azersu.example>",
        attachments=[("decision.pdf", PDF, "application/pdf")],
    )
    response = committed(lambda: post_postmark(client, payload))
    assert response.status_code == 200
    message = Message.objects.get(foi_request=water, kind=MessageKind.EMAIL_IN)
    assert message.text == "The tariff decision is attached."
    assert message.attachments.get().original_name == "decision.pdf"
    assert not message.attachments.get().approved


@pytest.mark.parametrize(
    ("recipient", "sender", "reason"),
    [
        ("bad-code", "pr@water.gov.example", HeldReason.BAD_HMAC),
        ("info@sorgu.example", "pr@water.gov.example", HeldReason.UNKNOWN_ADDRESS),
        ("req-az-2099-999999-0123456789ab@sorgu.example", "pr@water.gov.example", None),
    ],
    ids=["bad-hmac", "unknown-address", "unknown-reference"],
)
def test_what_does_not_match_lands_in_the_holding_pen(
    client, water, committed, recipient, sender, reason
):
    reply = addresses.reply_address(water.reference)
    if recipient == "bad-code":
        recipient = reply.replace(addresses.reply_code(water.reference), "0" * 12)
    payload = mailgun_inbound(
        sender=sender,
        recipient=recipient,
        subject=f"Re: Request for information {water.reference}: Water tariffs 2026",
        text="Our answer.",
        message_id="<held-1@example.org>",
        attachments=[("answer.pdf", PDF, "application/pdf")],
    )
    response = committed(lambda: post_mailgun(client, payload))
    assert response.status_code == 200
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()
    assert not Attachment.objects.exists()
    held = HeldEmail.objects.get()
    assert held.reason == (reason or HeldReason.UNKNOWN_REQUEST)
    assert held.status == InboundStatus.HELD
    assert held.attachment_names == ["answer.pdf"]
    # The reference in the subject names the likely request, whose requester is told.
    assert list(held.guessed_requests.all())[:1] == [water]
    assert sent() == [("email_held", water.requester.email)]


def test_an_automatic_reply_is_held(client, water, committed):
    payload = mailgun_inbound(
        sender="pr@water.gov.example",
        recipient=addresses.reply_address(water.reference),
        subject="Out of office",
        text="I am away until Monday.",
        message_id="<ooo-1@water.gov.example>",
        extra_headers=[("Auto-Submitted", "auto-replied")],
    )
    committed(lambda: post_mailgun(client, payload))
    assert HeldEmail.objects.get().reason == HeldReason.AUTOMATIC_REPLY
    assert list(HeldEmail.objects.get().guessed_requests.all()) == [water]


def test_the_same_email_posted_twice_is_stored_once(client, water, committed):
    payload = postmark_inbound(
        sender="pr@water.gov.example",
        recipient=addresses.reply_address(water.reference),
        subject="Tariffs",
        text="Answer.",
        message_id="<twice@water.gov.example>",
        attachments=[("a.pdf", PDF, "application/pdf")],
    )
    for _attempt in range(2):
        assert committed(lambda: post_postmark(client, payload)).status_code == 200
    assert Message.objects.filter(kind=MessageKind.EMAIL_IN).count() == 1
    assert Attachment.objects.count() == 1
    assert InboundEmail.objects.count() == 1
    assert CaseEvent.objects.filter(kind="email_received").count() == 1
    assert len(sent("reply_received")) == 1


def test_a_held_email_seen_again_is_not_held_twice(client, water, committed):
    payload = mailgun_inbound(
        sender="x@gmail.example",
        recipient="info@sorgu.example",
        subject="Hello",
        text="?",
        message_id="<again@gmail.example>",
    )
    for _attempt in range(2):
        committed(lambda: post_mailgun(client, payload))
    assert HeldEmail.objects.count() == 1


@pytest.mark.parametrize(
    "credentials",
    [{}, basic_auth("anymail:wrong-password"), basic_auth("someone:webhook-secret-for-tests")],
    ids=["none", "wrong-password", "wrong-user"],
)
def test_wrong_webhook_credentials_store_nothing(client, water, committed, credentials):
    good = addresses.reply_address(water.reference)
    mailgun = mailgun_inbound(
        sender="pr@water.gov.example",
        recipient=good,
        subject="x",
        text="x",
        message_id="<a@water.gov.example>",
        attachments=[("a.pdf", PDF, "application/pdf")],
    )
    postmark = postmark_inbound(
        sender="pr@water.gov.example",
        recipient=good,
        subject="x",
        text="x",
        message_id="<b@water.gov.example>",
    )
    responses = [
        committed(lambda: client.post(MAILGUN_URL, data=mailgun, **credentials)),
        committed(
            lambda: client.post(
                POSTMARK_URL,
                data=json.dumps(postmark),
                content_type="application/json",
                **credentials,
            )
        ),
    ]
    assert [r.status_code for r in responses] == [400, 400]
    assert not InboundEmail.objects.exists()
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()
    assert not Attachment.objects.exists()


def test_a_forged_mailgun_signature_stores_nothing(client, water, committed):
    payload = mailgun_inbound(
        sender="pr@water.gov.example",
        recipient=addresses.reply_address(water.reference),
        subject="x",
        text="x",
        message_id="<forged@water.gov.example>",
        signing_key="not-the-key",
    )
    assert committed(lambda: post_mailgun(client, payload)).status_code == 400
    assert not InboundEmail.objects.exists()


def test_a_file_of_a_kind_we_do_not_accept_is_noted_and_kept_in_the_original(
    client, water, committed
):
    payload = mailgun_inbound(
        sender="pr@water.gov.example",
        recipient=addresses.reply_address(water.reference),
        subject="Files",
        text="Two files.",
        message_id="<binary@water.gov.example>",
        attachments=[
            ("report.pdf", PDF, "application/pdf"),
            ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "application/octet-stream"),
        ],
    )
    committed(lambda: post_mailgun(client, payload))
    message = Message.objects.get(kind=MessageKind.EMAIL_IN)
    assert [a.original_name for a in message.attachments.all()] == ["report.pdf"]
    assert "setup.exe" in message.text
    original = AnymailInboundMessage.parse_raw_mime_bytes(InboundEmail.objects.get().raw.read())
    assert "setup.exe" in [a.get_filename() for a in original.attachments]


def test_a_malformed_post_is_refused_and_stores_nothing(client, water):
    """A client error, not a crash (tests/mail/test_inbound_payloads.py has every kind)."""
    response = client.post(
        POSTMARK_URL, data="{not json", content_type="application/json", **basic_auth()
    )
    assert response.status_code == 400
    assert not InboundEmail.objects.exists()


def reply_with(water, message_id, attachments, **extra):
    return mailgun_inbound(
        sender="pr@water.gov.example",
        recipient=addresses.reply_address(water.reference),
        subject="Files",
        text="The documents are attached.",
        message_id=message_id,
        attachments=attachments,
        **extra,
    )


def test_old_office_rtf_and_tiff_files_are_stored_privately(client, water, committed):
    files = [
        ("tariffs.doc", samples.real_doc(), "application/msword"),
        ("letter.rtf", samples.rtf(), "application/rtf"),
        ("scan.tiff", samples.image("TIFF"), "image/tiff"),
        ("table.xls", samples.compound_file({"Workbook": None}), "application/vnd.ms-excel"),
    ]
    payload = reply_with(water, "<legacy@water.gov.example>", files)
    assert committed(lambda: post_mailgun(client, payload)).status_code == 200
    message = Message.objects.get(foi_request=water, kind=MessageKind.EMAIL_IN)
    stored = list(message.attachments.order_by("id"))
    assert [(a.original_name, a.content_type, a.approved) for a in stored] == [
        ("tariffs.doc", "application/msword", False),
        ("letter.rtf", "application/rtf", False),
        ("scan.tiff", "image/tiff", False),
        ("table.xls", "application/vnd.ms-excel", False),
    ]
    assert stored[0].file.read() == samples.real_doc()
    assert "not stored" not in message.text


def test_a_zip_is_stored_privately_with_its_parts_listed(client, water, committed):
    bundle = samples.zip_of(
        {"tariffs.pdf": PDF, "tables/2026.csv": CSV, "logo.gif": samples.image("GIF")}
    )
    payload = reply_with(
        water, "<zip@water.gov.example>", [("docs.zip", bundle, "application/zip")]
    )
    committed(lambda: post_mailgun(client, payload))
    attachment = Attachment.objects.get(message__foi_request=water)
    assert (attachment.original_name, attachment.content_type) == ("docs.zip", "application/zip")
    assert not attachment.approved
    assert [(part["name"], part["type"]) for part in attachment.contents] == [
        ("tariffs.pdf", "application/pdf"),
        ("tables/2026.csv", "text/csv"),
        ("logo.gif", ""),
    ]
    assert "JPEG, PNG or TIFF" in attachment.contents[2]["note"]


@pytest.mark.parametrize(
    ("bundle", "why"),
    [
        (
            samples.zip_of({"report.docx": docx_bomb(200)}, compression=zipfile.ZIP_STORED),
            "its part report.docx is refused: it would unpack to more than",
        ),
        (
            samples.zip_of({"letter.pdf": PDF, "old/scans.zip": samples.zip_of({"a.pdf": PDF})}),
            "it holds old/scans.zip, a program, script, web page or archive",
        ),
    ],
    ids=["bomb", "nested-zip"],
)
def test_a_refused_zip_is_noted_on_the_case_and_kept_in_the_original(
    client, water, committed, bundle, why
):
    payload = reply_with(
        water,
        "<refused-zip@water.gov.example>",
        [("docs.zip", bundle, "application/zip"), ("letter.pdf", PDF, "application/pdf")],
    )
    assert committed(lambda: post_mailgun(client, payload)).status_code == 200
    message = Message.objects.get(foi_request=water, kind=MessageKind.EMAIL_IN)
    assert [a.original_name for a in message.attachments.all()] == ["letter.pdf"]
    assert "Files not stored (the original e-mail is kept by the administrators)" in message.text
    assert "docs.zip cannot be attached: " + why in message.text
    original = AnymailInboundMessage.parse_raw_mime_bytes(InboundEmail.objects.get().raw.read())
    kept = {a.get_filename(): a.get_content_bytes() for a in original.attachments}
    assert kept["docs.zip"] == bundle


def test_an_inline_image_is_stored_marked_inline(client, water, committed):
    logo, photo = samples.image("PNG"), samples.image("GIF")
    payload = reply_with(
        water,
        "<inline@water.gov.example>",
        [
            ("tariffs.pdf", PDF, "application/pdf"),
            ("logo.png", logo, "image/png"),
            ("photo.gif", photo, "image/gif"),
        ],
    )
    # Mailgun's forward() says which files are shown in the text by their Content-ID.
    payload["content-id-map"] = json.dumps(
        {"<logo@water.gov.example>": "attachment-2", "<photo@water.gov.example>": "attachment-3"}
    )
    committed(lambda: post_mailgun(client, payload))
    message = Message.objects.get(foi_request=water, kind=MessageKind.EMAIL_IN)
    stored = list(message.attachments.order_by("id"))
    assert [(a.original_name, a.content_type, a.inline, a.approved) for a in stored] == [
        ("tariffs.pdf", "application/pdf", False, False),
        ("logo.png", "image/png", True, False),
    ]
    assert stored[1].file.read() == logo
    # An inline image of a kind we do not accept is named, with where it was.
    assert "photo.gif (shown in the text): photo.gif cannot be attached" in message.text
    assert InboundEmail.objects.get().attachment_names == ["tariffs.pdf", "logo.png", "photo.gif"]


def test_an_inline_image_in_a_raw_mime_email_is_stored(client, water, committed):
    from email.message import EmailMessage

    email = EmailMessage()
    email["From"] = "pr@water.gov.example"
    email["To"] = addresses.reply_address(water.reference)
    email["Subject"] = "Signed letter"
    email["Message-ID"] = "<raw-inline@water.gov.example>"
    email.set_content("See the signed letter.")
    email.add_alternative('<p>See the letter.</p><img src="cid:sign@water">', subtype="html")
    email.get_payload()[1].add_related(
        samples.image("JPEG"),
        "image",
        "jpeg",
        cid="<sign@water>",
        filename="signature.jpg",
        disposition="inline",
    )
    payload = reply_with(water, "<unused@water.gov.example>", [])
    payload = {
        key: payload[key] for key in ("recipient", "sender", "timestamp", "token", "signature")
    }
    payload["body-mime"] = email.as_string()
    assert committed(lambda: post_mailgun(client, payload)).status_code == 200
    attachment = Attachment.objects.get(message__foi_request=water)
    assert (attachment.original_name, attachment.content_type, attachment.inline) == (
        "signature.jpg",
        "image/jpeg",
        True,
    )
