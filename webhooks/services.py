"""Writes of the webhooks app: subscriptions, and the deliveries of committed case events.

A committed event (``foi.signals.case_event_committed``) queues one task that works out which
subscriptions may see it and records one Delivery for each (its body fixed then, so every retry
sends the same bytes under the same id); each delivery is then sent by its own task, retried
with exponential back-off through the task queue. After ``WEBHOOKS_MAX_FAILURES`` failed
attempts in a row the subscription is paused and its owner told by e-mail; turning it on again
sends what waited.
"""

from __future__ import annotations

import datetime
import json
import logging
import time
from functools import partial

import requests
from django.conf import settings
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import taskqueue
from core.errors import InvalidInput, NotPermitted, NotVisible
from foi import permissions
from foi.models import CaseEvent, PublicBody
from mail.notices import absolute, language_of
from webhooks import addresses, signing
from webhooks.models import Attempt, Delivery, DeliveryState, Subscription, new_secret
from webhooks.selectors import PING, event_kinds, event_payload, subscription_viewer
from webhooks.selectors import subscriptions_for_event as _subscriptions_for_event

logger = logging.getLogger(__name__)

RESPONSE_KEPT = 1000  # characters of a receiver's answer kept in the attempt's log
RESPONSE_READ = 64 * 1024  # bytes read of it at most
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 6 * 3600


# -- subscriptions -----------------------------------------------------------------------------


def _kinds_check(kinds) -> list[str]:
    if not isinstance(kinds, list) or not all(isinstance(kind, str) for kind in kinds):
        raise InvalidInput(_("event_kinds must be a list of event kinds."))
    unknown = sorted(set(kinds) - set(event_kinds()))
    if unknown:
        raise InvalidInput(
            _("Unknown event kinds: %(kinds)s.") % {"kinds": ", ".join(unknown)[:200]}
        )
    return sorted(set(kinds))


def _body_check(*, owner, body: PublicBody | None) -> None:
    if body is not None and not permissions.is_member(owner, body.pk):
        raise NotPermitted(_("Only the body's own officers and coordinators may subscribe for it."))


def subscription_create(
    *,
    owner,
    url: str,
    body: PublicBody | None = None,
    event_kinds: list[str] | None = None,
    description: str = "",
) -> Subscription:
    """A new subscription with a fresh secret (the caller shows it once)."""
    _body_check(owner=owner, body=body)
    kinds = _kinds_check(event_kinds or [])
    addresses.url_check(url)
    return Subscription.objects.create(
        owner=owner, body=body, url=url, event_kinds=kinds, description=description[:200]
    )


def subscription_update(
    *,
    subscription: Subscription,
    url: str | None = None,
    event_kinds: list[str] | None = None,
    description: str | None = None,
    is_active: bool | None = None,
) -> Subscription:
    """Change what is given; turning a paused subscription on again sends what waited."""
    if url is not None:
        addresses.url_check(url)
        subscription.url = url
    if event_kinds is not None:
        subscription.event_kinds = _kinds_check(event_kinds)
    if description is not None:
        subscription.description = description[:200]
    resumed = is_active is True and not subscription.is_active
    if is_active is not None:
        subscription.is_active = is_active
        subscription.paused_at = None if is_active else timezone.now()
    if resumed:
        subscription.consecutive_failures = 0
    subscription.save()
    if resumed:
        waiting = subscription.deliveries.filter(state=DeliveryState.PENDING).order_by("created_at")
        for delivery_id in waiting.values_list("pk", flat=True):
            transaction.on_commit(partial(_enqueue_delivery, delivery_id))
    return subscription


def subscription_rotate_secret(*, subscription: Subscription) -> Subscription:
    subscription.secret = new_secret()
    subscription.save(update_fields=["secret"])
    return subscription


def subscription_delete(*, subscription: Subscription) -> None:
    subscription.delete()


def subscription_get(*, pk, user) -> Subscription:
    """The person's own subscription; NotVisible (404) for anyone else's."""
    subscription = Subscription.objects.filter(pk=pk, owner=user).select_related("body").first()
    if subscription is None:
        raise NotVisible(_("No such webhook."))
    return subscription


def subscription_ping(*, subscription: Subscription) -> Delivery:
    """A ``ping`` delivery, to check the receiver and its signature check; sent at once."""
    delivery = Delivery.objects.create(subscription=subscription, kind=PING, body="")
    delivery.body = _encode(
        {
            "id": str(delivery.pk),
            "kind": PING,
            "subscription": subscription.pk,
            "created_at": delivery.created_at.isoformat(),
        }
    )
    delivery.save(update_fields=["body"])
    transaction.on_commit(partial(_enqueue_delivery, delivery.pk))
    return delivery


# -- from an event to deliveries ---------------------------------------------------------------


def on_case_event_committed(sender, event, **kwargs) -> None:
    """Connected in WebhooksConfig.ready(). Cheap: the work happens in a task."""
    if Subscription.objects.filter(is_active=True).exists():
        transaction.on_commit(partial(_enqueue_fanout, event.pk))


def _enqueue_fanout(event_id: int) -> None:
    from webhooks.tasks import fan_out_event

    taskqueue.enqueue(fan_out_event, event_id)


def _enqueue_delivery(delivery_id, run_after=None) -> None:
    from webhooks.tasks import deliver

    taskqueue.enqueue(deliver, str(delivery_id), run_after=run_after)


def _encode(payload: dict) -> str:
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def event_fan_out(*, event_id: int) -> int:
    """Record a delivery of the event for each subscription that may see it, and queue them.
    Idempotent: a subscription gets one delivery per event however often this runs."""
    event = CaseEvent.objects.select_related("foi_request__body", "foi_request__law").get(
        pk=event_id
    )
    documents: dict = {}  # one case document per viewer, shared by their subscriptions
    created = 0
    for subscription in _subscriptions_for_event(event=event):
        viewer = subscription_viewer(subscription)
        if viewer is None:
            continue
        content = event_payload(event=event, viewer=viewer, cache=documents)
        if content is None:
            continue
        delivery = Delivery(subscription=subscription, event=event, kind=event.kind)
        delivery.body = _encode(
            {
                "id": str(delivery.pk),
                "kind": event.kind,
                "subscription": subscription.pk,
                "created_at": delivery.created_at.isoformat(),
                **content,
            }
        )
        try:
            with transaction.atomic():
                delivery.save(force_insert=True)
        except IntegrityError:
            continue  # already recorded by an earlier run
        created += 1
        transaction.on_commit(partial(_enqueue_delivery, delivery.pk))
    return created


# -- sending -----------------------------------------------------------------------------------


def backoff(attempts: int) -> datetime.timedelta:
    """30 s after the first failure, doubling, at most six hours."""
    seconds = min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS)
    return datetime.timedelta(seconds=seconds)


def _post(subscription: Subscription, delivery: Delivery) -> tuple[int | None, str, str]:
    """(status, the answer's start, error) of one POST; never follows a redirect."""
    body = delivery.body.encode()
    timestamp = int(time.time())
    headers = signing.headers(
        secret=subscription.secret,
        timestamp=timestamp,
        body=body,
        kind=delivery.kind,
        delivery_id=str(delivery.pk),
    )
    try:
        addresses.url_check(subscription.url)
        with requests.post(
            subscription.url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOKS_TIMEOUT_SECONDS,
            allow_redirects=False,
            stream=True,
        ) as response:
            raw = response.raw.read(RESPONSE_READ, decode_content=True) or b""
            text = raw.decode(response.encoding or "utf-8", errors="replace")
            return response.status_code, text[:RESPONSE_KEPT], ""
    except InvalidInput as error:
        return None, "", str(error)[:500]
    except requests.RequestException as error:
        return None, "", f"{type(error).__name__}: {error}"[:500]


def delivery_attempt(*, delivery_id) -> str:
    """Try a delivery once; log the attempt; on failure queue the next or pause. Returns the
    delivery's state, or "paused" when its subscription is off."""
    delivery = Delivery.objects.select_related("subscription__owner").filter(pk=delivery_id).first()
    if delivery is None or delivery.state == DeliveryState.DELIVERED:
        return delivery.state if delivery else "gone"
    subscription = delivery.subscription
    if not subscription.is_active:
        return "paused"
    started = time.monotonic()
    status, text, error = _post(subscription, delivery)
    duration = int((time.monotonic() - started) * 1000)
    delivery.attempts += 1
    Attempt.objects.create(
        delivery=delivery,
        number=delivery.attempts,
        status_code=status,
        response_body=text,
        duration_ms=duration,
        error=error,
    )
    if status is not None and 200 <= status < 300:
        delivery.state = DeliveryState.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
        delivery.save(update_fields=["state", "delivered_at", "next_attempt_at", "attempts"])
        Subscription.objects.filter(pk=subscription.pk).update(consecutive_failures=0)
        return delivery.state
    Subscription.objects.filter(pk=subscription.pk).update(
        consecutive_failures=F("consecutive_failures") + 1
    )
    failures = Subscription.objects.values_list("consecutive_failures", flat=True).get(
        pk=subscription.pk
    )
    if failures >= settings.WEBHOOKS_MAX_FAILURES:
        delivery.next_attempt_at = None
        delivery.save(update_fields=["attempts", "next_attempt_at"])
        subscription_pause(subscription=subscription, failures=failures)
        return "paused"
    delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
    delivery.save(update_fields=["attempts", "next_attempt_at"])
    _enqueue_delivery(delivery.pk, run_after=delivery.next_attempt_at)
    return delivery.state


def subscription_pause(*, subscription: Subscription, failures: int) -> bool:
    """Turn a failing subscription off and tell its owner, once."""
    paused = Subscription.objects.filter(pk=subscription.pk, is_active=True).update(
        is_active=False, paused_at=timezone.now()
    )
    if not paused:
        return False
    owner = subscription.owner
    if owner.email:
        with translation.override(language_of(owner)):
            _tell_owner(subscription, failures)
    logger.warning("Webhook %s paused after %d failures", subscription.pk, failures)
    return True


def _tell_owner(subscription: Subscription, failures: int) -> None:
    send_mail(
        f"{settings.EMAIL_SUBJECT_PREFIX}"
        + _("Your webhook to %(url)s is paused") % {"url": subscription.url[:80]},
        _(
            "Sorğu could not deliver events to %(url)s: the last %(count)d attempts "
            "failed. The webhook is paused and events wait for it.\n\n"
            "See each attempt's answer at %(api)s, fix the receiver, then turn the "
            'webhook on again (PATCH with {"active": true}); what waited is sent then.'
        )
        % {
            "url": subscription.url,
            "count": failures,
            "api": absolute(reverse("api:webhook_detail", args=[subscription.pk])),
        },
        settings.DEFAULT_FROM_EMAIL,
        [subscription.owner.email],
    )
