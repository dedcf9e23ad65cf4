"""Deliveries of committed case events: signed (checked here by an independent HMAC), retried
until the receiver recovers, each attempt logged, paused after repeated failures with the
owner told, and never carrying what the subscriber may not see."""

from __future__ import annotations

import datetime
import hmac
import json

import pytest
from django.core import mail
from django.utils import timezone

from foi import services
from foi.models import State
from webhooks import services as webhook_services
from webhooks.models import Attempt, Delivery, Subscription


def independent_signature(secret: str, timestamp: str, body: bytes) -> str:
    """The receiver's side, written from docs/webhooks.md, not from webhooks.signing."""
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, "sha256")
    return "sha256=" + mac.hexdigest()


def subscribe(owner, url, **kwargs) -> Subscription:
    return webhook_services.subscription_create(owner=owner, url=url, **kwargs)


def payloads(receiver) -> list[dict]:
    return [json.loads(item["body"]) for item in receiver.received]


def test_a_delivery_is_signed_over_timestamp_and_body(world, receiver, committed):
    subscription = subscribe(world.citizen, receiver.url)
    foi_request = world.request(State.SUBMITTED)
    with committed():
        services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)

    assert len(receiver.received) == 1
    sent = receiver.received[0]
    headers, body = sent["headers"], sent["body"]
    timestamp = headers["X-Sorgu-Timestamp"]
    assert headers["X-Sorgu-Signature"] == independent_signature(
        subscription.secret, timestamp, body
    )
    assert abs(int(timestamp) - timezone.now().timestamp()) < 300
    assert headers["X-Sorgu-Event"] == "accept"
    assert headers["Content-Type"] == "application/json"
    payload = json.loads(body)
    assert payload["id"] == headers["X-Sorgu-Delivery"]
    assert payload["kind"] == "accept"
    assert payload["request"]["reference"] == foi_request.reference
    assert payload["event"]["to_state"] == State.IN_PROGRESS
    assert payload["viewer"] == "public"
    # A signature made with another secret, or over another body, does not match.
    assert headers["X-Sorgu-Signature"] != independent_signature("other", timestamp, body)
    assert headers["X-Sorgu-Signature"] != independent_signature(
        subscription.secret, timestamp, body + b" "
    )


def test_a_failing_receiver_that_recovers_gets_the_same_delivery_again(world, receiver, committed):
    subscription = subscribe(world.citizen, receiver.url)
    receiver.script = [500, 503]
    foi_request = world.request(State.SUBMITTED)
    with committed():
        services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)

    assert len(receiver.received) == 3
    ids = {item["headers"]["X-Sorgu-Delivery"] for item in receiver.received}
    bodies = {item["body"] for item in receiver.received}
    assert len(ids) == 1 and len(bodies) == 1  # stable across retries: the receiver can dedupe
    delivery = Delivery.objects.get()
    assert str(delivery.pk) in ids
    assert delivery.state == "delivered" and delivery.attempts == 3
    log = list(Attempt.objects.filter(delivery=delivery).order_by("number"))
    assert [attempt.status_code for attempt in log] == [500, 503, 200]
    assert log[0].response_body.startswith("broken: ")
    assert len(log[0].response_body) == webhook_services.RESPONSE_KEPT
    assert log[2].response_body == "ok"
    subscription.refresh_from_db()
    assert subscription.is_active and subscription.consecutive_failures == 0


def test_an_unreachable_receiver_is_logged_with_its_error(world, receiver, committed, settings):
    settings.WEBHOOKS_MAX_FAILURES = 2
    subscription = subscribe(world.citizen, "http://127.0.0.1:9/nothing-listens")
    foi_request = world.request(State.SUBMITTED)
    with committed():
        services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)
    log = list(Attempt.objects.order_by("number"))
    assert len(log) == 2
    assert all(attempt.status_code is None and "Connection" in attempt.error for attempt in log)
    subscription.refresh_from_db()
    assert not subscription.is_active


def test_back_off_doubles_up_to_six_hours():
    assert webhook_services.backoff(1) == datetime.timedelta(seconds=30)
    assert webhook_services.backoff(2) == datetime.timedelta(seconds=60)
    assert webhook_services.backoff(5) == datetime.timedelta(seconds=480)
    assert webhook_services.backoff(30) == datetime.timedelta(hours=6)


def test_the_retry_is_queued_for_later_with_its_back_off(world, receiver, monkeypatch):
    """With a queue that defers, a failed attempt queues the next one after the back-off."""
    queued = []
    monkeypatch.setattr(
        webhook_services,
        "_enqueue_delivery",
        lambda delivery_id, run_after=None: queued.append((delivery_id, run_after)),
    )
    subscription = subscribe(world.citizen, receiver.url)
    receiver.script = [500]
    delivery = webhook_services.subscription_ping(subscription=subscription)
    before = timezone.now()
    webhook_services.delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.state == "pending" and delivery.attempts == 1
    (delivery_id, run_after), *_ = queued[-1:]
    assert delivery_id == delivery.pk
    assert (
        before + datetime.timedelta(seconds=29)
        < run_after
        < before + datetime.timedelta(seconds=31)
    )
    assert delivery.next_attempt_at == run_after


def test_repeated_failures_pause_the_subscription_and_tell_its_owner(
    world, receiver, committed, settings
):
    settings.WEBHOOKS_MAX_FAILURES = 8
    world.citizen.email = "owner@example.org"
    world.citizen.save()
    subscription = subscribe(world.citizen, receiver.url)
    receiver.script = [500] * 20
    foi_request = world.request(State.SUBMITTED)
    with committed():
        services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)

    assert len(receiver.received) == 8
    subscription.refresh_from_db()
    assert not subscription.is_active and subscription.paused_at is not None
    assert subscription.consecutive_failures == 8
    (told,) = [m for m in mail.outbox if m.to == ["owner@example.org"]]
    assert receiver.url[:40] in told.subject  # in the owner's language, naming the address
    assert any(word in told.subject for word in ("paused", "dayandırıldı", "приостановлен"))
    assert f"/api/v1/webhooks/{subscription.pk}/" in told.body
    delivery = Delivery.objects.get()
    assert delivery.state == "pending" and delivery.attempts == 8

    # Nothing is sent while paused; turning it on again sends what waited.
    with committed():
        services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="n")
    assert len(receiver.received) == 8
    receiver.script = []
    with committed():
        webhook_services.subscription_update(subscription=subscription, is_active=True)
    assert len(receiver.received) == 9
    delivery.refresh_from_db()
    assert delivery.state == "delivered"
    assert len([m for m in mail.outbox if m.to == ["owner@example.org"]]) == 1


# -- who receives what -------------------------------------------------------------------------


@pytest.fixture
def private_request(world):
    until = timezone.localdate() + datetime.timedelta(days=90)
    return world.request(
        State.IN_PROGRESS,
        visibility="private",
        private_until=until,
        subject="PRIVATE-SUBJECT",
        assignee=world.officer,
    )


def test_a_public_subscriber_never_receives_a_private_request_or_an_internal_note(
    world, receiver, committed, private_request
):
    subscribe(world.citizen, receiver.url)
    public = world.request(State.IN_PROGRESS, assignee=world.officer)
    with committed():
        services.foi_request_add_note(
            foi_request=private_request, actor=world.officer, text="PRIVATE-NOTE"
        )
        services.foi_request_answer(
            foi_request=private_request, actor=world.officer, outcome="full", text="PRIVATE-ANSWER"
        )
        services.foi_request_add_note(foi_request=public, actor=world.officer, text="SECRET-NOTE")

    assert receiver.received == []
    assert not Delivery.objects.exists()


def test_a_public_subscriber_gets_public_events_with_the_requester_masked(
    world, receiver, committed
):
    FOI_NAME = "Məmmədova"
    subscribe(world.citizen, receiver.url)
    public = world.request(
        State.IN_PROGRESS,
        assignee=world.officer,
        public_name_choice="pseudonym",
        pseudonym="Qarağac",
        public_name="Qarağac",
    )
    with committed():
        services.foi_request_answer(
            foi_request=public,
            actor=world.officer,
            outcome="full",
            text=f"Dear Aysel {FOI_NAME}, here it is.",
        )
    (payload,) = payloads(receiver)
    assert payload["kind"] == "answer"
    assert payload["message"]["text"]
    assert FOI_NAME not in json.dumps(payload, ensure_ascii=False)
    assert payload["event"]["canonical"] is None  # names accounts: never for the public


def test_a_body_subscriber_receives_its_own_private_requests_and_notes(
    world, receiver, committed, private_request
):
    subscribe(world.coordinator, receiver.url, body=world.ministry)
    with committed():
        services.foi_request_add_note(
            foi_request=private_request, actor=world.officer, text="PRIVATE-NOTE"
        )
    (payload,) = payloads(receiver)
    assert payload["viewer"] == "body"
    assert payload["kind"] == "note"
    assert payload["request"]["subject"] == "PRIVATE-SUBJECT"
    assert payload["message"]["text"] == "PRIVATE-NOTE"
    assert payload["message"]["audience"] == "internal"


def test_a_body_subscriber_does_not_receive_another_bodys_requests(
    world, receiver, committed, private_request
):
    subscribe(world.other_officer, receiver.url, body=world.other_body)
    public = world.request(State.IN_PROGRESS, assignee=world.officer)
    with committed():
        services.foi_request_add_note(
            foi_request=private_request, actor=world.officer, text="PRIVATE-NOTE"
        )
        services.foi_request_add_note(foi_request=public, actor=world.officer, text="NOTE")
        services.foi_request_answer(
            foi_request=public, actor=world.officer, outcome="full", text="Here."
        )
    assert receiver.received == []


def test_a_body_subscription_stops_when_its_owner_leaves_the_body(
    world, receiver, committed, private_request
):
    from foi.models import Membership

    subscribe(world.coordinator, receiver.url, body=world.ministry)
    Membership.objects.filter(user=world.coordinator).update(is_active=False)
    with committed():
        services.foi_request_add_note(
            foi_request=private_request, actor=world.officer, text="PRIVATE-NOTE"
        )
    assert receiver.received == []


def test_event_kinds_filter_what_is_sent(world, receiver, committed):
    subscribe(world.citizen, receiver.url, event_kinds=["answer"])
    foi_request = world.request(State.SUBMITTED)
    with committed():
        services.foi_request_accept(
            foi_request=foi_request, actor=world.coordinator, assignee=world.officer
        )
    assert receiver.received == []
    foi_request.refresh_from_db()
    with committed():
        services.foi_request_answer(
            foi_request=foi_request, actor=world.officer, outcome="full", text="Here."
        )
    assert [p["kind"] for p in payloads(receiver)] == ["answer"]


def test_fanning_out_twice_records_one_delivery_per_subscription(world, receiver, committed):
    subscribe(world.citizen, receiver.url)
    foi_request = world.request(State.SUBMITTED)
    with committed():
        services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)
    event = foi_request.events.order_by("-seq").first()
    assert webhook_services.event_fan_out(event_id=event.pk) == 0
    assert Delivery.objects.count() == 1 and len(receiver.received) == 1


def test_a_ping_is_signed_and_logged(world, receiver, committed):
    subscription = subscribe(world.citizen, receiver.url)
    with committed():
        delivery = webhook_services.subscription_ping(subscription=subscription)
    (sent,) = receiver.received
    assert sent["headers"]["X-Sorgu-Event"] == "ping"
    assert sent["headers"]["X-Sorgu-Signature"] == independent_signature(
        subscription.secret, sent["headers"]["X-Sorgu-Timestamp"], sent["body"]
    )
    delivery.refresh_from_db()
    assert delivery.state == "delivered"


def test_the_requester_subscribing_publicly_gets_nothing_of_their_own_private_request(
    world, receiver, committed, private_request
):
    """A subscription without a body sees as a visitor, whoever owns it."""
    subscribe(world.requester, receiver.url)
    with committed():
        services.foi_request_answer(
            foi_request=private_request, actor=world.officer, outcome="full", text="PRIVATE"
        )
    assert receiver.received == []


def test_a_body_subscriber_of_the_requester_sees_no_internal_note_of_another_body(
    world, receiver, committed
):
    """The reviewing body (an appeal lodged with it) is no holder: a subscription for it
    receives nothing of the request, let alone the holder's notes."""
    subscribe(world.reviewer, receiver.url, body=world.cabinet)
    public = world.request(State.IN_PROGRESS, assignee=world.officer)
    with committed():
        services.foi_request_add_note(foi_request=public, actor=world.officer, text="SECRET")
    assert receiver.received == []


def test_subscriptions_of_one_viewer_share_one_case_document(world, receiver, monkeypatch):
    """Fanning out costs about the same for two public subscriptions as for twenty."""
    monkeypatch.setattr(webhook_services, "_enqueue_delivery", lambda *args, **kwargs: None)
    foi_request = world.request(State.SUBMITTED)
    services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)
    event = foi_request.events.order_by("-seq").first()

    def queries_for(count: int) -> int:
        Delivery.objects.all().delete()
        Subscription.objects.all().delete()
        for _n in range(count):
            subscribe(world.citizen, receiver.url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert webhook_services.event_fan_out(event_id=event.pk) == count
        return len(captured)

    few, many = queries_for(2), queries_for(20)
    # Each delivery is one insert in its own savepoint; the case document is read once.
    assert many - few <= 18 * 3
