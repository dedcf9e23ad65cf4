"""A case in the open format (foi.case_format.schema), as one viewer may see it.

Reads only, through the selectors that already filter by docs/permissions.md: the public gets
public messages and approved files with the requester's identity masked, no contact details,
no e-mail addresses and no event's canonical JSON (it names accounts); the requester no
internal notes; the body everything on its request. The caller has checked that the viewer may
see the request (``selectors.foi_request_get``: 404 otherwise).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from foi import permissions, selectors
from foi.case_format.schema import VERSION, schema_url
from foi.models import CaseEvent, InvokedExemption, MessageKind
from foi.models.audit import GENESIS
from foi.privacy.masking import mask_text, requester_identifiers

DECISION_KINDS = (MessageKind.RESPONSE, MessageKind.REFUSAL, MessageKind.REJECTION)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def viewer_of(foi_request, user) -> str:
    """Whose view the document is (the schema's ``viewer``)."""
    if permissions.is_requester(foi_request, user):
        return "requester"
    if permissions.is_member(user, foi_request.body_id):
        return "body"
    if permissions.is_reviewer(foi_request, user):
        return "reviewer"
    if permissions.is_person(user) and user.is_superuser:
        return "admin"
    return "public"


def _body(body) -> dict | None:
    return {"slug": body.slug, "name": body.name} if body else None


def _request(foi_request, user, mask) -> dict:
    internal = permissions.can_see_internal(foi_request, user)
    assignee = foi_request.assignee if internal and foi_request.assignee_id else None
    return {
        "reference": foi_request.reference,
        "url": reverse("foi:request_detail", args=[foi_request.reference]),
        "law": foi_request.law.code,
        "body": _body(foi_request.body),
        "subject": mask(foi_request.subject),
        "text": mask(foi_request.text),
        "state": foi_request.state,
        "outcome": foi_request.outcome or None,
        "urgency": foi_request.urgency,
        "access_form": foi_request.access_form,
        "visibility": foi_request.visibility,
        "private_until": _iso(foi_request.private_until),
        "public_name": foi_request.public_name,
        "submitted_at": _iso(foi_request.submitted_at),
        "received_at": _iso(foi_request.received_at),
        "due_at": _iso(foi_request.due_at),
        "first_response_at": _iso(foi_request.first_response_at),
        "closed_at": _iso(foi_request.closed_at),
        "extensions": foi_request.extensions_count,
        "assignee": {"id": assignee.pk, "name": str(assignee)} if assignee else None,
    }


def _requester(foi_request, user) -> dict | None:
    if not permissions.can_see_contact_details(foi_request, user):
        return None
    person = foi_request.requester
    return {
        "name": person.get_full_name(),
        "email": person.email if person.has_account else "",
        "phone": person.phone,
        "postal_address": person.postal_address,
        "organisation": person.organisation,
    }


def _message(message, reference: str, parties: bool) -> dict:
    has_email = bool(message.email_from or message.email_to)
    return {
        "id": message.pk,
        "kind": message.kind,
        "audience": message.audience,
        "from_body": _body(message.from_body),
        "subject": message.subject,
        "text": message.text,
        "created_at": message.created_at.isoformat(),
        "email": {
            "from": message.email_from,
            "to": message.email_to,
            "sender_unknown": message.sender_unknown,
        }
        if parties and has_email
        else None,
        "attachments": [
            {
                "id": attachment.pk,
                "name": attachment.original_name,
                "content_type": attachment.content_type,
                "size": attachment.size,
                "sha256": attachment.sha256,
                "approved": attachment.approved,
                "url": reverse("foi:attachment_download", args=[reference, attachment.pk]),
            }
            for attachment in message.attachments.all()
        ],
    }


def _decisions(messages, mask) -> list[dict]:
    decisions = [message for message in messages if message.kind in DECISION_KINDS]
    files = {a.pk for message in messages for a in message.attachments.all()}
    grounds: dict[int, list] = {}
    for invoked in (
        InvokedExemption.objects.filter(message__in=decisions)
        .select_related("exemption")
        .order_by("id")
    ):
        grounds.setdefault(invoked.message_id, []).append(invoked)
    return [
        {
            "message": message.pk,
            "kind": message.kind,
            "decided_at": message.created_at.isoformat(),
            "exemptions": [
                {
                    "code": invoked.exemption.code,
                    "article": invoked.exemption.article,
                    "title": invoked.exemption.title,
                    "note": mask(invoked.note),
                    "attachment": invoked.attachment_id if invoked.attachment_id in files else None,
                }
                for invoked in grounds.get(message.pk, [])
            ],
        }
        for message in decisions
    ]


def _appeals(foi_request, mask) -> list[dict]:
    return [
        {
            "level": appeal.level.code,
            "level_name": appeal.level.name,
            "reviewing_body": _body(appeal.reviewing_body),
            "appealed_state": appeal.appealed_state,
            "grounds": mask(appeal.grounds),
            "lodged_at": appeal.lodged_at.isoformat(),
            "due_at": _iso(appeal.due_at),
            "decision": appeal.decision or None,
            "reasons": mask(appeal.reasons),
            "decided_at": _iso(appeal.decided_at),
        }
        for appeal in selectors.appeal_list(foi_request=foi_request)
    ]


def _events(foi_request, user, public: bool, message_ids: set[int]) -> list[dict]:
    """Every event of the chain; one this viewer may not see is there by its hashes only."""
    visible = {event.pk for event in selectors.case_event_list(foi_request=foi_request, user=user)}
    rows = []
    for event in CaseEvent.objects.filter(foi_request=foi_request).order_by("seq"):
        shown = event.pk in visible
        rows.append(
            {
                "seq": event.seq,
                "prev_hash": event.prev_hash,
                "hash": event.hash,
                "withheld": not shown,
                "kind": event.kind if shown else None,
                "label": event.label if shown else None,
                "at": event.created_at.isoformat() if shown else None,
                "from_state": event.from_state if shown else None,
                "to_state": event.to_state if shown else None,
                "audience": event.audience if shown else None,
                "message": event.message_id if shown and event.message_id in message_ids else None,
                "canonical": event.canonical() if shown and not public else None,
            }
        )
    return rows


def case_document(*, foi_request, user) -> dict:
    """The case in the open format, with only what ``user`` may see of it."""
    viewer = viewer_of(foi_request, user)
    public = viewer == "public"
    identifiers = requester_identifiers(foi_request) if public else None

    def mask(text: str) -> str:
        return mask_text(text, identifiers)

    # Already filtered (audience, approved files) and, for the public, masked.
    messages = selectors.message_list(foi_request=foi_request, user=user)
    return {
        "format": schema_url(),
        "version": VERSION,
        "generated_at": timezone.now().isoformat(),
        "viewer": viewer,
        "request": _request(foi_request, user, mask),
        "requester": _requester(foi_request, user),
        "messages": [_message(m, foi_request.reference, not public) for m in messages],
        "decisions": _decisions(messages, mask),
        "appeals": _appeals(foi_request, mask),
        "audit": {
            "length": foi_request.audit_length,
            "head": foi_request.audit_head or GENESIS,
            "events": _events(foi_request, user, public, {m.pk for m in messages}),
        },
    }
