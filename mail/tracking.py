"""Delivery tracking: anymail's ``tracking`` signal updates the outbound log and the timeline
entry an e-mail carried. A bounce of a letter flags the body's address and tells the
requester (through a case event); a spam complaint switches off that person's optional notices.
Events that match none of our e-mails are ignored (nothing is stored)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from core import clock
from core.inputs import parse_int
from foi.services.case import Entry, foi_request_append
from mail.bodies import public_body_flag_address
from mail.models import OutboundEmail, OutboundStatus
from mail.outbound import _mirror_on_message
from mail.preferences import notifications_off_after_complaint

logger = logging.getLogger(__name__)

# anymail's normalised event types that say something about delivery.
FROM_EVENT = {
    "queued": OutboundStatus.SENT,
    "sent": OutboundStatus.SENT,
    "deferred": OutboundStatus.DEFERRED,
    "delivered": OutboundStatus.DELIVERED,
    "bounced": OutboundStatus.BOUNCED,
    "rejected": OutboundStatus.BOUNCED,
    "failed": OutboundStatus.FAILED,
    "complained": OutboundStatus.COMPLAINED,
}
# A later event never takes a row back: a late "deferred" after "delivered" changes nothing.
RANK = {
    OutboundStatus.QUEUED: 0,
    OutboundStatus.SENDING: 0,
    OutboundStatus.RETRYING: 0,
    OutboundStatus.SENT: 1,
    OutboundStatus.DEFERRED: 2,
    OutboundStatus.DELIVERED: 3,
    OutboundStatus.FAILED: 4,
    OutboundStatus.BOUNCED: 4,
    OutboundStatus.COMPLAINED: 5,
}


def on_tracking(sender, event, esp_name, **kwargs) -> None:
    """Connected to ``anymail.signals.tracking`` in FoiConfig.ready()."""
    outbound_email_record_event(
        event_type=event.event_type,
        message_id=event.message_id,
        metadata=event.metadata or {},
        recipient=event.recipient or "",
        detail=" ".join(str(part) for part in (event.description, event.mta_response) if part),
        at=event.timestamp,
    )


def _find(message_id, metadata: dict, recipient: str) -> OutboundEmail | None:
    rows = OutboundEmail.objects.select_related("to_body", "to_user", "foi_request")
    outbound_id = parse_int(metadata.get("outbound", ""), minimum=1)
    if outbound_id is not None:
        found = rows.filter(pk=outbound_id).first()
        if found is not None:
            return found
    if message_id not in (None, ""):
        candidates = rows.filter(esp_message_id=str(message_id))
        if recipient:
            candidates = candidates.filter(to_email__iexact=recipient)
        return candidates.order_by("-pk").first()
    return None


def outbound_email_record_event(
    *, event_type: str, message_id, metadata: dict, recipient: str, detail: str = "", at=None
) -> OutboundEmail | None:
    status = FROM_EVENT.get(event_type)
    if status is None:
        return None  # opens, clicks, inbound notices: we neither track nor keep them
    at = at or clock.now()
    with transaction.atomic():
        outbound = _find(message_id, metadata, recipient)
        if outbound is None:
            logger.info("Tracking event %s for unknown e-mail %s", event_type, message_id)
            return None
        outbound = OutboundEmail.objects.select_for_update().get(pk=outbound.pk)
        if RANK[status] < RANK[OutboundStatus(outbound.status)]:
            return outbound
        newly_bounced = status == OutboundStatus.BOUNCED and outbound.status != status
        outbound.status = status
        outbound.status_updated_at = at
        if detail:
            outbound.delivery_detail = detail[:2000]
        outbound.save(update_fields=["status", "status_updated_at", "delivery_detail"])
        _mirror_on_message(outbound)
        if newly_bounced and outbound.to_body_id:
            _letter_bounced(outbound, detail, at)
        if status == OutboundStatus.COMPLAINED and outbound.to_user_id:
            notifications_off_after_complaint(user=outbound.to_user)
    return outbound


def _letter_bounced(outbound: OutboundEmail, detail: str, at) -> None:
    body = outbound.to_body
    public_body_flag_address(
        body=body,
        problem=_("Mail to %(email)s bounced.") % {"email": outbound.to_email}
        + (f" {detail}" if detail else ""),
        at=at,
    )
    if outbound.foi_request_id is None:
        return
    # The requester hears of it through the case event (mail.notify).
    foi_request_append(
        foi_request=outbound.foi_request,
        actor="system",
        kind="email_bounced",
        audience="parties",
        write=lambda locked, at: Entry(
            message=outbound.message, data={"body": body.pk, "outbound": outbound.pk}
        ),
    )
