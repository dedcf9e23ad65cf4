from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from foi import clock, files, permissions
from foi.models import Attachment
from foi.services.audit import case_event_record, save_audit_head
from foi.services.base import lock_request
from foi.services.errors import InvalidInput, NotPermitted


def attachment_create(*, message, name: str, content: bytes) -> Attachment:
    """Store a file on a message. Unapproved: nothing uploaded is public until approved.

    Only the kinds ``foi.files`` accepts by their content, up to ``FOI_ATTACHMENT_MAX_SIZE``.
    """
    try:
        files.check_size(name, len(content))
        sniffed = files.sniff(content, name)
    except files.UnsupportedFile as error:
        raise InvalidInput(str(error), errors={"files": [str(error)]}) from error
    attachment = Attachment(
        message=message,
        original_name=name[:255] or "file",
        content_type=sniffed.content_type,
        size=len(content),
        sha256=files.sha256_of(content),
        created_at=clock.now(),
    )
    attachment.file.save(f"upload{sniffed.extension}", ContentFile(content), save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


def attachment_approve(*, attachment: Attachment, actor) -> Attachment:
    """Approve a file for publication; recorded on the request's audit trail."""
    with transaction.atomic():
        locked = lock_request(attachment.message.foi_request)
        if not permissions.can_approve_attachment(locked, actor):
            raise NotPermitted(_("You may not approve files on this request."))
        attachment = (
            Attachment.objects.select_for_update(of=("self",))
            .select_related("message")
            .get(pk=attachment.pk)
        )
        if attachment.message.audience == "internal":
            raise InvalidInput(_("A file on an internal note stays inside the body."))
        if attachment.approved:
            return attachment
        now = clock.now()
        attachment.approved = True
        attachment.approved_by = actor
        attachment.approved_at = now
        attachment.save(update_fields=["approved", "approved_by", "approved_at"])
        case_event_record(
            foi_request=locked,
            kind="attachment_approved",
            actor=actor,
            from_state=locked.state,
            to_state=locked.state,
            audience="parties",
            message=attachment.message,
            data={"attachment": attachment.pk, "sha256": attachment.sha256},
            at=now,
        )
        save_audit_head(locked)
    return attachment


def attachment_store_extracted_text(*, attachment: Attachment, text: str) -> None:
    """Keep the text read from a file (by the search app, through
    ``foi.signals.attachment_text_extracted``) so that it is read once. Derived
    data: no audit event, and the file itself is untouched."""
    attachment.extracted_text = text
    type(attachment).objects.filter(pk=attachment.pk).update(extracted_text=text)


def on_attachment_text_extracted(sender, *, attachment: Attachment, text: str, **kwargs) -> None:
    """``foi.signals.attachment_text_extracted``'s receiver (connected in ``FoiConfig.ready``)."""
    attachment_store_extracted_text(attachment=attachment, text=text)
