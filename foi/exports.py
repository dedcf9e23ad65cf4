"""Exports: bulk public metadata (CSV, JSON) and the case file (a ZIP for the parties).

Reads only, like the selectors. The bulk export sees what an anonymous visitor sees
(docs/permissions.md: bulk exports see only what the first column sees) and carries no
personal data: no requester name, pseudonym or contact detail, no message text. The case file
is for the parties of one request (the requester, the body holding it, a body reviewing an
appeal on it, and admins) and holds what that person may see on the case page, plus the
request's CaseEvent hash chain and a stdlib-only script that verifies it, and the same case
in the open case format (``case-v1.json``, foi.case_format).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import InvalidInput
from foi import case_format, deadlines, permissions, selectors
from foi.models import Appeal, FOIRequest, State
from foi.models.audit import GENESIS
from foi.privacy.masking import mask_text, requester_identifiers

# The columns of the bulk export, in order; the JSON export uses the same keys.
PUBLIC_FIELDS = (
    "reference",
    "url",
    "body",
    "body_name",
    "law",
    "subject",
    "state",
    "outcome",
    "urgency",
    "submitted_at",
    "received_at",
    "due_at",
    "first_response_at",
    "closed_at",
    "overdue",
    "decision_recorded_by",
    "extensions",
    "messages",
    "attachments",
    "appeals",
)
CHUNK = 500


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def public_request_qs(
    *, body: str = "", year: int | None = None, state: str = "", outcome: str = "", late: str = ""
):
    """The public requests, filtered like the public list, annotated with what the rows count."""
    requests = selectors.foi_request_public_qs()
    if body:
        requests = requests.filter(body__slug=body)
    if year:
        requests = requests.filter(submitted_at__year=year)
    if state:
        requests = requests.filter(state=state)
    if outcome:
        requests = requests.filter(outcome=outcome)
    if late == "overdue":
        requests = requests.filter(selectors.overdue_q())
    elif late == "very_overdue":
        requests = requests.filter(selectors.very_overdue_q())
    return (
        selectors.with_decision_recorded_by(requests)
        .select_related("body", "law", "requester")
        .annotate(
            public_messages=Count("messages", filter=Q(messages__audience="public"), distinct=True),
            public_attachments=Count(
                "messages__attachments",
                filter=Q(messages__audience="public", messages__attachments__approved=True),
                distinct=True,
            ),
            appeal_count=Count("appeals", distinct=True),
        )
        .order_by("submitted_at", "id")
    )


def public_request_rows(requests) -> Iterator[dict]:
    """One dict per request, with no personal data; reads in chunks."""
    now = selectors.clock_now()
    for foi_request in requests.iterator(chunk_size=CHUNK):
        overdue = bool(
            foi_request.due_at
            and foi_request.state in (State.SUBMITTED, State.IN_PROGRESS)
            and foi_request.due_at < now
        )
        yield {
            "reference": foi_request.reference,
            "url": reverse("foi:request_detail", args=[foi_request.reference]),
            "body": foi_request.body.slug,
            "body_name": foi_request.body.name,
            "law": foi_request.law.code,
            # Public: a requester's identity typed into the subject is masked.
            "subject": mask_text(foi_request.subject, requester_identifiers(foi_request)),
            "state": foi_request.state,
            "outcome": foi_request.outcome or None,
            "urgency": foi_request.urgency,
            "submitted_at": _iso(foi_request.submitted_at),
            "received_at": _iso(foi_request.received_at),
            "due_at": _iso(foi_request.due_at),
            "first_response_at": _iso(foi_request.first_response_at),
            "closed_at": _iso(foi_request.closed_at),
            "overdue": overdue,
            # officer, reply_link, requester or moderator (foi.selectors.replies.recorded_by)
            "decision_recorded_by": selectors.decision_recorded_by_of(foi_request),
            "extensions": foi_request.extensions_count,
            "messages": foi_request.public_messages,
            "attachments": foi_request.public_attachments,
            "appeals": foi_request.appeal_count,
        }


# -- The case file -----------------------------------------------------------------------------

# The verifier shipped as audit/verify.py: a stdlib-only module of its own, copied in as it is.
VERIFIER = Path(__file__).with_name("case_file_verifier.py")


def verifier_source() -> str:
    return VERIFIER.read_text(encoding="utf-8")


def _role(foi_request, user) -> str:
    if permissions.is_requester(foi_request, user):
        return "requester"
    if permissions.is_member(user, foi_request.body_id):
        return "body"
    if permissions.is_reviewer(foi_request, user):
        return "reviewer"
    return "admin"


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\-]+", "_", name, flags=re.UNICODE).strip("._")
    return cleaned[:120] or "file"


def _person(user) -> dict:
    return {"name": user.get_full_name() or user.email, "email": user.email}


def _case_json(foi_request, user, messages, files) -> dict:
    law = foi_request.law
    data = {
        "reference": foi_request.reference,
        "url": reverse("foi:request_detail", args=[foi_request.reference]),
        "generated_at": timezone.now().isoformat(),
        "generated_for": _role(foi_request, user),
        "body": {"slug": foi_request.body.slug, "name": foi_request.body.name},
        "law": law.code,
        "subject": foi_request.subject,
        "text": foi_request.text,
        "state": foi_request.state,
        "outcome": foi_request.outcome or None,
        "urgency": foi_request.urgency,
        "urgency_justification": foi_request.urgency_justification,
        "access_form": foi_request.access_form,
        "visibility": foi_request.visibility,
        "private_until": _iso(foi_request.private_until),
        "public_name": foi_request.public_name,
        "submitted_at": _iso(foi_request.submitted_at),
        "received_at": _iso(foi_request.received_at),
        "due_at": _iso(foi_request.due_at),
        "due_explanation": deadlines.explain(law, foi_request.due_explanation)
        if foi_request.due_explanation
        else "",
        "extensions": foi_request.extensions_count,
        "closed_at": _iso(foi_request.closed_at),
        "appeals": [
            {
                "level": appeal.level.code,
                "reviewing_body": appeal.reviewing_body.slug if appeal.reviewing_body else None,
                "appealed_state": appeal.appealed_state,
                "grounds": appeal.grounds,
                "lodged_at": _iso(appeal.lodged_at),
                "due_at": _iso(appeal.due_at),
                "decision": appeal.decision or None,
                "reasons": appeal.reasons,
                "decided_at": _iso(appeal.decided_at),
            }
            for appeal in Appeal.objects.filter(foi_request=foi_request)
            .select_related("level", "reviewing_body")
            .order_by("lodged_at")
        ],
        "messages": [
            {
                "id": message.pk,
                "kind": message.kind,
                "audience": message.audience,
                "from_body": message.from_body.slug if message.from_body else None,
                "subject": message.subject,
                "text": message.text,
                "created_at": _iso(message.created_at),
                "file": f"messages/{number:04d}-{message.kind}.txt",
                "attachments": [files[attachment.pk] for attachment in message.attachments.all()],
            }
            for number, message in enumerate(messages, start=1)
        ],
        "audit": {
            "events": foi_request.audit_length,
            "head": foi_request.audit_head or GENESIS,
            "file": "audit/events.jsonl",
        },
    }
    if permissions.can_see_contact_details(foi_request, user):
        requester = foi_request.requester
        data["requester"] = {
            **_person(requester),
            "postal_address": requester.postal_address,
            "phone": requester.phone,
        }
    return data


def _message_text(message) -> str:
    lines = [
        f"{_('Date')}: {message.created_at.isoformat()}",
        f"{_('Kind')}: {message.get_kind_display()}",
        f"{_('Audience')}: {message.get_audience_display()}",
    ]
    if message.subject:
        lines.append(f"{_('Subject')}: {message.subject}")
    return "\n".join(lines) + "\n\n" + (message.text or "") + "\n"


def _event_lines(foi_request, user) -> str:
    """Every event of the chain; an event this person may not see is there as its hashes only."""
    from foi.models import CaseEvent

    visible = {event.pk for event in selectors.case_event_list(foi_request=foi_request, user=user)}
    lines = []
    for event in CaseEvent.objects.filter(foi_request=foi_request).order_by("seq"):
        row = {"seq": event.seq, "prev_hash": event.prev_hash, "hash": event.hash}
        if event.pk in visible:
            row.update(
                kind=event.kind,
                at=event.created_at.isoformat(),
                from_state=event.from_state,
                to_state=event.to_state,
                canonical=event.canonical(),
            )
        else:
            row["withheld"] = True
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


def _latest_proof(foi_request) -> dict | None:
    """The proof that the chain was in the latest published root, if it was in one."""
    from foi.selectors.audit_roots import audit_root_list
    from foi.services.audit_roots import audit_proof

    latest = audit_root_list().values_list("date", flat=True).first()
    if latest is None or not foi_request.reference:
        return None
    try:
        return audit_proof(foi_request=foi_request, day=latest)
    except InvalidInput:
        return None


def _verify_note(foi_request, withheld: bool, proof: dict | None = None) -> str:
    text = [
        _("How to verify this case file"),
        "",
        _(
            "Every step of request %(reference)s was written to an append-only trail. Each event "
            "in audit/events.jsonl carries the hash of the event before it, and its own hash is "
            "SHA-256 of that previous hash followed by the event's canonical JSON (the field "
            "'canonical'). The first event follows 64 zeros."
        )
        % {"reference": foi_request.reference},
        "",
        _("To check it, run: python3 audit/verify.py audit/events.jsonl"),
        "",
        _(
            "The last hash must equal the head recorded on the request when this file was made: "
            "%(head)s (%(count)s events). Ask the portal for a new case file later: if an earlier "
            "event had changed, its hashes would no longer match the ones here."
        )
        % {"head": foi_request.audit_head or GENESIS, "count": foi_request.audit_length},
    ]
    if proof is not None:
        text += [
            "",
            _(
                "audit/proof.json shows that the chain, as %(date)s ended, was one leaf of the "
                "Merkle tree whose root the portal published that day (%(root)s, on the page "
                "/audit/roots/ and its feed). To check it against the root you saw published "
                "yourself, run: python3 audit/verify.py audit/events.jsonl audit/proof.json ROOT"
            )
            % {"date": proof["date"], "root": proof["root"]["tree_root"]},
        ]
    if withheld:
        text += [
            "",
            _(
                "Some events are shown by their hashes only, because you may not see them; the "
                "chain's links can still be checked, their content cannot."
            ),
        ]
    return "\n".join(text) + "\n"


def case_file_zip(*, foi_request: FOIRequest, user) -> io.BytesIO:
    """The case file as this person may see it (the caller has checked
    ``permissions.can_download_case_file``)."""
    messages = selectors.message_list(foi_request=foi_request, user=user)
    files = {}
    for message in messages:
        for attachment in message.attachments.all():
            files[attachment.pk] = {
                "name": attachment.original_name,
                "content_type": attachment.content_type,
                "size": attachment.size,
                "sha256": attachment.sha256,
                "approved": attachment.approved,
                "ocr": selectors.attachment_ocr_progress(attachment),
                "file": f"attachments/{message.pk}-{attachment.pk}-"
                f"{_safe_name(attachment.original_name)}",
            }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        case = _case_json(foi_request, user, messages, files)
        archive.writestr("case.json", json.dumps(case, ensure_ascii=False, indent=2) + "\n")
        # The same case in the open case format (docs/case-format.md), for other systems.
        document = case_format.case_document(foi_request=foi_request, user=user)
        archive.writestr(
            f"case-{case_format.MAJOR}.json",
            json.dumps(document, ensure_ascii=False, indent=2) + "\n",
        )
        for number, message in enumerate(messages, start=1):
            archive.writestr(f"messages/{number:04d}-{message.kind}.txt", _message_text(message))
            for attachment in message.attachments.all():
                with attachment.file.open("rb") as handle:
                    archive.writestr(files[attachment.pk]["file"], handle.read())
        events = _event_lines(foi_request, user)
        archive.writestr("audit/events.jsonl", events)
        archive.writestr("audit/verify.py", verifier_source())
        proof = _latest_proof(foi_request)
        if proof is not None:
            archive.writestr("audit/proof.json", json.dumps(proof, indent=2) + "\n")
        archive.writestr(
            "audit/VERIFY.txt", _verify_note(foi_request, '"withheld"' in events, proof)
        )
    buffer.seek(0)
    return buffer


def case_file_name(foi_request) -> str:
    stamp = timezone.localdate().isoformat()
    return f"{_safe_name(foi_request.reference)}-case-file-{stamp}.zip"
