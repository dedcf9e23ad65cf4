"""Replies by e-mail: anymail's ``inbound`` signal hands us a parsed message.

It lands on a case when it was sent to a request's reply address whose check code is right,
whoever sent it: one from outside the body's mail domains (an official's own mailbox) is marked
"sent from an address not known for this body" for the parties to confirm. An e-mail to several
requests' addresses lands on each. Anything else (unknown address, unknown reference, wrong
code, automatic reply, spam) goes to the holding pen with the requests it most likely belongs
to; the requesters of those it names are told. Every e-mail is kept whole, once per identity
(``identity``) and destination (``routes``): the same e-mail posted twice is stored once.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from email import encoders

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core import clock
from core.errors import ServiceError
from foi import permissions
from foi.models import Appeal, Audience, FOIRequest, Message, MessageKind, PublicBody, State
from foi.services.attachments import attachment_create
from foi.services.case import Appended, Entry, foi_request_append
from mail import addresses
from mail.models import HeldReason, InboundEmail, InboundStatus

logger = logging.getLogger(__name__)

MAX_TEXT = 200_000


# Mail services whose inbound event id names the e-mail itself, the same on every retry
# (Postmark's MessageID). Mailgun's is the signature's token, a nonce of one post; SendGrid
# gives none.
EVENT_ID_NAMES_THE_EMAIL = {"Postmark"}


def on_inbound(sender, event, esp_name, **kwargs) -> None:
    """Connected to ``anymail.signals.inbound`` in MailConfig.ready()."""
    email_receive(
        message=event.message,
        esp_name=esp_name,
        event_id=event.event_id,
        envelope_recipients=envelope_recipients(event),
    )


def envelope_recipients(event) -> list[str]:
    """The addresses the mail service delivered the e-mail to: anymail keeps one; SendGrid's
    envelope lists them all."""
    found = [event.message.envelope_recipient or ""]
    post = getattr(event.esp_event, "POST", None)
    if post is not None and "envelope" in post:
        try:
            to = json.loads(post["envelope"]).get("to") or []
        except (ValueError, AttributeError):
            to = []
        found += [address for address in to if isinstance(address, str)]
    return [a.strip() for address in found for a in address.split(",") if a.strip()]


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
    envelope: list[str] = field(default_factory=list)


def read(message, event_id=None, *, esp_name: str = "", envelope_recipients=()) -> Received:
    sender = message.from_email.addr_spec if message.from_email else ""
    envelope = [a for a in envelope_recipients if a] or (
        [message.envelope_recipient] if message.envelope_recipient else []
    )
    recipients = []
    for address in [*envelope, *[a.addr_spec for a in _all_to(message)]]:
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
    attachments = [*message.attachments, *_inline_files(message)]
    message_id = identity(message, event_id, esp_name, sender=sender, attachments=attachments)
    return Received(
        message_id=_clean(message_id),
        sender=_clean(sender or (message.envelope_sender or "")),
        recipients=[_clean(r) for r in recipients],
        subject=_clean(message.subject or "")[:300],
        text=_clean(text or "")[:MAX_TEXT],
        raw=_raw_bytes(message),
        attachments=attachments,
        automatic=auto or bool(message.get("X-Autoreply")),
        spam=bool(message.spam_detected),
        refers_to=[part for part in refers.split() if part.startswith("<")],
        envelope=envelope,
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


def identity(message, event_id, esp_name: str, *, sender: str, attachments) -> str:
    """What names an e-mail, the same each time the mail service posts it: its Message-ID;
    else the service's id for it; else a hash of its content (sender, recipients, date,
    subject, text, each file's SHA-256). Never a hash of the message re-serialised: anymail
    builds parsed posts with random MIME boundaries."""
    message_id = " ".join((message.get("Message-ID") or "").split())
    if message_id:
        return message_id[:300]
    event_id = "".join(ch for ch in str(event_id or "") if ch.isalnum() or ch in "-_.")
    if event_id and esp_name in EVENT_ID_NAMES_THE_EMAIL:
        return f"<{event_id[:200]}@{esp_name.lower()}.event-id.invalid>"
    text = message.text or message.html or ""
    content = [
        sender.lower(),
        sorted(a.addr_spec.lower() for a in _all_to(message)),
        " ".join((message.get("Date") or "").split()),
        " ".join((message.subject or "").split()),
        "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip(),
        [hashlib.sha256(a.get_content_bytes() or b"").hexdigest() for a in attachments],
    ]
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8"))
    return f"<{digest.hexdigest()[:40]}@content-hash.invalid>"


def _clean(text: str) -> str:
    """Without NUL, which PostgreSQL cannot store (the webhooks skip core.middleware's check)."""
    return text.replace("\x00", "")


def filename(part) -> str:
    return _clean(part.get_filename() or "")


def _all_to(message) -> list:
    return [*message.to, *message.cc, *message.bcc]


def _raw_bytes(message) -> bytes:
    _binary_files_as_base64(message)
    try:
        return message.as_bytes()
    except Exception:
        return message.as_string().encode("utf-8", "replace")


@dataclass(frozen=True)
class Route:
    """Where one copy of an e-mail goes: onto a request (``reason`` None) or into the holding
    pen. ``key`` is the reference it was addressed to, "" for the e-mail as a whole."""

    key: str
    foi_request: FOIRequest | None
    reason: str | None
    # Sent to the reply address of this appeal (its reviewing body's letter): mail.addresses.
    appeal: Appeal | None = None


def email_receive(
    *, message, esp_name: str = "", event_id=None, envelope_recipients=()
) -> list[InboundEmail]:
    """Store one incoming e-mail: on each request it was addressed to, or in the holding pen.
    Returns the rows stored now; none for an e-mail (and destination) seen before."""
    received = read(message, event_id, esp_name=esp_name, envelope_recipients=envelope_recipients)
    destinations = routes(received)
    seen = set(
        InboundEmail.objects.filter(
            email_message_id=received.message_id,
            addressed_to__in=[route.key for route in destinations],
        ).values_list("addressed_to", flat=True)
    )
    stored: list[InboundEmail] = []
    for route in destinations:
        if route.key in seen:
            logger.info("Ignoring e-mail %s for %r: seen before", received.message_id, route.key)
            continue
        try:
            with transaction.atomic():
                inbound = _log(received, esp_name, route.key, stored[0].raw.name if stored else "")
                if route.reason is None:
                    _put_on_case(inbound, received, route.foi_request, appeal=route.appeal)
                else:
                    _hold(inbound, received, route)
        except IntegrityError:
            # The mail service retried while we were storing the first copy.
            logger.info(
                "Ignoring e-mail %s for %r: stored meanwhile", received.message_id, route.key
            )
            continue
        stored.append(inbound)
    return stored


def routes(received: Received) -> list[Route]:
    """Where an e-mail goes. Each request whose reply address is among its recipients (To,
    Cc, Bcc, the envelope) gets it once, or has it held when its address is wrong.
    An e-mail delivered to another address of ours, or naming no request's, is held once for
    the administrators, as are spam and automatic replies."""
    if received.spam:
        return [Route("", None, HeldReason.SPAM)]
    if received.automatic:
        return [Route("", None, HeldReason.AUTOMATIC_REPLY)]
    by_reference: dict[str, addresses.ParsedAddress] = {}
    for address in received.recipients:
        parsed = addresses.parse_reply_address(address)
        if parsed is not None:
            known = by_reference.get(parsed.reference)
            # A good code beats a wrong one; an appeal's address beats the request's (it says
            # which reviewing body the letter answers for).
            if (
                known is None
                or (parsed.code_ok and not known.code_ok)
                or (parsed.code_ok and parsed.appeal_id and not known.appeal_id)
            ):
                by_reference[parsed.reference] = parsed
    requests = {
        foi_request.reference.upper(): foi_request
        for foi_request in FOIRequest.objects.select_related("body", "law")
        .filter(reference__in=list(by_reference))
        .exclude(state=State.DRAFT)
    }
    found = []
    for reference, parsed in by_reference.items():
        foi_request = requests.get(reference)
        if foi_request is None:
            found.append(Route(reference, None, HeldReason.UNKNOWN_REQUEST))
        elif not parsed.code_ok:
            found.append(Route(reference, foi_request, HeldReason.BAD_HMAC))
        else:
            appeal = None
            if parsed.appeal_id:
                appeal = (
                    Appeal.objects.select_related("reviewing_body")
                    .filter(pk=parsed.appeal_id, foi_request=foi_request)
                    .first()
                )
            found.append(Route(reference, foi_request, None, appeal))
    elsewhere = any(
        addresses.parse_reply_address(address) is None
        and addresses.split(address)[1] == addresses.mail_domain()
        for address in received.envelope
    )
    if elsewhere or not found:
        found.append(Route("", None, HeldReason.UNKNOWN_ADDRESS))
    return found


def _log(received: Received, esp_name: str, key: str, raw_name: str) -> InboundEmail:
    inbound = InboundEmail(
        received_at=clock.now(),
        esp_name=esp_name[:40],
        email_message_id=received.message_id,
        addressed_to=key,
        from_email=received.sender[:300],
        to_addresses=", ".join(received.recipients),
        subject=received.subject,
        text=received.text,
        attachment_names=[filename(a) for a in received.attachments],
        status=InboundStatus.HELD,
    )
    if raw_name:
        # The e-mail's other copies share its one kept original.
        inbound.raw.name = raw_name
    else:
        digest = hashlib.sha256(received.raw).hexdigest()
        inbound.raw.save(f"{digest}.eml", ContentFile(received.raw), save=False)
    inbound.save()
    return inbound


def _hold(inbound: InboundEmail, received: Received, route: Route) -> None:
    from mail.holding import MAX_GUESSES, guess_requests, named_requests
    from mail.notify import held_email_notify

    inbound.status = InboundStatus.HELD
    inbound.reason = route.reason
    inbound.save(update_fields=["status", "reason"])
    guesses = guess_requests(received)
    if route.foi_request is not None:
        # The request it was addressed to comes first.
        others = [g for g in guesses if g.pk != route.foi_request.pk]
        guesses = [route.foi_request, *others][:MAX_GUESSES]
    inbound.guessed_requests.set(guesses)
    if route.reason != HeldReason.SPAM:
        # Its requester is told something waits (nothing of what it says).
        named = [route.foi_request] if route.foi_request is not None else named_requests(received)
        held_email_notify(inbound=inbound, foi_requests=named)


def _put_on_case(
    inbound: InboundEmail, received: Received, foi_request: FOIRequest, *, appeal=None
) -> None:
    appended = record_on_case(
        foi_request,
        received,
        inbound=inbound,
        actor="e-mail",
        event_kind="email_received",
        appeal=appeal,
    )
    inbound.status = InboundStatus.MATCHED
    inbound.foi_request = appended.foi_request
    inbound.message = appended.message
    inbound.save(update_fields=["status", "foi_request", "message"])


def sender_body(locked: FOIRequest, sender: str, appeal: Appeal | None = None):
    """The body an e-mail on this request comes from, by the sender's domain: the reviewing
    body of ``appeal`` (the e-mail came to that appeal's reply address) or of the appeal under
    review now, else the body holding the request; None when it is none of them."""
    candidates: list[PublicBody] = []
    if appeal is not None and appeal.reviewing_body_id:
        candidates.append(appeal.reviewing_body)
    candidates.append(locked.body)
    pending = permissions.reviewing_appeal(locked)
    if pending is not None and pending.reviewing_body_id:
        candidates.append(pending.reviewing_body)
    for body in candidates:
        if addresses.sender_belongs_to(sender, body):
            return body
    return None


def record_on_case(
    foi_request: FOIRequest,
    received: Received,
    *,
    inbound,
    actor,
    event_kind: str,
    appeal: Appeal | None = None,
) -> Appended:
    """The e-mail as a timeline entry for the parties, its files unapproved, and one event
    (through ``foi_request_append``, which locks the request). It is from the body when the
    sender is one of the body's addresses (or from an appeal's reviewing body, when it is one
    of that body's: ``sender_body``); otherwise it is marked as sent from an address not
    known for this body (the mark and the address are for the parties only)."""

    def write(locked, at):
        from_body = sender_body(locked, received.sender, appeal)
        sender_is_body = from_body is not None
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.EMAIL_IN,
            # An e-mail may carry anything; the parties see it, the public only what an
            # officer later publishes.
            audience=Audience.PARTIES,
            from_body=from_body,
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
        if appeal is not None:
            data["appeal"] = appeal.pk
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
        name = filename(part) or ("inline-image" if inline else "attachment")
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
