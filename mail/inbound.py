"""Replies by e-mail: anymail's ``inbound`` signal hands us a parsed message.

It lands on a case when it was sent to a request's reply address whose check code is right,
whoever sent it: one from outside the body's mail domains (an official's own mailbox) is marked
"sent from an address not known for this body" for the parties to confirm. Anything else
(unknown address, unknown reference, wrong code, automatic reply, spam) goes to the holding pen
with the requests it most likely belongs to; the requesters of those it names are told. Every
e-mail is kept whole, once per Message-ID: the same e-mail posted twice is stored once.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from email import encoders

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core import clock
from core.errors import ServiceError
from foi.models import Audience, FOIRequest, Message, MessageKind, State
from foi.services.attachments import attachment_create
from foi.services.case import Appended, Entry, foi_request_append
from mail import addresses
from mail.models import HeldReason, InboundEmail, InboundStatus

logger = logging.getLogger(__name__)

MAX_TEXT = 200_000


def on_inbound(sender, event, esp_name, **kwargs) -> None:
    """Connected to ``anymail.signals.inbound`` in FoiConfig.ready()."""
    email_receive(message=event.message, esp_name=esp_name, event_id=event.event_id)


@dataclass
class Received:
    """What we read from one e-mail."""

    message_id: str
    sender: str
    recipients: list[str]
    subject: str
    text: str
    raw: bytes
    attachments: list = field(default_factory=list)
    automatic: bool = False
    spam: bool = False
    refers_to: list[str] = field(default_factory=list)


def read(message, event_id=None) -> Received:
    raw = _raw_bytes(message)
    message_id = (message.get("Message-ID") or "").strip()
    if not message_id:
        # No Message-ID (rare, and broken): the content itself identifies the e-mail.
        message_id = f"<{hashlib.sha256(raw).hexdigest()[:40]}@no-message-id.invalid>"
    sender = message.from_email.addr_spec if message.from_email else ""
    recipients = []
    for address in [message.envelope_recipient, *[a.addr_spec for a in _all_to(message)]]:
        if address and address.lower() not in {r.lower() for r in recipients}:
            recipients.append(address)
    text = message.text or strip_tags(message.html or "")
    auto = (message.get("Auto-Submitted") or "no").strip().lower() != "no" or (
        (message.get("Precedence") or "").strip().lower() in {"auto_reply", "bulk", "junk"}
    )
    refers = (
        " ".join(message.get_all("In-Reply-To") or [])
        + " "
        + " ".join(message.get_all("References") or [])
    )
    return Received(
        message_id=message_id[:300],
        sender=sender or (message.envelope_sender or ""),
        recipients=recipients,
        subject=(message.subject or "")[:300],
        text=(text or "")[:MAX_TEXT],
        raw=raw,
        attachments=[*message.attachments, *_inline_files(message)],
        automatic=auto or bool(message.get("X-Autoreply")),
        spam=bool(message.spam_detected),
        refers_to=[part for part in refers.split() if part.startswith("<")],
    )


def _inline_files(message) -> list:
    """Files shown inside the text (an inline part with a Content-ID: a logo, a scanned
    page), not the text itself."""
    return [
        part
        for part in message.content_id_map.values()
        if part.get_content_maintype() != "multipart"
        and part.get_content_type() not in ("text/plain", "text/html")
    ]


def _binary_files_as_base64(message) -> None:
    """A file the ESP posted apart from the e-mail (Mailgun's parsed form, Postmark's JSON)
    becomes a part with raw bytes and no transfer encoding; serialised so, its line ends are
    rewritten and the kept original no longer holds the file that was sent (a ZIP or a PDF
    with a CR byte comes back broken). Encoded in base64 first, it is kept byte for byte, and
    an administrator can recover a refused file from it."""
    for part in message.walk():
        if (
            part.get_content_maintype() not in ("text", "message", "multipart")
            and "Content-Transfer-Encoding" not in part
        ):
            encoders.encode_base64(part)


def _all_to(message) -> list:
    return [*message.to, *message.cc, *message.bcc]


def _raw_bytes(message) -> bytes:
    _binary_files_as_base64(message)
    try:
        return message.as_bytes()
    except Exception:
        return message.as_string().encode("utf-8", "replace")


def email_receive(*, message, esp_name: str = "", event_id=None) -> InboundEmail | None:
    """Store one incoming e-mail: on its case, or in the holding pen. None if seen before."""
    received = read(message, event_id)
    if InboundEmail.objects.filter(email_message_id=received.message_id).exists():
        logger.info("Ignoring e-mail %s: received before", received.message_id)
        return None
    foi_request, reason = match(received)
    try:
        with transaction.atomic():
            inbound = _log(received, esp_name)
            if reason is None:
                _put_on_case(inbound, received, foi_request)
            else:
                _hold(inbound, received, reason)
    except IntegrityError:
        # The ESP retried while we were storing the first copy.
        logger.info("Ignoring e-mail %s: stored meanwhile", received.message_id)
        return None
    return inbound


def match(received: Received) -> tuple[FOIRequest | None, str | None]:
    """The request an e-mail belongs to, or why it must be held."""
    if received.spam:
        return None, HeldReason.SPAM
    if received.automatic:
        return None, HeldReason.AUTOMATIC_REPLY
    parsed = next(
        (p for p in map(addresses.parse_reply_address, received.recipients) if p is not None),
        None,
    )
    if parsed is None:
        return None, HeldReason.UNKNOWN_ADDRESS
    foi_request = (
        FOIRequest.objects.select_related("body", "law")
        .filter(reference__iexact=parsed.reference)
        .exclude(state=State.DRAFT)
        .first()
    )
    if foi_request is None:
        return None, HeldReason.UNKNOWN_REQUEST
    if not parsed.code_ok:
        return foi_request, HeldReason.BAD_HMAC
    # The sender is not checked here: record_on_case marks one the body does not write from.
    return foi_request, None


def _log(received: Received, esp_name: str) -> InboundEmail:
    inbound = InboundEmail(
        received_at=clock.now(),
        esp_name=esp_name[:40],
        email_message_id=received.message_id,
        from_email=received.sender[:300],
        to_addresses=", ".join(received.recipients),
        subject=received.subject,
        text=received.text,
        attachment_names=[a.get_filename() or "" for a in received.attachments],
        status=InboundStatus.HELD,
    )
    digest = hashlib.sha256(received.raw).hexdigest()
    inbound.raw.save(f"{digest}.eml", ContentFile(received.raw), save=False)
    inbound.save()
    return inbound


def _hold(inbound: InboundEmail, received: Received, reason: str) -> None:
    from mail.holding import guess_requests, named_requests
    from mail.notify import held_email_notify

    inbound.status = InboundStatus.HELD
    inbound.reason = reason
    inbound.save(update_fields=["status", "reason"])
    inbound.guessed_requests.set(guess_requests(received))
    if reason != HeldReason.SPAM:
        held_email_notify(inbound=inbound, foi_requests=named_requests(received))


def _put_on_case(inbound: InboundEmail, received: Received, foi_request: FOIRequest) -> None:
    appended = record_on_case(
        foi_request, received, inbound=inbound, actor="e-mail", event_kind="email_received"
    )
    inbound.status = InboundStatus.MATCHED
    inbound.foi_request = appended.foi_request
    inbound.message = appended.message
    inbound.save(update_fields=["status", "foi_request", "message"])


def record_on_case(
    foi_request: FOIRequest, received: Received, *, inbound, actor, event_kind: str
) -> Appended:
    """The e-mail as a timeline entry for the parties, its files unapproved, and one event
    (through ``foi_request_append``, which locks the request). It is from the body when the
    sender is one of the body's addresses; otherwise it is marked as sent from an address not
    known for this body (the mark and the address are for the parties only)."""

    def write(locked, at):
        sender_is_body = addresses.sender_belongs_to(received.sender, locked.body)
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.EMAIL_IN,
            # An e-mail may carry anything; the parties see it, the public only what an
            # officer later publishes.
            audience=Audience.PARTIES,
            from_body=locked.body if sender_is_body else None,
            subject=received.subject,
            text=received.text,
            email_message_id=received.message_id,
            email_from=received.sender[:300],
            email_to=", ".join(received.recipients)[:300],
            sender_unknown=not sender_is_body,
            created_at=at,
        )
        stored = _store_files(message, received)
        data = {"inbound": inbound.pk, "attachments": [a.sha256 for a in stored]}
        if not sender_is_body:
            data["sender_unknown"] = True
        return Entry(message=message, data=data)

    return foi_request_append(
        foi_request=foi_request, actor=actor, kind=event_kind, audience="parties", write=write
    )


def _store_files(message: Message, received: Received) -> list:
    """The e-mail's files on its message, unapproved, images shown in its text marked inline,
    a ZIP archive with its parts listed; those refused are named in its text, with why."""
    stored, refused = [], []
    for part in received.attachments:
        inline = part.get_content_disposition() == "inline"
        name = part.get_filename() or ("inline-image" if inline else "attachment")
        try:
            stored.append(
                attachment_create(
                    message=message,
                    name=name,
                    content=part.get_content_bytes(),
                    inline=inline,
                    archives=True,
                )
            )
        except ServiceError as error:
            shown = _("%(name)s (shown in the text)") % {"name": name} if inline else name
            refused.append(f"{shown}: {error}")
    if refused:
        message.text = (
            message.text.rstrip()
            + "\n\n"
            + _("Files not stored (the original e-mail is kept by the administrators): %(files)s")
            % {"files": "; ".join(refused)}
        )
        message.save(update_fields=["text"])
    return stored
