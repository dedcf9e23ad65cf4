"""Answered public requests as search documents, kept current by the workflow's events."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from foi.selectors import search as foi_reads
from foi.selectors.search import Attachment, FOIRequest, Message
from foi.signals import (
    attachment_text_extracted,
    attachment_text_recognised,
    case_event_committed,
)
from search import extraction
from search.documents import FilePart, IndexDocument

logger = logging.getLogger(__name__)

BATCH = 500


class RequestProvider:
    kind = "request"
    label = _("Requests")

    def queryset(self, *, after: int | None = None):
        return foi_reads.indexable_requests(after=after)

    def count(self) -> int:
        return foi_reads.indexable_request_count()

    def iter_documents(self) -> Iterator[IndexDocument]:
        last_pk = 0
        while True:
            batch = list(self.queryset(after=last_pk)[:BATCH])
            if not batch:
                return
            for foi_request in batch:
                yield self.build(foi_request)
            last_pk = batch[-1].pk

    def document_for(self, object_id: str) -> IndexDocument | None:
        foi_request = self.queryset().filter(pk=object_id).first()
        return self.build(foi_request) if foi_request else None

    def build(self, foi_request: FOIRequest) -> IndexDocument:
        messages = foi_request.public_messages
        # The index is public: it never holds the requester's identity, wherever it was typed.
        mask = foi_reads.public_masker(foi_request)
        parts = [mask(foi_request.text)]
        files = []
        decided_at = None
        for message in messages:
            if message.text and message.text != foi_request.text:
                text = "\n".join(p for p in (message.subject, message.text) if p)
                parts.append(mask(text))
            if message.kind in foi_reads.DECISION_KINDS:
                decided_at = message.created_at
            for attachment in message.public_files:
                files.append(
                    FilePart(
                        name=mask(attachment.original_name),
                        text=mask(_text_of(attachment)),
                        ref=f"attachment:{attachment.pk}",
                    )
                )
        return IndexDocument(
            kind=self.kind,
            object_id=str(foi_request.pk),
            url=reverse("foi:request_detail", args=[foi_request.reference]),
            title=mask(foi_request.subject),
            text="\n\n".join(parts),
            files=tuple(files),
            date=decided_at or foi_request.submitted_at,
            body_id=foi_request.body_id,
            outcome=foi_request.outcome,
            reference=foi_request.reference or "",
            extra={"state": foi_request.state},
        )

    # -- keeping the index current -----------------------------------------------------------

    def connect(self, on_change, on_remove) -> None:
        def event_committed(sender, event, **kwargs):
            if event.kind in foi_reads.EVENTS_OF_A_DRAFT:
                # The request was a draft until this event, so it is in no index, and only a
                # decision makes it indexable: a filing neither adds nor removes a document.
                return
            foi_request = event.foi_request
            if foi_reads.is_indexable(foi_request.pk):
                on_change(self.kind, str(foi_request.pk))
            elif not foi_reads.is_draft(foi_request):
                on_remove(self.kind, str(foi_request.pk))

        def request_saved(sender, instance, created, raw=False, **kwargs):
            # Whatever path made a request private (a service, the admin, a shell), it leaves
            # the index as soon as that commits, without waiting for a task.
            if raw or created or foi_reads.is_draft(instance) or instance.is_public:
                return
            pk = str(instance.pk)
            transaction.on_commit(lambda: on_remove(self.kind, pk))

        def refresh_after_commit(request_id) -> None:
            if request_id is None:  # the file went with its message
                return
            pk = str(request_id)
            transaction.on_commit(lambda: _refresh_now(self, pk, on_remove))

        def message_changed(sender, instance, created=False, raw=False, **kwargs):
            # A message edited, moved out of public view or deleted: rebuild its request now.
            # (A new message is indexed through its transition's event.)
            if not (raw or created):
                refresh_after_commit(instance.foi_request_id)

        def attachment_saved(sender, instance, created, raw=False, **kwargs):
            # A file unapproved leaves the index at once; an approval has its own event.
            if not (raw or created or instance.approved):
                refresh_after_commit(foi_reads.request_id_of_attachment(instance))

        def attachment_deleted(sender, instance, **kwargs):
            refresh_after_commit(foi_reads.request_id_of_attachment(instance))

        def text_recognised(sender, attachment, **kwargs):
            # A scan's text read by OCR (sent after commit): its request is indexed again
            # (the document holds only approved files, so an unapproved one adds nothing).
            request_id = foi_reads.request_id_of_attachment(attachment)
            if request_id and foi_reads.is_indexable(request_id):
                on_change(self.kind, str(request_id))

        uid = "search.request_provider"
        case_event_committed.connect(event_committed, weak=False, dispatch_uid=f"{uid}.event")
        post_save.connect(request_saved, sender=FOIRequest, weak=False, dispatch_uid=f"{uid}.req")
        post_save.connect(message_changed, sender=Message, weak=False, dispatch_uid=f"{uid}.msg")
        post_delete.connect(
            message_changed, sender=Message, weak=False, dispatch_uid=f"{uid}.msg_del"
        )
        post_save.connect(
            attachment_saved, sender=Attachment, weak=False, dispatch_uid=f"{uid}.file"
        )
        attachment_text_recognised.connect(
            text_recognised, weak=False, dispatch_uid=f"{uid}.file_text"
        )
        post_delete.connect(
            attachment_deleted, sender=Attachment, weak=False, dispatch_uid=f"{uid}.file_del"
        )


def _refresh_now(provider: RequestProvider, object_id: str, on_remove) -> None:
    from search.indexing import index_object

    try:
        index_object(provider.kind, object_id)
    except Exception:
        # The document could not be rebuilt: take it out rather than leave what was withdrawn.
        logger.exception("Rebuilding %s:%s failed; removing it", provider.kind, object_id)
        on_remove(provider.kind, object_id)


def _text_of(attachment: Attachment) -> str:
    """The file's text, read once: foi keeps what was read on the attachment when told
    (``attachment_text_extracted``; the write is foi's, search only reads)."""
    if attachment.extracted_text:
        return attachment.extracted_text
    try:
        with attachment.file.open("rb") as handle:
            content = handle.read()
    except OSError as error:
        logger.warning("Cannot open %s (attachment %s): %s", attachment, attachment.pk, error)
        return ""
    text = extraction.text_or_empty(
        content, attachment.original_name, what=f"attachment {attachment.pk}"
    )
    if text:
        attachment_text_extracted.send(sender=RequestProvider, attachment=attachment, text=text)
    return text
