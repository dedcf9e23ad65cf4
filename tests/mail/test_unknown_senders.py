"""A reply to a valid reply address from a sender the body is not known to write from goes on
its case, marked for the parties (never for the public); whatever is held for a request is told
to its requester."""

import json

import pytest
from django.urls import reverse

from foi.models import Audience, CaseEvent, Message, MessageKind, State
from mail import addresses
from mail.models import HeldEmail, HeldReason, InboundEmail, InboundStatus, OutboundEmail
from tests.mail.conftest import sent
from tests.mail.payloads import PDF, basic_auth, mailgun_inbound, postmark_inbound
from tests.workspace.conftest import case_url

pytestmark = pytest.mark.django_db

MAILGUN_URL = "/anymail/mailgun/inbound/"
POSTMARK_URL = "/anymail/postmark/inbound/"
FLAG = "Sent from an address not known for this body"


@pytest.fixture
def request_(world):
    body = world.ministry
    body.request_email = "info@maliyye.gov.example"
    body.email_domains = "maliyye.gov.example"
    body.save()
    return world.request(State.IN_PROGRESS, body=body, subject="Budget 2026")


def post_mailgun(client, payload):
    return client.post(MAILGUN_URL, data=payload, **basic_auth())


def from_outsider(foi_request, sender="deputy.minister@gmail.example", **extra):
    return mailgun_inbound(
        sender=sender,
        recipient=extra.pop("recipient", None) or addresses.reply_address(foi_request.reference),
        subject="Re: Budget 2026",
        text="Sending it from my own mailbox.",
        message_id=extra.pop("message_id", "<personal-1@gmail.example>"),
        attachments=[("budget.pdf", PDF, "application/pdf")],
        **extra,
    )


@pytest.mark.parametrize(
    "sender", ["deputy.minister@gmail.example", "pr@notmaliyye.gov.example"], ids=str
)
def test_a_reply_from_an_unknown_sender_goes_on_its_case_marked(
    client, world, request_, committed, sender
):
    world.requester.preferred_language = "en"  # the notice's words are checked in English
    world.requester.save(update_fields=["preferred_language"])
    assert committed(lambda: post_mailgun(client, from_outsider(request_, sender))).status_code
    message = Message.objects.get(foi_request=request_, kind=MessageKind.EMAIL_IN)
    assert message.sender_unknown and message.from_body is None
    assert message.email_from == sender
    assert message.audience == Audience.PARTIES
    assert [a.original_name for a in message.attachments.all()] == ["budget.pdf"]
    event = CaseEvent.objects.get(foi_request=request_, kind="email_received")
    assert event.data["sender_unknown"] is True and event.audience == "parties"
    assert InboundEmail.objects.get().status == InboundStatus.MATCHED
    assert not HeldEmail.objects.exists()
    # The requester is told, and told to check who sent it.
    assert sent() == [("reply_received", world.requester.email)]
    notice = OutboundEmail.objects.get(kind="reply_received")
    assert "not known for this body" in notice.body_text and sender in notice.body_text


def test_a_reply_from_the_body_is_not_marked(client, world, request_, committed):
    payload = postmark_inbound(
        sender="pr@maliyye.gov.example",
        recipient=addresses.reply_address(request_.reference),
        subject="Re: Budget 2026",
        text="The budget.",
        message_id="<known-1@maliyye.gov.example>",
    )
    committed(
        lambda: client.post(
            POSTMARK_URL, data=json.dumps(payload), content_type="application/json", **basic_auth()
        )
    )
    message = Message.objects.get(foi_request=request_, kind=MessageKind.EMAIL_IN)
    assert not message.sender_unknown and message.from_body == request_.body
    assert "sender_unknown" not in CaseEvent.objects.get(kind="email_received").data
    assert "not known" not in OutboundEmail.objects.get(kind="reply_received").body_text


def test_the_mark_and_the_sender_are_shown_to_the_parties_only(client, world, request_, committed):
    committed(lambda: post_mailgun(client, from_outsider(request_)))
    detail = reverse("foi:request_detail", args=[request_.reference])
    for person, url in (
        (world.requester, detail),
        (world.officer, detail),
        (world.officer, case_url(request_)),
        (world.admin, detail),
    ):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert FLAG in page and "deputy.minister@gmail.example" in page, (person, url)
    # Even once an officer makes the e-mail public, the public sees neither.
    Message.objects.filter(kind=MessageKind.EMAIL_IN).update(audience=Audience.PUBLIC)
    for person in (None, world.citizen, world.other_officer):
        client.logout()
        if person:
            client.force_login(person)
        page = client.get(detail).content.decode()
        assert "Sending it from my own mailbox." in page
        assert FLAG not in page and "gmail.example" not in page


@pytest.mark.parametrize(
    ("recipient", "reason"),
    [
        ("bad-code", HeldReason.BAD_HMAC),
        ("info@sorgu.example", HeldReason.UNKNOWN_ADDRESS),
    ],
    ids=["bad-hmac", "reference-in-subject"],
)
def test_the_requester_is_told_when_mail_for_their_request_is_held(
    client, world, request_, committed, recipient, reason
):
    reply = addresses.reply_address(request_.reference)
    if recipient == "bad-code":
        recipient = reply.replace(addresses.reply_code(request_.reference), "0" * 12)
    payload = mailgun_inbound(
        sender="pr@maliyye.gov.example",
        recipient=recipient,
        subject=f"Re: Request for information {request_.reference}: Budget 2026",
        text="Our answer.",
        message_id="<held-1@maliyye.gov.example>",
    )
    committed(lambda: post_mailgun(client, payload))
    assert HeldEmail.objects.get().reason == reason
    assert sent() == [("email_held", world.requester.email)]
    notice = OutboundEmail.objects.get(kind="email_held")
    assert notice.foi_request == request_ and request_.reference in notice.subject
    assert "Our answer." not in notice.body_text  # nothing of an e-mail that may not be theirs

    # A second one the same day is not told again.
    again = mailgun_inbound(
        sender="pr@maliyye.gov.example",
        recipient=recipient,
        subject=f"Re: {request_.reference}",
        text="Again.",
        message_id="<held-2@maliyye.gov.example>",
    )
    committed(lambda: post_mailgun(client, again))
    assert HeldEmail.objects.count() == 2
    assert len(sent("email_held")) == 1


def test_spam_and_mere_guesses_are_held_without_telling_anyone(client, world, request_, committed):
    spam = mailgun_inbound(
        sender="x@spam.example",
        recipient=addresses.reply_address(request_.reference),
        subject="Cheap pills",
        text="Buy now.",
        message_id="<spam-1@spam.example>",
    )
    spam["message-headers"] = spam["message-headers"].replace(
        '["X-Mailgun-Sflag", "No"]', '["X-Mailgun-Sflag", "Yes"]'
    )
    # From the body, to no request's address, naming none: the body's open requests are
    # guessed for the administrator, their requesters are not troubled.
    stray = mailgun_inbound(
        sender="pr@maliyye.gov.example",
        recipient="info@sorgu.example",
        subject="Hello",
        text="Which request was this?",
        message_id="<stray-1@maliyye.gov.example>",
    )
    for payload in (spam, stray):
        committed(lambda payload=payload: post_mailgun(client, payload))
    reasons = sorted(HeldEmail.objects.values_list("reason", flat=True))
    assert reasons == sorted([HeldReason.SPAM, HeldReason.UNKNOWN_ADDRESS])
    stray_held = HeldEmail.objects.get(reason=HeldReason.UNKNOWN_ADDRESS)
    assert list(stray_held.guessed_requests.all()) == [request_]
    assert sent() == []
