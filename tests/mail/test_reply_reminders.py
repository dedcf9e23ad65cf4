"""Issue 19, point 4: the requester is reminded of a body's reply nobody classified, once per
letter after three days; while it waits, nobody is told that the request is overdue."""

import datetime

import pytest
from django.utils import timezone

from foi import services
from foi.models import Message, MessageKind, State
from mail.models import MilestoneNotice, OutboundEmail, ReplyReminder
from mail.sweep import deadline_notices_send, reply_reminders_send
from tests.factories import PublicBodyFactory
from tests.mail.conftest import sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_body(world):
    return PublicBodyFactory(slug="water", request_email="info@water.gov.example", law=world.law)


def letter_on(foi_request, body, *, days_ago):
    return Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        text="Our reply.",
        email_from="office@water.gov.example",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_a_reply_waiting_three_days_is_reminded_once(world, post_body):
    foi_request = world.request(
        State.SUBMITTED, body=post_body, due_at=timezone.now() + datetime.timedelta(days=9)
    )
    fresh = letter_on(foi_request, post_body, days_ago=1)
    assert reply_reminders_send() == 0
    old = letter_on(foi_request, post_body, days_ago=4)
    letter_on(foi_request, post_body, days_ago=60)  # from before the reminders: not dug up
    assert reply_reminders_send() == 1
    assert reply_reminders_send() == 0  # once per letter
    assert sent("reply_waiting") == [("reply_waiting", world.requester.email)]
    assert list(ReplyReminder.objects.values_list("letter", flat=True)) == [old.pk]
    email = OutboundEmail.objects.get(kind="reply_waiting")
    assert f"/requests/{foi_request.reference}/#message-{old.pk}" in email.body_text
    # Classified before its three days: the fresh letter is never reminded.
    services.foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=fresh, outcome="not_a_reply"
    )
    assert reply_reminders_send(now=timezone.now() + datetime.timedelta(days=5)) == 0


def test_no_overdue_notice_while_a_reply_waits(world, post_body):
    foi_request = world.request(State.SUBMITTED, body=post_body)  # due yesterday
    letter = letter_on(foi_request, post_body, days_ago=1)
    result = deadline_notices_send()
    assert result.overdue == 0 and result.reply_waiting == 1
    assert sent("overdue") == [] and sent("overdue_body") == []
    assert sent("reply_waiting") == [("reply_waiting", world.requester.email)]
    assert not MilestoneNotice.objects.exists()
    # Recorded as not a reply: the request is overdue after all, and the requester is told.
    services.foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="not_a_reply"
    )
    result = deadline_notices_send()
    assert result.overdue == 1
    assert sent("overdue") == [("overdue", world.requester.email)]
    assert len(sent("reply_waiting")) == 1
