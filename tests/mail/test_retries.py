"""A failed send is retried with back-off and, after the last try, stays visible in the admin
as failed, where an administrator can send it again. Nothing is dropped."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from core import clock
from foi import services
from foi.models import State
from mail.models import OutboundEmail, OutboundStatus
from mail.outbound import MAX_ATTEMPTS, RETRY_DELAYS, outbound_emails_retry_due

pytestmark = pytest.mark.django_db

FAILING = "tests.mail.failing_backend.EmailBackend"


def answer(world, committed):
    foi_request = world.request(State.IN_PROGRESS)
    committed(
        lambda: services.foi_request_answer(
            foi_request=foi_request, actor=world.officer, outcome="full", text="Here."
        )
    )
    return OutboundEmail.objects.filter(kind="answered").latest("pk")


def test_a_failed_send_is_retried_with_back_off_then_kept_as_failed(world, committed, settings):
    settings.EMAIL_BACKEND = FAILING
    outbound = answer(world, committed)
    assert outbound.status == OutboundStatus.RETRYING
    assert outbound.attempts == 1
    assert "ConnectionError: The ESP did not answer." in outbound.last_error
    first_retry_at = outbound.next_attempt_at
    assert first_retry_at - outbound.last_attempt_at == RETRY_DELAYS[0]

    # Not before its time.
    assert committed(outbound_emails_retry_due) == 0
    moment = clock.now()
    for attempt in range(2, MAX_ATTEMPTS + 1):
        moment += RETRY_DELAYS[attempt - 2] + datetime.timedelta(seconds=1)
        with clock.travel(moment):
            assert committed(outbound_emails_retry_due) == 1
        outbound.refresh_from_db()
        assert outbound.attempts == attempt
    assert outbound.status == OutboundStatus.FAILED
    assert outbound.next_attempt_at is None
    with clock.travel(moment + datetime.timedelta(days=1)):
        assert committed(outbound_emails_retry_due) == 0


def test_a_retry_that_works_sends_once(world, committed, settings):
    settings.EMAIL_BACKEND = FAILING
    outbound = answer(world, committed)
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    mail.outbox = []
    with clock.travel(clock.now() + datetime.timedelta(minutes=2)):
        committed(outbound_emails_retry_due)
        committed(outbound_emails_retry_due)
    outbound.refresh_from_db()
    assert outbound.status == OutboundStatus.SENT
    assert len(mail.outbox) == 1


def test_failed_sends_are_listed_in_the_admin_and_can_be_sent_again(
    client, world, committed, settings
):
    settings.EMAIL_BACKEND = FAILING
    outbound = answer(world, committed)
    OutboundEmail.objects.filter(pk=outbound.pk).update(
        status=OutboundStatus.FAILED, attempts=MAX_ATTEMPTS
    )
    client.force_login(world.admin)
    listing = client.get(reverse("admin:mail_outboundemail_changelist") + "?status__exact=failed")
    assert listing.status_code == 200
    assert world.requester.email in listing.content.decode()
    assert "The ESP did not answer." in listing.content.decode()

    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    response = committed(
        lambda: client.post(
            reverse("admin:mail_outboundemail_changelist"),
            {"action": "send_again", "_selected_action": [outbound.pk]},
        )
    )
    assert response.status_code == 302
    copy = OutboundEmail.objects.exclude(pk=outbound.pk).get()
    assert copy.status == OutboundStatus.SENT and copy.to_email == outbound.to_email
    assert OutboundEmail.objects.get(pk=outbound.pk).status == OutboundStatus.FAILED


@pytest.mark.parametrize("who", ["editor", "coordinator", "requester"])
def test_only_administrators_see_the_outbound_log(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("admin:mail_outboundemail_changelist"))
    assert response.status_code in (302, 403)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("admin:mail_outboundemail_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_email_that_went_out_is_not_sent_again(client, world, committed):
    outbound = answer(world, committed)
    assert outbound.status == OutboundStatus.SENT
    client.force_login(world.admin)
    response = committed(
        lambda: client.post(
            reverse("admin:mail_outboundemail_changelist"),
            {"action": "send_again", "_selected_action": [outbound.pk]},
            follow=True,
        )
    )
    assert "Only a failed or bounced e-mail can be sent again." in response.content.decode()
    assert OutboundEmail.objects.count() == 1


def test_an_administrator_reads_one_logged_email(client, world, committed):
    outbound = answer(world, committed)
    client.force_login(world.admin)
    response = client.get(reverse("admin:mail_outboundemail_change", args=[outbound.pk]))
    assert response.status_code == 200
    assert outbound.subject in response.content.decode()


def test_the_outbound_log_lists_many_in_a_few_queries(
    client, world, committed, django_assert_max_num_queries
):
    for _index in range(3):
        answer(world, committed)
    client.force_login(world.admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:mail_outboundemail_changelist"))
    assert response.status_code == 200
