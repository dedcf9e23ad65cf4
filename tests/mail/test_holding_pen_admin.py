"""The holding pen in the admin: administrators see it, with guesses; they file an e-mail to
a request (a message with unapproved files, the requester told) or discard it. Nobody else
may see or decide."""

import pytest
from django.urls import reverse

from core.errors import NotPermitted, TransitionNotAllowed
from foi.models import CaseEvent, Message, MessageKind, State
from mail import addresses
from mail.holding import held_email_discard, held_email_file
from mail.inbound import email_receive
from mail.models import HeldEmail, HeldReason, InboundStatus
from tests.factories import PublicBodyFactory
from tests.mail.conftest import sent
from tests.mail.payloads import PDF

pytestmark = pytest.mark.django_db


def inbound_message(*, sender, to, subject, text, message_id, files=()):
    from anymail.inbound import AnymailInboundMessage

    return AnymailInboundMessage.construct(
        raw_headers=(
            f"From: {sender}\nTo: {to}\nSubject: {subject}\nMessage-ID: {message_id}\n"
            "Date: Mon, 07 Sep 2026 10:15:00 +0400\n"
        ),
        text=text,
        attachments=[
            AnymailInboundMessage.construct_attachment(content_type, content, filename=name)
            for name, content, content_type in files
        ],
    )


@pytest.fixture
def held(world):
    body = PublicBodyFactory(slug="water", request_email="info@water.gov.example")
    foi_request = world.request(State.SUBMITTED, body=body, subject="Water tariffs 2026")
    other = world.request(State.SUBMITTED, body=body, subject="Something else")
    message = inbound_message(
        sender="tariffs@water.gov.example",
        to="info@sorgu.example",
        subject="Water tariffs 2026",
        text="Our answer about water tariffs.",
        message_id="<pen-1@water.gov.example>",
        files=[("tariffs.pdf", PDF, "application/pdf")],
    )
    [inbound] = email_receive(message=message, esp_name="Mailgun")
    held = HeldEmail.objects.get(pk=inbound.pk)
    return held, foi_request, other


def test_guesses_come_from_the_sender_and_the_subject(held):
    held, foi_request, other = held
    assert held.reason == HeldReason.UNKNOWN_ADDRESS
    guesses = list(held.guessed_requests.all())
    assert foi_request in guesses and other in guesses


def test_guesses_put_the_reference_first():
    from mail.holding import clean_subject

    assert clean_subject("Re: Request for information AZ-2026-000001: Budget: 2025") == (
        "Budget: 2025"
    )
    assert clean_subject("RE: Fwd: Budget") == "Budget"


def test_administrators_see_the_pen_with_its_guesses(client, world, held):
    held, foi_request, _other = held
    client.force_login(world.admin)
    listing = client.get(reverse("admin:mail_heldemail_changelist"), follow=True)
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "tariffs@water.gov.example" in page and foi_request.reference in page
    detail = client.get(reverse("admin:mail_heldemail_change", args=[held.pk]))
    assert detail.status_code == 200
    assert reverse("admin:mail_heldemail_file", args=[held.pk]) in detail.content.decode()
    original = client.get(reverse("admin:mail_heldemail_original", args=[held.pk]))
    assert original.status_code == 200
    assert b"Subject: Water tariffs 2026" in b"".join(original.streaming_content)


@pytest.mark.parametrize("who", ["editor", "coordinator", "officer", "requester", "citizen"])
def test_nobody_else_sees_or_decides(client, world, held, who):
    held, foi_request, _other = held
    user = getattr(world, who)
    user.is_staff = True  # even staff with every model permission is refused
    user.save()
    client.force_login(user)
    urls = [
        reverse("admin:mail_heldemail_changelist") + "?status__exact=held",
        reverse("admin:mail_heldemail_change", args=[held.pk]),
        reverse("admin:mail_heldemail_file", args=[held.pk]),
        reverse("admin:mail_heldemail_original", args=[held.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("admin:mail_heldemail_file", args=[held.pk]), {"guess": foi_request.pk}
    )
    assert response.status_code == 403
    response = client.post(reverse("admin:mail_heldemail_discard", args=[held.pk]), {})
    assert response.status_code == 403
    held.refresh_from_db()
    assert held.status == InboundStatus.HELD
    with pytest.raises(NotPermitted):
        held_email_file(held=held, foi_request=foi_request, actor=user)
    with pytest.raises(NotPermitted):
        held_email_discard(held=held, actor=user)


def test_anonymous_visitors_are_sent_to_sign_in(client, held):
    held, _foi_request, _other = held
    response = client.get(reverse("admin:mail_heldemail_file", args=[held.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_filing_puts_the_email_on_the_request(client, world, held, committed):
    held, foi_request, _other = held
    client.force_login(world.admin)
    url = reverse("admin:mail_heldemail_file", args=[held.pk])
    assert client.get(url).status_code == 200
    response = committed(lambda: client.post(url, {"guess": foi_request.pk, "note": "Ours."}))
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == InboundStatus.FILED
    assert held.decided_by == world.admin and held.decision_note == "Ours."
    message = Message.objects.get(foi_request=foi_request, kind=MessageKind.EMAIL_IN)
    assert held.message == message
    assert message.text == "Our answer about water tariffs."
    assert message.from_body == foi_request.body
    attachment = message.attachments.get()
    assert attachment.original_name == "tariffs.pdf" and not attachment.approved
    event = CaseEvent.objects.get(foi_request=foi_request, kind="email_filed")
    assert event.actor == world.admin
    assert sent() == [("reply_received", foi_request.requester.email)]
    # Decided once: filing again is refused and changes nothing.
    with pytest.raises(TransitionNotAllowed):
        held_email_file(held=held, foi_request=foi_request, actor=world.admin)
    assert Message.objects.filter(kind=MessageKind.EMAIL_IN).count() == 1


def test_filing_by_reference(client, world, held, committed):
    held, _foi_request, _other = held
    elsewhere = world.request(State.IN_PROGRESS)
    client.force_login(world.admin)
    url = reverse("admin:mail_heldemail_file", args=[held.pk])
    committed(lambda: client.post(url, {"reference": elsewhere.reference.lower()}))
    message = Message.objects.get(kind=MessageKind.EMAIL_IN)
    assert message.foi_request == elsewhere
    # The sender is not the request's body: the message is not presented as the body's.
    assert message.from_body is None


@pytest.mark.parametrize(
    "data",
    [{}, {"reference": "AZ-2099-999999"}, {"guess": "not-a-number"}],
    ids=["nothing-chosen", "unknown-reference", "garbage"],
)
def test_filing_with_bad_input_explains_and_changes_nothing(client, world, held, data):
    held, _foi_request, _other = held
    client.force_login(world.admin)
    response = client.post(reverse("admin:mail_heldemail_file", args=[held.pk]), data)
    assert response.status_code == 400
    assert response.context["form"].errors
    held.refresh_from_db()
    assert held.status == InboundStatus.HELD
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()


def test_discarding(client, world, held):
    held, _foi_request, _other = held
    client.force_login(world.admin)
    response = client.post(
        reverse("admin:mail_heldemail_discard", args=[held.pk]), {"note": "Spam."}
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == InboundStatus.DISCARDED and held.decision_note == "Spam."
    assert not Message.objects.filter(kind=MessageKind.EMAIL_IN).exists()
    # The pen no longer lists it among those waiting.
    listing = client.get(reverse("admin:mail_heldemail_changelist") + "?status__exact=held")
    assert "tariffs@water.gov.example" not in listing.content.decode()


def test_discarding_in_bulk_from_the_list(client, world, held):
    held, _foi_request, _other = held
    client.force_login(world.admin)
    response = client.post(
        reverse("admin:mail_heldemail_changelist") + "?status__exact=held",
        {"action": "discard_selected", "_selected_action": [held.pk]},
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == InboundStatus.DISCARDED


def test_a_good_reply_never_reaches_the_pen(world):
    body = PublicBodyFactory(slug="good", request_email="foi@good.example")
    foi_request = world.request(State.SUBMITTED, body=body)
    message = inbound_message(
        sender="foi@good.example",
        to=addresses.reply_address(foi_request.reference),
        subject="Answer",
        text="Answer.",
        message_id="<good@good.example>",
    )
    email_receive(message=message)
    assert not HeldEmail.objects.exists()


def test_the_pen_lists_many_in_a_few_queries(client, world, held, django_assert_max_num_queries):
    _held, _foi_request, _other = held
    for index in range(5):
        email_receive(
            message=inbound_message(
                sender=f"s{index}@water.gov.example",
                to="info@sorgu.example",
                subject=f"Water tariffs 2026 ({index})",
                text="?",
                message_id=f"<many-{index}@water.gov.example>",
            )
        )
    client.force_login(world.admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:mail_heldemail_changelist") + "?status__exact=held")
    assert response.status_code == 200
    assert response.content.decode().count("water.gov.example") >= 6


def test_every_inbound_email_is_in_the_log(client, world, held):
    held, _foi_request, _other = held
    client.force_login(world.admin)
    response = client.get(reverse("admin:mail_inboundemail_change", args=[held.pk]))
    assert response.status_code == 200
    assert reverse("admin:mail_heldemail_original", args=[held.pk]) in response.content.decode()
