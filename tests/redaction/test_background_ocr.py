"""Issue 21, point 2: a redacted copy too long to read while the person waited
(``FOI_REDACTION_OCR_MAX_PAGES``) gets its text in a background task, queued through the task
mechanism (kept in the database while the queue is down, caught up after a restart), with its
progress on the file; the searchable PDF passes the same checks as the copy or is not kept."""

from __future__ import annotations

import datetime
import io
from unittest import mock

import pikepdf
import pytest

from core import clock
from core.models import DeferredTask
from core.taskqueue import requeue_deferred
from foi import services
from foi.models import Attachment, OCRStatus, State
from foi.services import redactions
from foi.services.ocr import attachment_ocr_run, attachments_ocr_resume
from redaction import pdf as redact
from redaction import verify
from tests.redaction.documents import box_over, text_pdf
from tests.scans import require_tesseract

pytestmark = pytest.mark.django_db

SECRET = "Aysel Mammadova"


def long_pdf() -> bytes:
    return text_pdf(
        [
            [(72, 700, "The minister decided"), (72, 600, f"Complainant: {SECRET}")],
            [(72, 700, "Annual budget report")],
        ]
    )


@pytest.fixture
def original(world, settings, committed):
    settings.FOI_REDACTION_OCR_MAX_PAGES = 1  # two pages: too long to read at once
    with committed():
        foi_request = services.foi_request_answer(
            foi_request=world.request(State.IN_PROGRESS),
            actor=world.officer,
            outcome="full",
            text="Here.",
            files=[("decision.pdf", long_pdf())],
        )
    return Attachment.objects.get(message__foi_request=foi_request)


def redact_it(world, original, committed):
    with committed():
        return redactions.redaction_create(
            attachment=original, actor=world.officer, boxes=[box_over(160, 600, 120)]
        )


def test_a_long_copy_is_queued_and_read_with_its_progress(world, original, committed):
    require_tesseract()
    with mock.patch("foi.tasks.attachment_ocr_task") as task:
        record = redact_it(world, original, committed)
    copy = Attachment.objects.get(pk=record.redacted_id)
    assert not record.text_layer  # not read while the officer waited
    assert copy.ocr_status == OCRStatus.PENDING
    assert copy.ocr_pages_total == 3  # two pages and the list of boxes
    task.enqueue.assert_called_once_with(copy.pk)

    seen = []
    real_update = Attachment.objects.filter(pk=copy.pk).update

    with mock.patch("foi.services.ocr.Attachment.objects.filter") as rows:
        rows.return_value.update.side_effect = lambda **kwargs: (
            seen.append(kwargs.get("ocr_pages_done")),
            real_update(**kwargs),
        )[1]
        # Only the rows of this file are touched; the claim and the read go through them.
        rows.return_value.filter.return_value.update.side_effect = lambda **kwargs: real_update(
            **kwargs
        )
        status = attachment_ocr_run(attachment_id=copy.pk)
    assert status == OCRStatus.DONE
    assert [done for done in seen if done is not None][:3] == [1, 2, 3]

    copy.refresh_from_db()
    assert (copy.ocr_status, copy.ocr_pages_done, copy.ocr_pages_total) == (OCRStatus.DONE, 3, 3)
    assert "minister" in copy.extracted_text and "budget" in copy.extracted_text
    assert "Mammadova" not in copy.extracted_text
    # The copy on the audit trail is unchanged; the searchable one is beside it, and clean.
    assert copy.sha256 == record.redacted_sha256
    searchable = copy.ocr_file.open("rb").read()
    assert SECRET.encode() not in searchable
    boxes = [box_over(160, 600, 120)]
    covered = redact.text_under(long_pdf(), boxes)
    assert verify.verify_pdf(searchable, boxes, covered).passed
    with pikepdf.open(io.BytesIO(searchable)) as pdf:
        assert len(pdf.pages) == 3 and not pdf.docinfo.keys()


def test_a_searchable_copy_that_fails_the_checks_is_not_kept(world, original, committed):
    require_tesseract()
    with mock.patch("foi.tasks.attachment_ocr_task"):
        record = redact_it(world, original, committed)
    failed = verify.Verification()
    failed.fail("Box 1 on page 1: its text is still in the file (test).")
    with mock.patch.object(verify, "verify_pdf", return_value=failed):
        assert attachment_ocr_run(attachment_id=record.redacted_id) == OCRStatus.FAILED
    copy = Attachment.objects.get(pk=record.redacted_id)
    assert not copy.ocr_file and copy.extracted_text == ""
    assert "Box 1 on page 1" in copy.ocr_error


def test_without_tesseract_the_copy_waits_for_it(world, original, committed, settings):
    settings.FOI_TESSERACT_COMMAND = "/nonexistent/tesseract"
    with mock.patch("foi.tasks.attachment_ocr_task") as task:
        record = redact_it(world, original, committed)
    copy = Attachment.objects.get(pk=record.redacted_id)
    assert copy.ocr_status == OCRStatus.UNAVAILABLE
    task.enqueue.assert_not_called()


def test_the_queue_down_loses_nothing_and_a_restart_catches_up(world, original, committed):
    require_tesseract()
    with mock.patch("core.taskqueue._submit", side_effect=ConnectionError("redis down")):
        record = redact_it(world, original, committed)
    kept = DeferredTask.objects.get(task_path="foi.tasks.attachment_ocr_task")
    assert kept.args == [record.redacted_id]
    assert Attachment.objects.get(pk=record.redacted_id).ocr_status == OCRStatus.PENDING

    # The queue answers again (the immediate backend runs the task at once).
    handed, waiting = requeue_deferred()
    assert handed >= 1 and waiting == 0
    assert Attachment.objects.get(pk=record.redacted_id).ocr_status == OCRStatus.DONE


def test_a_worker_that_died_is_caught_up(world, original, committed):
    require_tesseract()
    with mock.patch("foi.tasks.attachment_ocr_task"):
        record = redact_it(world, original, committed)
    long_ago = clock.now() - datetime.timedelta(hours=2)
    Attachment.objects.filter(pk=record.redacted_id).update(
        ocr_status=OCRStatus.RUNNING, ocr_pages_done=1, ocr_updated_at=long_ago
    )
    assert attachments_ocr_resume() >= 1
    copy = Attachment.objects.get(pk=record.redacted_id)
    assert (copy.ocr_status, copy.ocr_pages_done) == (OCRStatus.DONE, 3)
