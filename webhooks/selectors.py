"""What a subscription may receive of an event, and as whom it sees it.

No new rules here: a body's subscription sees its own requests as its owner (a member of that
body) sees them, and anyone else's sees what a visitor sees; the case document of the open
format (``foi.case_format.case_document``, the API's case export) already filters the request,
its messages and its events by docs/permissions.md for either, so a payload is cut from it.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from foi import permissions, transitions
from foi.case_format import case_document
from foi.models import CaseEvent
from foi.models.audit import EVENT_LABELS
from webhooks.models import Subscription

PING = "ping"


def event_kinds() -> list[str]:
    """Every kind a subscription may ask for: each transition and each other event."""
    return sorted({*transitions.declared(), *EVENT_LABELS, PING})


def subscription_list(*, user):
    return Subscription.objects.filter(owner=user).select_related("body")


def subscription_viewer(subscription: Subscription):
    """Whom the subscription sees as, or None when it may see nothing now (its owner left the
    body or was deactivated: the membership is the access)."""
    owner = subscription.owner
    if not owner.is_active:
        return None
    if subscription.body_id is None:
        return AnonymousUser()
    if not permissions.is_member(owner, subscription.body_id):
        return None
    return owner


def subscriptions_for_event(*, event: CaseEvent) -> list[Subscription]:
    """Active subscriptions that ask for this kind: the public ones, and those of the body
    holding the request. Whether each may see the event is ``event_payload``'s to say."""
    candidates = Subscription.objects.filter(is_active=True).select_related("owner")
    candidates = candidates.filter(body__isnull=True) | candidates.filter(
        body_id=event.foi_request.body_id
    )
    return [subscription for subscription in candidates if subscription.wants(event.kind)]


def event_payload(*, event: CaseEvent, viewer, cache: dict | None = None) -> dict | None:
    """The event as ``viewer`` may see it, or None if they may not: the request and the event
    from the case document, with the message the event refers to if they may read it."""
    foi_request = event.foi_request
    if not permissions.can_view_request(foi_request, viewer):
        return None
    key = getattr(viewer, "pk", None)
    document = cache.get(key) if cache is not None else None
    if document is None:
        document = case_document(foi_request=foi_request, user=viewer)
        if cache is not None:
            cache[key] = document
    row = next((e for e in document["audit"]["events"] if e["seq"] == event.seq), None)
    if row is None or row["withheld"]:
        return None
    message = next((m for m in document["messages"] if m["id"] == row["message"]), None)
    return {
        "viewer": document["viewer"],
        "request": document["request"],
        "event": {key: value for key, value in row.items() if key != "withheld"},
        "message": message,
    }
