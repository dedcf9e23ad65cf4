"""Sending: every e-mail is first a row in the outbound log, then a task scheduled on commit.

A send that fails is tried again with back-off (1 min, 5 min, 30 min, 2 h); after the last try
the row stays ``failed`` in the admin, where it can be sent again. Nothing is dropped silently.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from email.utils import formataddr, make_msgid
from functools import partial

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Min, Q
from django.utils.translation import gettext as _

from core import clock
from foi.models import DeliveryStatus, Message
from mail import addresses
from mail.models import OutboundEmail, OutboundStatus
from mail.notices import NOTICES, Rendered

logger = logging.getLogger(__name__)

RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# A send that has been "sending" this long died with its worker; it is tried again.
STUCK_AFTER = timedelta(hours=1)

TO_DELIVERY = {
    OutboundStatus.QUEUED: DeliveryStatus.QUEUED,
    OutboundStatus.SENDING: DeliveryStatus.QUEUED,
    OutboundStatus.RETRYING: DeliveryStatus.QUEUED,
    OutboundStatus.FAILED: DeliveryStatus.FAILED,
    OutboundStatus.SENT: DeliveryStatus.SENT,
    OutboundStatus.DEFERRED: DeliveryStatus.DEFERRED,
    OutboundStatus.DELIVERED: DeliveryStatus.DELIVERED,
    OutboundStatus.BOUNCED: DeliveryStatus.BOUNCED,
    OutboundStatus.COMPLAINED: DeliveryStatus.COMPLAINED,
}


def outbound_email_queue(
    *,
    kind: str,
    to_email: str,
    rendered: Rendered,
    to_user=None,
    to_body=None,
    foi_request=None,
    message: Message | None = None,
    from_email: str = "",
    reply_to: str = "",
    headers: dict | None = None,
) -> OutboundEmail:
    """Log one e-mail and schedule its send for after the current transaction commits."""
    notice = NOTICES[kind]
    all_headers = {"Content-Language": rendered.language, **(headers or {})}
    if notice.automated:
        # RFC 3834: auto-responders must not answer these.
        all_headers["Auto-Submitted"] = "auto-generated"
    outbound = OutboundEmail.objects.create(
        kind=kind,
        to_email=to_email,
        to_user=to_user,
        to_body=to_body,
        foi_request=foi_request,
        message=message,
        language=rendered.language,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        reply_to=reply_to,
        subject=rendered.subject,
        body_text=rendered.text,
        body_html=rendered.html,
        headers=all_headers,
        rfc_message_id=make_msgid(domain=addresses.mail_domain()),
        created_at=clock.now(),
    )
    if message is not None:
        Message.objects.filter(pk=message.pk).update(
            email_message_id=outbound.rfc_message_id,
            email_from=outbound.from_email[:300],
            email_to=to_email[:300],
            delivery_status=DeliveryStatus.QUEUED,
            delivery_updated_at=outbound.created_at,
        )
    transaction.on_commit(partial(_enqueue, outbound.pk))
    return outbound


# Not sent yet, and still to be tried (``failed`` has given up; the admin shows those).
WAITING = (OutboundStatus.QUEUED, OutboundStatus.SENDING, OutboundStatus.RETRYING)


def outbound_emails_waiting() -> dict[str, tuple[int, object]]:
    """The e-mails not sent yet, by status: (how many, when the oldest was queued), every
    waiting status present (0, None where none); one query on the status index, for the
    monitoring's gauges."""
    summary = dict.fromkeys((str(status) for status in WAITING), (0, None))
    rows = (
        OutboundEmail.objects.filter(status__in=WAITING)
        .values_list("status")
        .annotate(n=Count("pk"), oldest=Min("created_at"))
        .order_by()
    )
    for status, n, oldest in rows:
        summary[status] = (n, oldest)
    return summary


def _enqueue(outbound_id: int, run_after=None) -> None:
    from core import taskqueue
    from mail.tasks import send_outbound_email

    taskqueue.enqueue(send_outbound_email, outbound_id, run_after=run_after)


def request_address_from(foi_request, address: str = "") -> str:
    """``"<name> (Sorğu)" <req-...@domain>``: a letter's From, so that replies come back (to
    ``address`` when given: an appeal's reply address)."""
    name = " ".join((foi_request.public_name or settings.WAGTAIL_SITE_NAME).split())
    address = address or addresses.reply_address(foi_request.reference)
    return formataddr((f"{name} ({settings.WAGTAIL_SITE_NAME})", address))


def outbound_email_send(*, outbound_id: int) -> str:
    """Send one logged e-mail (the task calls this). Returns the status it ends in."""
    now = clock.now()
    claimed = OutboundEmail.objects.filter(
        Q(status__in=[OutboundStatus.QUEUED, OutboundStatus.RETRYING])
        | Q(status=OutboundStatus.SENDING, last_attempt_at__lt=now - STUCK_AFTER),
        pk=outbound_id,
    ).update(status=OutboundStatus.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    if not claimed:
        # Sent already, or another worker has it: sending twice is worse than not at all.
        return "skipped"
    outbound = OutboundEmail.objects.get(pk=outbound_id)
    email = _email_for(outbound)
    try:
        sent = email.send(fail_silently=False)
        if not sent:
            raise RuntimeError("The e-mail backend accepted no recipient.")
    except Exception as error:
        return _failed(outbound, error)
    status = getattr(email, "anymail_status", None)
    esp_id = getattr(status, "message_id", None) if status is not None else None
    outbound.status = OutboundStatus.SENT
    outbound.sent_at = outbound.status_updated_at = clock.now()
    outbound.esp_message_id = "" if esp_id is None or isinstance(esp_id, set) else str(esp_id)
    outbound.next_attempt_at = None
    outbound.last_error = ""
    outbound.save(
        update_fields=[
            "status",
            "sent_at",
            "status_updated_at",
            "esp_message_id",
            "next_attempt_at",
            "last_error",
        ]
    )
    _mirror_on_message(outbound)
    return outbound.status


def _email_for(outbound: OutboundEmail):
    from anymail.message import AnymailMessage

    email = AnymailMessage(
        subject=outbound.subject,
        body=outbound.body_text,
        from_email=outbound.from_email,
        to=[outbound.to_email],
        reply_to=[outbound.reply_to] if outbound.reply_to else None,
        headers={"Message-ID": outbound.rfc_message_id, **outbound.headers},
        connection=get_connection(),
        # Tracking webhooks echo these back, which is how a bounce finds its row.
        metadata={"outbound": str(outbound.pk)},
        tags=[outbound.kind],
    )
    if outbound.body_html:
        email.attach_alternative(outbound.body_html, "text/html")
    return email


def _failed(outbound: OutboundEmail, error: Exception) -> str:
    attempts = outbound.attempts
    outbound.last_error = f"{type(error).__name__}: {error}"[:2000]
    outbound.status_updated_at = clock.now()
    if attempts >= MAX_ATTEMPTS:
        outbound.status = OutboundStatus.FAILED
        outbound.next_attempt_at = None
        logger.error("E-mail %s to %s failed for good: %s", outbound.pk, outbound.to_email, error)
    else:
        outbound.status = OutboundStatus.RETRYING
        outbound.next_attempt_at = outbound.last_attempt_at + RETRY_DELAYS[attempts - 1]
        logger.warning("E-mail %s failed (try %s), retrying: %s", outbound.pk, attempts, error)
    outbound.save(update_fields=["status", "last_error", "next_attempt_at", "status_updated_at"])
    _mirror_on_message(outbound)
    # Backends that can defer (RQ) run the retry by themselves; with the others it waits for
    # the sweep (outbound_emails_retry_due).
    if outbound.status == OutboundStatus.RETRYING and _can_defer():
        transaction.on_commit(partial(_enqueue, outbound.pk, outbound.next_attempt_at))
    return outbound.status


def _can_defer() -> bool:
    from mail.tasks import send_outbound_email

    return send_outbound_email.get_backend().supports_defer


def _mirror_on_message(outbound: OutboundEmail) -> None:
    """The timeline entry an e-mail carries shows how its (latest) sending went."""
    if outbound.message_id is None:
        return
    Message.objects.filter(pk=outbound.message_id, email_message_id=outbound.rfc_message_id).update(
        delivery_status=TO_DELIVERY[outbound.status],
        delivery_updated_at=outbound.status_updated_at or clock.now(),
    )


def outbound_emails_retry_due(*, now=None) -> int:
    """Queue again every send whose back-off has passed (for backends that cannot defer, and
    for sends whose worker died). Returns how many."""
    now = now or clock.now()
    due = OutboundEmail.objects.filter(
        Q(status=OutboundStatus.RETRYING, next_attempt_at__lte=now)
        | Q(status=OutboundStatus.SENDING, last_attempt_at__lt=now - STUCK_AFTER)
    ).values_list("pk", flat=True)
    count = 0
    for outbound_id in list(due):
        transaction.on_commit(partial(_enqueue, outbound_id))
        count += 1
    return count


def outbound_email_resend(*, outbound: OutboundEmail, actor) -> OutboundEmail:
    """An administrator sends a failed e-mail again (a new row, so the log keeps both)."""
    from core.errors import InvalidInput, NotPermitted

    if not (getattr(actor, "is_active", False) and getattr(actor, "is_superuser", False)):
        raise NotPermitted(_("Only an administrator may send an e-mail again."))
    if outbound.status not in (OutboundStatus.FAILED, OutboundStatus.BOUNCED):
        raise InvalidInput(_("Only a failed or bounced e-mail can be sent again."))
    with transaction.atomic():
        copy = OutboundEmail.objects.create(
            kind=outbound.kind,
            to_email=outbound.to_email,
            to_user=outbound.to_user,
            to_body=outbound.to_body,
            foi_request=outbound.foi_request,
            message=outbound.message,
            language=outbound.language,
            from_email=outbound.from_email,
            reply_to=outbound.reply_to,
            subject=outbound.subject,
            body_text=outbound.body_text,
            body_html=outbound.body_html,
            headers=outbound.headers,
            rfc_message_id=make_msgid(domain=addresses.mail_domain()),
            created_at=clock.now(),
        )
        if copy.message_id is not None:
            Message.objects.filter(pk=copy.message_id).update(
                email_message_id=copy.rfc_message_id,
                delivery_status=DeliveryStatus.QUEUED,
                delivery_updated_at=copy.created_at,
            )
        transaction.on_commit(partial(_enqueue, copy.pk))
    return copy
