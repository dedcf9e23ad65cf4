"""An Azerbaijani scan is found by search for one of its words once OCR has read it."""

from unittest import mock

from foi.models import Attachment, OCRStatus
from foi.services.ocr import attachment_ocr_run
from search import search
from tests.scans import require_tesseract, scan_pdf


def found(query):
    return [hit.object_id for hit in search(query).hits]


def test_an_azerbaijani_scan_is_found_by_one_of_its_words_after_ocr(world, answered):
    require_tesseract()
    foi_request = answered("Büdcə icrası", files=[("skan-2026.pdf", scan_pdf())])
    attachment = Attachment.objects.get()
    assert attachment.ocr_status == OCRStatus.DONE
    assert found("kəndlərinə") == [str(foi_request.pk)]
    assert found("hakimiyyətinin") == [str(foi_request.pk)]


def test_a_scan_read_after_its_approval_is_indexed_again(world, answered, committed):
    """The reading may end after the file was published (a long scan, a busy worker): the
    request is indexed again when it does."""
    require_tesseract()
    with mock.patch("foi.tasks.attachment_ocr_task"):
        foi_request = answered("Su xətti", files=[("skan.pdf", scan_pdf())])
    attachment = Attachment.objects.get()
    assert attachment.approved and attachment.ocr_status == OCRStatus.PENDING
    assert found("kəndlərinə") == []
    with committed():
        attachment_ocr_run(attachment_id=attachment.pk)
    assert found("kəndlərinə") == [str(foi_request.pk)]


def test_an_unapproved_scan_is_read_but_not_searchable(world, answered):
    require_tesseract()
    answered("Gizli", files=[("skan.pdf", scan_pdf())], approve=False)
    assert Attachment.objects.get().ocr_status == OCRStatus.DONE
    assert found("kəndlərinə") == []
