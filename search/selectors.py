"""What the search index may hold, read through ``foi.selectors`` and docs/permissions.md's first
column: public requests (``foi_request_public_qs``) that have an answer, a refusal or an appeal
decision, their public messages, and the files on them approved for publication. Never drafts,
private requests, parties-only messages, internal notes, unapproved files or anyone's contact
details."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from foi.models import Attachment, Audience, FOIRequest, Message, MessageKind
from foi.selectors import foi_request_public_qs

DECISION_KINDS = (MessageKind.RESPONSE, MessageKind.REFUSAL, MessageKind.APPEAL_DECISION)


def indexable_requests_qs(*, after: int | None = None) -> QuerySet[FOIRequest]:
    """Public requests with a public decision. ``after``: only those with a greater id, said
    on both sides of the join, or PostgreSQL merges every message from the first request on
    for each batch (indexing a million requests slowed to 76 a second)."""
    decided = Message.objects.filter(
        foi_request=OuterRef("pk"), audience=Audience.PUBLIC, kind__in=DECISION_KINDS
    )
    requests = foi_request_public_qs()
    if after is not None:
        decided = decided.filter(foi_request_id__gt=after)
        requests = requests.filter(pk__gt=after)
    return requests.filter(Exists(decided))


def public_messages_prefetch() -> Prefetch:
    """Each request's public messages, each with only its approved files."""
    approved = Attachment.objects.filter(approved=True).order_by("id")
    messages = (
        Message.objects.filter(audience=Audience.PUBLIC)
        .only("id", "foi_request_id", "kind", "subject", "text", "created_at")
        .prefetch_related(Prefetch("attachments", queryset=approved, to_attr="public_files"))
        .order_by("created_at", "id")
    )
    return Prefetch("messages", queryset=messages, to_attr="public_messages")
