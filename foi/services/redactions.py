"""Redacted copies of a request's files (issue 21; docs/redaction.md).

Who may: ``permissions.can_redact_file`` (the body's officers; for a file from the e-mailed reply
of a body off the portal, the requester and the moderators).

``redaction_create`` burns the boxes into a new file (``redaction.pdf`` / ``redaction.images``,
Word and spreadsheets converted first by ``redaction.office``), checks it (``redaction.verify``)
and stores it as a new, unapproved file beside the original, with a ``Redaction`` record, an
``InvokedExemption`` per ground of the law, and an ``attachment_redacted`` event on the audit
trail carrying both SHA-256 sums and the grounds. The original is never published from then on
(``attachment_approve`` refuses it), and the copy is approved only if it passed the checks.

The work on the file happens before the request is locked: rendering and OCR take seconds, and
nobody else should wait for them.
"""

from __future__ import annotations

import os
from collections import Counter

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import files
from core.errors import InvalidInput, NotPermitted
from foi import permissions
from foi.models import (
    PERSONAL_DATA,
    Attachment,
    Exemption,
    InvokedExemption,
    Redaction,
)
from foi.services.attachments import attachment_create
from foi.services.case import Entry, foi_request_append
from redaction import images, office, verify
from redaction import pdf as pdf_redaction
from redaction.boxes import Box, check_boxes

__all__ = [
    "REDACTABLE_KINDS",
    "Box",
    "boxes_for_terms",
    "is_redactable",
    "reason_choices",
    "redaction_create",
    "redaction_text_layer",
]

PDF = "application/pdf"
OFFICE = {
    files.DOCX: ".docx",
    files.XLSX: ".xlsx",
    files.ODT: ".odt",
    files.ODS: ".ods",
    files.DOC: ".doc",
    files.XLS: ".xls",
    files.RTF: ".rtf",
}
REDACTABLE_KINDS = frozenset({PDF, *OFFICE, *images.FORMATS})


def is_redactable(attachment: Attachment) -> bool:
    """A file that may be redacted: not published, not itself a redacted copy, of a kind
    that can be (PDF, Word and spreadsheets, JPEG, PNG, TIFF)."""
    if attachment.approved or attachment.content_type not in REDACTABLE_KINDS:
        return False
    return not Redaction.objects.filter(redacted=attachment).exists()


def redactable_pdf(attachment: Attachment) -> bytes:
    """The file as a PDF to draw boxes on: a PDF as it is, Word and spreadsheets converted
    (or refused with a sentence when the server cannot convert them)."""
    content = _read(attachment)
    if attachment.content_type == PDF:
        return content
    if attachment.content_type in OFFICE:
        return office.to_pdf(content, extension=OFFICE[attachment.content_type])
    raise InvalidInput(_("Only PDF, Word, spreadsheet and image files can be redacted."))


def page_count(attachment: Attachment) -> int:
    """How many pages the redaction page shows of this file."""
    if attachment.content_type in images.FORMATS:
        return len(images.frames(_read(attachment)))
    return pdf_redaction.page_count(redactable_pdf(attachment))


def page_png(attachment: Attachment, number: int, *, dpi: int) -> bytes:
    """Page ``number`` (1-based) of the file as a PNG to draw boxes on; InvalidInput when
    there is no such page."""
    import io

    if attachment.content_type in images.FORMATS:
        frames = images.frames(_read(attachment))
        if not 1 <= number <= len(frames):
            raise InvalidInput(_("There is no such page."))
        image = frames[number - 1]
        image.thumbnail((1400, 1400))
    else:
        image = pdf_redaction.render_page(redactable_pdf(attachment), number, dpi=dpi)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _read(attachment: Attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


def reason_choices(foi_request) -> list[tuple[str, str]]:
    """What a box may be withheld for: personal data, or one of the grounds of the request's
    law (by its code)."""
    return [(PERSONAL_DATA, _("Personal data"))] + [
        (exemption.code, f"{exemption.article}: {exemption.title}")
        for exemption in Exemption.objects.filter(law_id=foi_request.law_id)
    ]


def _grounds(foi_request, boxes: list[Box]) -> tuple[list[dict], dict[str, Exemption]]:
    exemptions = {e.code: e for e in Exemption.objects.filter(law_id=foi_request.law_id)}
    counts = Counter(box.reason for box in boxes)
    grounds = []
    for reason, passages in counts.items():
        if reason != PERSONAL_DATA and reason not in exemptions:
            raise InvalidInput(
                _("%(reason)s is not a ground for withholding under this law.") % {"reason": reason}
            )
        exemption = exemptions.get(reason)
        grounds.append(
            {
                "reason": reason,
                "exemption": exemption.pk if exemption else None,
                "article": exemption.article if exemption else "",
                "passages": passages,
            }
        )
    return grounds, exemptions


def _log_lines(boxes: list[Box], exemptions: dict[str, Exemption]) -> list[str]:
    lines = []
    for number, box in enumerate(boxes, start=1):
        exemption = exemptions.get(box.reason)
        ground = f"{exemption.article}: {exemption.title}" if exemption else _("Personal data")
        lines.append(
            _("%(number)s. Page %(page)s: %(ground)s")
            % {"number": number, "page": box.page, "ground": ground}
        )
    return lines


def _redacted_name(name: str, extension: str) -> str:
    stem = os.path.splitext(name)[0] or "file"
    return f"{stem}-redacted{extension}"[:255]  # one name in every language of the site


def redaction_create(*, attachment: Attachment, actor, boxes: list[Box]) -> Redaction:
    """A redacted copy of ``attachment`` with ``boxes`` burnt in, verified, unapproved."""
    foi_request = attachment.message.foi_request
    if not permissions.can_redact_file(foi_request, actor, attachment):
        raise NotPermitted(_("You may not redact this file."))
    if hasattr(attachment, "redaction"):
        raise InvalidInput(_("This file is already a redacted copy: redact its original."))
    if attachment.approved:
        raise InvalidInput(
            _("This file is already published: withdrawing a published file is not redaction.")
        )
    grounds, exemptions = _grounds(foi_request, boxes)
    original = _read(attachment)
    title = _("Redactions")
    if attachment.content_type in images.FORMATS:
        pages = len(images.frames(original))
        check_boxes(boxes, page_count=pages)
        made = images.redact_image(original, attachment.content_type, boxes)
        content, text_layer = made.content, False
        extension = os.path.splitext(attachment.file.name)[1] or ".img"
        check = verify.verify_image(content, secrets=images.metadata_values(original))
    else:
        source = redactable_pdf(attachment)
        pages = pdf_redaction.page_count(source)
        check_boxes(boxes, page_count=pages)
        made = pdf_redaction.redact_pdf(
            source,
            boxes,
            log_title=title,
            log_lines=_log_lines(boxes, exemptions),
            ocr_text=pages <= settings.FOI_REDACTION_OCR_MAX_PAGES,
        )
        content, text_layer, extension = made.content, made.text_layer, ".pdf"
        check = verify.verify_pdf(content, boxes, pdf_redaction.text_under(source, boxes))

    record = None

    def write(locked, at):
        nonlocal record
        if not permissions.can_redact_file(locked, actor, attachment):
            raise NotPermitted(_("You may not redact this file."))
        copy = attachment_create(
            message=attachment.message,
            name=_redacted_name(attachment.original_name, extension),
            content=content,
        )
        record = Redaction.objects.create(
            original=attachment,
            redacted=copy,
            boxes=[box.as_dict() for box in boxes],
            grounds=grounds,
            original_sha256=attachment.sha256,
            redacted_sha256=copy.sha256,
            verified=check.passed,
            problems=check.problems,
            text_layer=text_layer,
            created_by=actor,
            created_at=at,
        )
        for ground in grounds:
            if ground["exemption"] is None:
                continue
            InvokedExemption.objects.create(
                foi_request=locked,
                message=attachment.message,
                exemption=exemptions[ground["reason"]],
                attachment=copy,
                note=ngettext(
                    "%(count)s passage withheld in %(name)s",
                    "%(count)s passages withheld in %(name)s",
                    ground["passages"],
                )
                % {"count": ground["passages"], "name": copy.original_name},
            )
        return Entry(
            message=attachment.message,
            data={
                "attachment": attachment.pk,
                "redacted": copy.pk,
                "sha256": attachment.sha256,
                "redacted_sha256": copy.sha256,
                "grounds": [
                    {"reason": g["reason"], "article": g["article"], "passages": g["passages"]}
                    for g in grounds
                ],
                "verified": check.passed,
            },
        )

    foi_request_append(
        foi_request=foi_request,
        actor=actor,
        kind="attachment_redacted",
        audience="parties",
        write=write,
    )
    return record


def boxes_for_terms(
    *, attachment: Attachment, terms: list[str], pattern_keys: list[str], reason: str
) -> list[Box]:
    """A box over every occurrence of each term and pattern in the file's text layer."""
    from redaction import patterns

    compiled = [patterns.term_pattern(term) for term in terms if term.strip()]
    for key in pattern_keys:
        if key not in patterns.PATTERNS:
            raise InvalidInput(_("There is no such pattern."))
        compiled.append(patterns.compile_pattern(key))
    if not compiled:
        raise InvalidInput(_("Type a term or choose a pattern to find."))
    if attachment.content_type in images.FORMATS:
        raise InvalidInput(_("An image has no text to search: draw the boxes on it."))
    return pdf_redaction.find_boxes(redactable_pdf(attachment), compiled, reason=reason)


def redaction_text_layer(record: Redaction, *, progress=None) -> tuple[bytes, str]:
    """A searchable PDF of a redacted copy made without a text layer (longer than
    ``FOI_REDACTION_OCR_MAX_PAGES``): built again from the copy's own page images with OCR's
    text over each (``redaction.pdf.add_text_layer``), and checked like the copy itself
    (``redaction.verify``, against the text under the boxes in the original). Returns the file
    and its text; InvalidInput with the checks' reasons when it fails them. The task that reads
    scans calls it for a redacted copy (``foi.services.ocr``), with ``progress(done, total)``."""
    with record.redacted.file.open("rb") as handle:
        copy = handle.read()
    content, text = pdf_redaction.add_text_layer(copy, progress=progress)
    boxes = [Box.from_dict(box) for box in record.boxes]
    covered = pdf_redaction.text_under(redactable_pdf(record.original), boxes)
    check = verify.verify_pdf(content, boxes, covered)
    if not check.passed:
        raise InvalidInput(" ".join(check.problems))
    return content, text
