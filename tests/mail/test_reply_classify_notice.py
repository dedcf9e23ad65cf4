"""Issue 19, point 2: the notice of a reply from a body that answers by e-mail asks the
requester to say what it is, with a link to the page where they do; a body in Sorğu's e-mail
(or one from an address not known for the body) does not."""

import pytest
from django.urls import reverse

from foi.models import Message, MessageKind, State
from foi.services.case import Entry, foi_request_append
from mail.models import OutboundEmail
from tests.factories import PublicBodyFactory

pytestmark = pytest.mark.django_db


def receive(committed, foi_request, body, **extra):
    def write(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.EMAIL_IN,
            audience="parties",
            from_body=body,
            text="We received your request.",
            **extra,
        )
        return Entry(message=message)

    appended = committed(
        lambda: foi_request_append(
            foi_request=foi_request,
            actor="system",
            kind="email_received",
            audience="parties",
            write=write,
        )
    )
    return appended.message


def classify_path(message):
    return reverse("foi:request_classify_reply", args=[message.foi_request.reference, message.pk])


def test_a_reply_from_a_body_by_e_mail_asks_what_it_is(world, committed):
    body = PublicBodyFactory(slug="water", name_en="Water Agency", law=world.law)
    # The notice is in the requester's language; this test reads its English.
    world.requester.preferred_language = "en"
    world.requester.save(update_fields=["preferred_language"])
    foi_request = world.request(State.SUBMITTED, body=body)
    message = receive(committed, foi_request, body)
    notice = OutboundEmail.objects.get(kind="reply_received")
    link = f"https://sorgu.example{classify_path(message)}"
    assert link in notice.body_text and link in notice.body_html
    assert "tell us what this reply is" in notice.body_text


@pytest.mark.parametrize("unknown", [False, True])
def test_no_such_question_for_a_body_in_sorgu_or_an_unknown_sender(world, committed, unknown):
    world.requester.preferred_language = "en"
    world.requester.save(update_fields=["preferred_language"])
    foi_request = world.request(State.SUBMITTED)  # the ministry has officers
    body = world.ministry
    if unknown:
        body = PublicBodyFactory(slug="water", name_en="Water Agency", law=world.law)
        foi_request = world.request(State.SUBMITTED, body=body)
    message = receive(committed, foi_request, body, sender_unknown=unknown)
    notice = OutboundEmail.objects.get(kind="reply_received")
    assert classify_path(message) not in notice.body_text
    assert "tell us what this reply is" not in notice.body_text
