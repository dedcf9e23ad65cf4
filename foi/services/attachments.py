from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import clock, files
from core.errors import Conflict, InvalidInput, NotPermitted
from foi import permissions
from foi.models import Attachment, Redaction
from foi.services.case import Entry, foi_request_append
from foi.services.ocr import attachment_ocr_schedule


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
    # A scan (a PDF without a text layer, an image) is read by OCR in a task after commit.
    attachment_ocr_schedule(attachment=attachment, content=content)
    return attachment


def refusal_to_publish(attachment: Attachment) -> str | None:
    """Why this file may not be published, as far as redaction is concerned: an original that
    has a redacted copy, or a copy that failed its checks. None when nothing stands in the way.
    ``attachment_approve`` and ``attachment_publish`` ask it (foi.services.redactions)."""
    if Redaction.objects.filter(original=attachment).exists():
        return _("This file has a redacted copy: publish the copy, the original stays private.")
    record = Redaction.objects.filter(redacted=attachment).first()
    if record is not None and not record.verified:
        return _("The redacted copy failed its checks and cannot be published: %(problems)s") % {
            "problems": " ".join(record.problems)
        }
    return None


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
        refusal = refusal_to_publish(approved)
        if refusal:
            raise Conflict(refusal)
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


LETTER_FILE_NOT_PUBLIC = gettext_lazy(
    "This file is on the body's letter, which only the parties read. Say first what the "
    "letter is: its files then go with the public entry, where you can publish them."
)
ALREADY_PUBLISHED = gettext_lazy("This file is already published.")

# Who published a file from a body's e-mailed reply, as the event records it.
PUBLISHED_BY_REQUESTER = "requester"
PUBLISHED_BY_MODERATOR = "moderator"
PUBLISHED_BY_OFFICER = "officer"


def _publisher(foi_request, actor) -> str:
    if permissions.is_requester(foi_request, actor) and permissions.can_publish_letter_file(
        foi_request, actor
    ):
        return PUBLISHED_BY_REQUESTER
    if permissions.is_moderator(actor):
        return PUBLISHED_BY_MODERATOR
    if permissions.can_approve_attachment(foi_request, actor):
        return PUBLISHED_BY_OFFICER
    raise NotPermitted(_("You may not publish files on this request."))


def attachment_publish(*, attachment: Attachment, actor) -> Attachment:
    """Publish a file that came with a body's e-mailed reply, after the person checked it for
    personal data (the warning screen): the requester of a request held by a body that answers
    by e-mail, a moderator, or the body's officer (``can_approve_attachment``).

    Only a file of a public entry is published: one on the body's letter itself, which the
    parties alone read, is published through the entry its classification makes. Recorded on
    the audit trail (kind ``attachment_published``) with who published which file.
    """
    published = attachment

    def write(locked, at):
        nonlocal published
        who = _publisher(locked, actor)
        published = (
            Attachment.objects.select_for_update(of=("self",))
            .select_related("message")
            .get(pk=attachment.pk)
        )
        message = published.message
        if message.foi_request_id != locked.pk:
            raise InvalidInput(_("This file is not on this request."))
        if message.audience == "internal":
            raise InvalidInput(_("A file on an internal note stays inside the body."))
        if message.audience != "public":
            raise Conflict(str(LETTER_FILE_NOT_PUBLIC))
        if who != PUBLISHED_BY_OFFICER and message.recorded_from_id is None:
            raise NotPermitted(
                _("Only the body's officers publish the files of entries they made themselves.")
            )
        if published.content_type == files.ZIP:
            raise InvalidInput(
                _(
                    "A ZIP archive is not published as it is: upload the files inside it one "
                    "by one, so that each is read and approved."
                )
            )
        if published.approved:
            raise Conflict(str(ALREADY_PUBLISHED))
        refusal = refusal_to_publish(published)
        if refusal:
            raise Conflict(refusal)
        published.approved = True
        published.approved_by = actor
        published.approved_at = at
        published.save(update_fields=["approved", "approved_by", "approved_at"])
        return Entry(
            message=message,
            data={
                "attachment": published.pk,
                "sha256": published.sha256,
                "name": published.original_name,
                "who": who,
            },
        )

    foi_request_append(
        foi_request=attachment.message.foi_request,
        actor=actor,
        kind="attachment_published",
        audience="parties",
        write=write,
    )
    return published


def attachment_store_extracted_text(*, attachment: Attachment, text: str) -> None:
    """Keep the text read from a file (by the search app, through
    ``foi.signals.attachment_text_extracted``) so that it is read once. Derived
    data: no audit event, and the file itself is untouched."""
    attachment.extracted_text = text
    type(attachment).objects.filter(pk=attachment.pk).update(extracted_text=text)


def on_attachment_text_extracted(sender, *, attachment: Attachment, text: str, **kwargs) -> None:
    """``foi.signals.attachment_text_extracted``'s receiver (connected in ``FoiConfig.ready``)."""
    attachment_store_extracted_text(attachment=attachment, text=text)
