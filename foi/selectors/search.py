"""What the search app reads of the request workflow, and nothing else of ``foi`` does it read:
``search`` imports ``foi`` through this module, ``foi.selectors`` and ``foi.signals`` only
(docs/architecture.md, "Search"). Everything here is a read, filtered by docs/permissions.md's
first column: public requests (``foi_request_public_qs``) that have an answer, a refusal or an
appeal decision, their public messages, and the files on them approved for publication. Never
drafts, private requests, parties-only messages, internal notes, unapproved files or anyone's
contact details.

The model classes are here for connecting signals (``post_save`` of a request, a message, a
file) and for typing, never for writing: the text search reads from a file is kept by foi itself
(``foi.signals.attachment_text_extracted``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from foi.models import (
    Attachment,
    Audience,
    FOIRequest,
    Message,
    MessageKind,
    Outcome,
    PublicBody,
    State,
)
from foi.models.i18n import translated_fields
from foi.privacy.masking import mask_text, requester_identifiers
from foi.selectors import foi_request_public_qs

__all__ = [
    "DECISION_KINDS",
    "Attachment",
    "FOIRequest",
    "Message",
    "body_names",
    "indexable_request_count",
    "indexable_requests",
    "is_draft",
    "is_indexable",
    "outcome_labels",
    "public_masker",
    "public_requests_by_id",
    "request_id_of_attachment",
]

DECISION_KINDS = (MessageKind.RESPONSE, MessageKind.REFUSAL, MessageKind.APPEAL_DECISION)

# What a request's document is built from, and what masks its requester (``public_masker``).
REQUEST_FIELDS = (
    "id",
    "reference",
    "subject",
    "text",
    "body_id",
    "outcome",
    "state",
    "submitted_at",
    "visibility",
    "private_until",
    "version",
    "public_name_choice",
    "public_name",
    "pseudonym",
    "requester__first_name",
    "requester__last_name",
    "requester__email",
    "requester__phone",
    "requester__postal_address",
)
BODY_NAME_FIELDS = ("id", *translated_fields("name"))


def _indexable_qs(*, after: int | None = None) -> QuerySet[FOIRequest]:
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


def indexable_request_count() -> int:
    return _indexable_qs().count()


# The events that end a request's time as a draft (its making and its sending): the request
# had no public decision before them, so it cannot be in the search index.
EVENTS_OF_A_DRAFT = frozenset({"created", "submit"})


def is_indexable(foi_request_id) -> bool:
    return _indexable_qs().filter(pk=foi_request_id).exists()


def indexable_requests(*, after: int | None = None) -> QuerySet[FOIRequest]:
    """The requests the index may hold, by id, each with what its document is built from:
    the fields of ``REQUEST_FIELDS`` and ``public_messages`` (each message's ``public_files``)."""
    return (
        _indexable_qs(after=after)
        .select_related("requester")
        .only(*REQUEST_FIELDS)
        .prefetch_related(_public_messages_prefetch())
        .order_by("pk")
    )


def _public_messages_prefetch() -> Prefetch:
    """Each request's public messages, each with only its approved files."""
    approved = Attachment.objects.filter(approved=True).order_by("id")
    messages = (
        Message.objects.filter(audience=Audience.PUBLIC)
        .only("id", "foi_request_id", "kind", "subject", "text", "created_at")
        .prefetch_related(Prefetch("attachments", queryset=approved, to_attr="public_files"))
        .order_by("created_at", "id")
    )
    return Prefetch("messages", queryset=messages, to_attr="public_messages")


def public_masker(foi_request: FOIRequest) -> Callable[[str], str]:
    """A text as the public may read it: the requester's contact details, and their real name
    under a pseudonym or a withheld name, replaced (``foi.privacy.masking``). Reads the
    requester (select it with the request, as ``indexable_requests`` does)."""
    identifiers = requester_identifiers(foi_request)
    return lambda text: mask_text(text, identifiers)


def is_draft(foi_request: FOIRequest) -> bool:
    return foi_request.state == State.DRAFT


def request_id_of_attachment(attachment: Attachment) -> int | None:
    """The request a file belongs to (None when its message is gone with it)."""
    return (
        Message.objects.filter(pk=attachment.message_id)
        .values_list("foi_request_id", flat=True)
        .first()
    )


def public_requests_by_id(ids: Iterable[int]) -> dict[int, FOIRequest]:
    """Those of these requests the public may see, with their body and requester (a subject is
    shown masked, ``public_subject``)."""
    return foi_request_public_qs().select_related("body", "requester").in_bulk(list(ids))


def body_names(ids: Iterable[int]) -> dict[int, str]:
    """Bodies' names in the current language."""
    bodies = PublicBody.objects.filter(pk__in=list(ids)).order_by().only(*BODY_NAME_FIELDS)
    return {body.pk: body.name for body in bodies}


def outcome_labels() -> dict[str, str]:
    """Every outcome's value and its label (translatable)."""
    return dict(Outcome.choices)
