from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from core import clock, files
from core.errors import InvalidInput, NotPermitted
from foi import permissions
from foi.models import Attachment
from foi.services.case import Entry, foi_request_append


def attachment_create(
    *, message, name: str, content: bytes, inline: bool = False, archives: bool = False
) -> Attachment:
    """Store a file on a message. Unapproved: nothing uploaded is public until approved.

    Only the kinds ``core.files`` accepts by their content, up to ``FOI_ATTACHMENT_MAX_SIZE``;
    a ZIP archive only with ``archives`` (a file received by e-mail), its parts listed in
    ``contents``. ``inline``: an image shown inside the text of the e-mail it came with.
    """
    try:
        files.check_size(name, len(content))
        sniffed = files.sniff(content, name, archives=archives)
    except files.UnsupportedFile as error:
        raise InvalidInput(str(error), errors={"files": [str(error)]}) from error
    attachment = Attachment(
        message=message,
        original_name=name[:255] or "file",
        content_type=sniffed.content_type,
        size=len(content),
        sha256=files.sha256_of(content),
        inline=inline,
        contents=list(sniffed.contents),
        created_at=clock.now(),
    )
    attachment.file.save(f"upload{sniffed.extension}", ContentFile(content), save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


def attachment_approve(*, attachment: Attachment, actor) -> Attachment:
    """Approve a file for publication; recorded on the request's audit trail."""
    approved = attachment

    def write(locked, at):
        nonlocal approved
        if not permissions.can_approve_attachment(locked, actor):
            raise NotPermitted(_("You may not approve files on this request."))
        approved = (
            Attachment.objects.select_for_update(of=("self",))
            .select_related("message")
            .get(pk=attachment.pk)
        )
        if approved.message.audience == "internal":
            raise InvalidInput(_("A file on an internal note stays inside the body."))
        if approved.content_type == files.ZIP:
            raise InvalidInput(
                _(
                    "A ZIP archive is not published as it is: upload the files inside it one "
                    "by one, so that each is read and approved."
                )
            )
        if approved.approved:
            return None
        approved.approved = True
        approved.approved_by = actor
        approved.approved_at = at
        approved.save(update_fields=["approved", "approved_by", "approved_at"])
        return Entry(
            message=approved.message,
            data={"attachment": approved.pk, "sha256": approved.sha256},
        )

    foi_request_append(
        foi_request=attachment.message.foi_request,
        actor=actor,
        kind="attachment_approved",
        audience="parties",
        write=write,
    )
    return approved


def attachment_store_extracted_text(*, attachment: Attachment, text: str) -> None:
    """Keep the text read from a file (by the search app, through
    ``foi.signals.attachment_text_extracted``) so that it is read once. Derived
    data: no audit event, and the file itself is untouched."""
    attachment.extracted_text = text
    type(attachment).objects.filter(pk=attachment.pk).update(extracted_text=text)


def on_attachment_text_extracted(sender, *, attachment: Attachment, text: str, **kwargs) -> None:
    """``foi.signals.attachment_text_extracted``'s receiver (connected in ``FoiConfig.ready``)."""
    attachment_store_extracted_text(attachment=attachment, text=text)
