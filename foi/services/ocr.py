"""Text from scans: a PDF without a text layer, or an image, is read by OCR (``core.ocr``) in a
background task, so that it is found by search (and read by screen readers, redacted by term).

The file as received is never changed: its bytes and SHA-256 stay what the audit trail records.
What OCR gives is derived data kept beside it: the text in ``extracted_text`` (which search
reads) and the searchable PDF in ``ocr_file``. No audit event: nothing about the request
changed.

States (``OCRStatus``): "" for a file that is not a scan (or has a text layer); ``pending``
once stored and queued; ``running`` with ``ocr_pages_done`` of ``ocr_pages_total`` saved after
every page; ``done``; ``failed`` with the reason in ``ocr_error``; ``unavailable`` when this
server has no Tesseract (``make run`` without it): the file is then found by its name only, and
``attachments_ocr_resume`` reads it once Tesseract is installed.

A redacted copy too long to read while the person waited is such a file too: the task gives it
a text layer through the redaction engine, checked like the copy (``_read``; docs/redaction.md).

A restart loses nothing: ``attachments_ocr_resume`` (the ``foi_ocr_pending`` command, and the
daily sweep) queues again a ``pending`` file not started within ``STALE_MINUTES`` and a
``running`` one whose last page was saved longer ago than that (a worker that died). The run
claims a file with one conditional UPDATE, so two tasks for the same file read it once.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q

from core import clock, ocr
from core.taskqueue import enqueue
from foi.models import Attachment, OCRStatus
from foi.signals import attachment_text_recognised

logger = logging.getLogger(__name__)

STALE_MINUTES = 30


def stale_minutes() -> int:
    return int(getattr(settings, "FOI_OCR_STALE_MINUTES", STALE_MINUTES))


def attachment_ocr_schedule(*, attachment: Attachment, content: bytes) -> None:
    """Mark a newly stored scan for reading and queue the task once the file has committed;
    nothing for a file with a text layer or of another kind. Without Tesseract the file is
    marked ``unavailable`` at once (the page says so)."""
    if attachment.inline or not ocr.needs_ocr(content, attachment.content_type):
        return
    status = OCRStatus.PENDING if ocr.tesseract_available() else OCRStatus.UNAVAILABLE
    Attachment.objects.filter(pk=attachment.pk).update(
        ocr_status=status,
        ocr_pages_total=ocr.page_count(content, attachment.content_type),
        ocr_pages_done=0,
        ocr_updated_at=clock.now(),
    )
    attachment.ocr_status = status
    if status == OCRStatus.PENDING:
        _queue_after_commit(attachment.pk)


def _queue_after_commit(attachment_id: int) -> None:
    from foi.tasks import attachment_ocr_task

    transaction.on_commit(lambda: enqueue(attachment_ocr_task, attachment_id))


def _claim(attachment_id: int) -> bool:
    """Take the file for this run: pending, or running with no page saved for a while."""
    now = clock.now()
    stale = now - datetime.timedelta(minutes=stale_minutes())
    return bool(
        Attachment.objects.filter(pk=attachment_id)
        .filter(
            Q(ocr_status=OCRStatus.PENDING)
            | Q(ocr_status=OCRStatus.RUNNING, ocr_updated_at__lt=stale)
        )
        .update(ocr_status=OCRStatus.RUNNING, ocr_pages_done=0, ocr_updated_at=now, ocr_error="")
    )


def attachment_ocr_run(*, attachment_id: int) -> str:
    """Read one scan (the task's work). Returns the status it ends in; "" when another run has
    it or it needs nothing. A failure is a status with its reason, never a lost file."""
    if not _claim(attachment_id):
        return ""
    attachment = Attachment.objects.get(pk=attachment_id)
    rows = Attachment.objects.filter(pk=attachment_id)

    def progress(done: int, total: int) -> None:
        rows.update(ocr_pages_done=done, ocr_pages_total=total, ocr_updated_at=clock.now())

    try:
        result = _read(attachment, progress)
    except ocr.OCRUnavailable as error:
        logger.warning("OCR unavailable for attachment %s: %s", attachment_id, error)
        return _finish(rows, OCRStatus.UNAVAILABLE, str(error))
    except ocr.OCRFailed as error:
        logger.warning("OCR failed for attachment %s: %s", attachment_id, error)
        return _finish(rows, OCRStatus.FAILED, str(error))
    except Exception as error:
        logger.exception("OCR failed for attachment %s", attachment_id)
        return _finish(rows, OCRStatus.FAILED, f"{type(error).__name__}: {error}")
    with transaction.atomic():
        attachment.ocr_file.save("scan.pdf", ContentFile(result.pdf), save=False)
        rows.update(
            ocr_file=attachment.ocr_file.name,
            extracted_text=result.text,
            ocr_status=OCRStatus.DONE,
            ocr_pages_done=result.pages,
            ocr_pages_total=result.pages,
            ocr_updated_at=clock.now(),
            ocr_error="",
        )
        attachment.extracted_text = result.text
        attachment.ocr_status = OCRStatus.DONE
        _case_page_changed(rows)
        transaction.on_commit(
            lambda: attachment_text_recognised.send(sender=Attachment, attachment=attachment)
        )
    return OCRStatus.DONE


def _read(attachment: Attachment, progress) -> ocr.OCRResult:
    """OCR of a scan; for a redacted PDF copy, its text layer made by the redaction engine and
    checked like the copy (``redactions.redaction_text_layer``), so that a long copy gets in
    the background what a short one got at once."""
    from core.errors import InvalidInput
    from foi.models import Redaction

    record = (
        Redaction.objects.filter(redacted_id=attachment.pk).select_related("original").first()
        if attachment.content_type == "application/pdf"
        else None
    )
    if record is None:
        with attachment.file.open("rb") as handle:
            content = handle.read()
        return ocr.ocr_file(content, attachment.content_type, progress=progress)
    if not ocr.tesseract_available():
        raise ocr.OCRUnavailable("Tesseract is not installed.")
    from foi.services.redactions import redaction_text_layer

    record.redacted = attachment
    try:
        content, text = redaction_text_layer(record, progress=progress)
    except InvalidInput as error:
        raise ocr.OCRFailed(str(error)) from error
    return ocr.OCRResult(text=text, pdf=content, pages=attachment.ocr_pages_total or 0)


def _finish(rows, status: str, reason: str) -> str:
    rows.update(ocr_status=status, ocr_error=reason[:300], ocr_updated_at=clock.now())
    _case_page_changed(rows)
    return status


def _case_page_changed(rows) -> None:
    """The case page in the page cache says the reading's end at once (an UPDATE sends no
    signal). Not after every page: the status script asks for those (docs/redaction.md)."""
    from core import pagecache
    from foi.pagecache import request_generation

    reference = rows.values_list("message__foi_request__reference", flat=True).first()
    if reference:
        pagecache.bump(request_generation(reference))


def attachments_ocr_resume() -> int:
    """Queue again every scan a restart or an outage left behind (see the module's text), and
    the ``unavailable`` ones once Tesseract is installed. Returns how many were queued."""
    stale = clock.now() - datetime.timedelta(minutes=stale_minutes())
    waiting = Q(ocr_status__in=[OCRStatus.PENDING, OCRStatus.RUNNING], ocr_updated_at__lt=stale)
    waiting |= Q(ocr_status=OCRStatus.PENDING, ocr_updated_at__isnull=True)
    if ocr.tesseract_available():
        waiting |= Q(ocr_status=OCRStatus.UNAVAILABLE)
    ids = list(Attachment.objects.filter(waiting).order_by("id").values_list("pk", flat=True))
    from foi.tasks import attachment_ocr_task

    for attachment_id in ids:
        # A running file stays running (its run is claimed again once stale); the others wait.
        Attachment.objects.filter(pk=attachment_id).exclude(ocr_status=OCRStatus.RUNNING).update(
            ocr_status=OCRStatus.PENDING, ocr_updated_at=clock.now()
        )
        enqueue(attachment_ocr_task, attachment_id)
    return len(ids)
