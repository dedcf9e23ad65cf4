"""The holding pen: likely requests for a held e-mail, and an administrator's two decisions,
file it to a request or discard it (docs/permissions.md: administrators only)."""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core import clock
from core.errors import Conflict, InvalidInput, NotPermitted, TransitionNotAllowed
from foi.models import FOIRequest, Message, PublicBody, State
from mail import addresses
from mail.models import InboundEmail, InboundStatus

REFERENCE = re.compile(r"\b([A-Z]{2,8}-\d{4}-\d{4,8})\b", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|ответ|отв|cavab)\s*:\s*)+", re.IGNORECASE)
MAX_GUESSES = 5
AWAITING_BODY = (
    State.SUBMITTED,
    State.IN_PROGRESS,
    State.AWAITING_CLARIFICATION,
    State.AWAITING_PAYMENT,
)


def held_email_count() -> int:
    """How many received e-mails wait for an administrator (the monitoring's gauge)."""
    return InboundEmail.objects.filter(status=InboundStatus.HELD).count()


def guess_requests(received) -> list[FOIRequest]:
    """The requests a held e-mail most likely belongs to, best first: references in its
    address, subject or text; the letters it replies to; the sender's body's open requests,
    those with a similar subject first; requests with a similar subject."""
    requests = FOIRequest.objects.exclude(state=State.DRAFT)
    guesses: list[FOIRequest] = []

    def add(found) -> None:
        for foi_request in found:
            if len(guesses) < MAX_GUESSES and foi_request.pk not in {g.pk for g in guesses}:
                guesses.append(foi_request)

    add(named_requests(received))
    subject = clean_subject(received.subject)
    bodies = bodies_of_sender(received.sender)
    if bodies:
        open_requests = requests.filter(body__in=bodies, state__in=AWAITING_BODY)
        if subject:
            add(open_requests.filter(subject__icontains=subject)[:MAX_GUESSES])
        add(open_requests.order_by("-submitted_at")[:MAX_GUESSES])
    if len(subject) >= 8:
        add(requests.filter(subject__icontains=subject).order_by("-submitted_at")[:MAX_GUESSES])
    return guesses


def named_requests(received) -> list[FOIRequest]:
    """The requests an e-mail names: by a reply address (whatever its code), a reference in its
    subject or text, or a letter of theirs it replies to. Their requesters are told when it is
    held; the weaker guesses (the sender's body, a similar subject) only guide the administrator."""
    requests = FOIRequest.objects.exclude(state=State.DRAFT)
    found: list[FOIRequest] = []
    references = []
    for recipient in received.recipients:
        parsed = addresses.parse_reply_address(recipient)
        if parsed is not None:
            references.append(parsed.reference)
    for text in (received.subject, received.text[:20_000]):
        references += [match.upper() for match in REFERENCE.findall(text or "")]
    if references:
        by_reference = {r.reference: r for r in requests.filter(reference__in=references)}
        found += [by_reference[ref] for ref in dict.fromkeys(references) if ref in by_reference]
    if received.refers_to:
        replied = requests.filter(messages__email_message_id__in=received.refers_to).distinct()
        found += [r for r in replied if r.pk not in {f.pk for f in found}]
    return found[:MAX_GUESSES]


def clean_subject(subject: str) -> str:
    """The subject without reply prefixes, references or our letter's own wording."""
    text = _REPLY_PREFIX.sub("", subject or "")
    found = REFERENCE.search(text)
    if found:
        # "Request for information AZ-2026-000001: <subject>", in any language.
        rest = text[found.end() :]
        text = rest.split(":", 1)[1] if ":" in rest else rest
    return " ".join(text.split())[:200]


def bodies_of_sender(sender: str) -> list[PublicBody]:
    domain = addresses.split(sender)[1]
    if not domain:
        return []
    labels = domain.split(".")
    # mail.mof.gov.az may write for mof.gov.az: try the domain and its parents (not the TLD).
    candidates = [".".join(labels[i:]) for i in range(max(len(labels) - 1, 1))]
    condition = Q()
    for candidate in candidates:
        condition |= Q(request_email__iendswith="@" + candidate)
        condition |= Q(email_domains__icontains=candidate)
    found = PublicBody.objects.filter(condition)
    return [body for body in found if addresses.sender_belongs_to(sender, body)]


def _require_admin(actor) -> None:
    if not (getattr(actor, "is_active", False) and getattr(actor, "is_superuser", False)):
        raise NotPermitted(_("Only an administrator may decide on held e-mail."))


def _lock_held(held: InboundEmail) -> InboundEmail:
    locked = InboundEmail.objects.select_for_update().get(pk=held.pk)
    if locked.status != InboundStatus.HELD:
        raise TransitionNotAllowed(
            _("This e-mail was already decided on (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    return locked


def held_email_file(
    *, held: InboundEmail, foi_request: FOIRequest, actor, note: str = ""
) -> Message:
    """Put a held e-mail on a request's timeline, its files unapproved; the requester is told
    (through the case event)."""
    from anymail.inbound import AnymailInboundMessage

    from mail.inbound import read, record_on_case

    _require_admin(actor)
    if foi_request is None or foi_request.state == State.DRAFT:
        raise InvalidInput(_("Choose the request to file this e-mail to."))
    with transaction.atomic():
        locked_held = _lock_held(held)
        if Message.objects.filter(
            foi_request=foi_request, email_message_id=locked_held.email_message_id
        ).exists():
            raise Conflict(_("This e-mail is already on this request."))
        with locked_held.raw.open("rb") as raw:
            parsed = AnymailInboundMessage.parse_raw_mime_bytes(raw.read())
        received = read(parsed)
        received.message_id = locked_held.email_message_id
        appended = record_on_case(
            foi_request, received, inbound=locked_held, actor=actor, event_kind="email_filed"
        )
        locked_held.status = InboundStatus.FILED
        locked_held.foi_request = appended.foi_request
        locked_held.message = appended.message
        locked_held.decided_by = actor
        locked_held.decided_at = clock.now()
        locked_held.decision_note = (note or "").strip()
        locked_held.save(
            update_fields=[
                "status",
                "foi_request",
                "message",
                "decided_by",
                "decided_at",
                "decision_note",
            ]
        )
    return appended.message


def held_email_discard(*, held: InboundEmail, actor, note: str = "") -> InboundEmail:
    """Discard a held e-mail (spam, misdirected mail). Its record and original are kept."""
    _require_admin(actor)
    with transaction.atomic():
        locked = _lock_held(held)
        locked.status = InboundStatus.DISCARDED
        locked.decided_by = actor
        locked.decided_at = clock.now()
        locked.decision_note = (note or "").strip()
        locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return locked
