"""Text from scans: a scan stored on a message is read by OCR in a task, with its state on the
file; the file as received never changes; a failure or a missing Tesseract says so and loses
nothing; a restart or a late install is caught up by foi_ocr_pending."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from core import clock, files, ocr
from demo.files import demo_file
from foi import services
from foi.models import Attachment, OCRStatus, State
from foi.services.ocr import attachment_ocr_run, attachments_ocr_resume
from tests.scans import require_tesseract, scan_pdf, scan_png

NOT_INSTALLED = "this scan is not searchable: text recognition is not installed on this server"


def answer(world, files, committed):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    with committed():
        services.foi_request_answer(
            foi_request=foi_request, actor=world.officer, outcome="full", text="Here.", files=files
        )
    return foi_request


@pytest.fixture
def no_tesseract(settings):
    settings.FOI_TESSERACT_COMMAND = "/nonexistent/tesseract"


def test_a_scan_is_read_and_the_file_as_received_is_kept(world, committed):
    require_tesseract()
    scan = scan_pdf(pages=2)
    answer(world, [("skan.pdf", scan)], committed)
    attachment = Attachment.objects.get()
    assert attachment.ocr_status == OCRStatus.DONE
    assert (attachment.ocr_pages_done, attachment.ocr_pages_total) == (2, 2)
    assert "hakimiyyətinin" in attachment.extracted_text
    # The original bytes and their SHA-256 (on the audit trail) are what was received.
    assert attachment.file.open("rb").read() == scan
    assert attachment.sha256 == files.sha256_of(scan)
    # The searchable copy is kept beside it, with the text over the same pages.
    searchable = PdfReader(io.BytesIO(attachment.ocr_file.open("rb").read()))
    assert len(searchable.pages) == 2
    assert "Küçələrin" in searchable.pages[1].extract_text()


def test_an_image_is_read_too(world, committed):
    require_tesseract()
    answer(world, [("foto.png", scan_png())], committed)
    attachment = Attachment.objects.get()
    assert attachment.ocr_status == OCRStatus.DONE
    assert "çərşənbə" in attachment.extracted_text


def test_a_file_with_a_text_layer_is_not_read_again(world, committed):
    with mock.patch("foi.tasks.attachment_ocr_task") as task:
        answer(world, [("budget.pdf", demo_file("budget-execution-2025.pdf"))], committed)
    task.enqueue.assert_not_called()
    attachment = Attachment.objects.get()
    assert attachment.ocr_status == OCRStatus.NOT_NEEDED
    assert not attachment.ocr_file


def test_the_task_is_queued_after_commit_only(world, committed):
    with mock.patch("foi.tasks.attachment_ocr_task") as task:
        foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
        with committed():
            services.foi_request_answer(
                foi_request=foi_request,
                actor=world.officer,
                outcome="full",
                text="Here.",
                files=[("skan.pdf", scan_pdf())],
            )
            task.enqueue.assert_not_called()
    attachment = Attachment.objects.get()
    assert attachment.ocr_pages_total == 1
    if ocr.tesseract_available():
        assert attachment.ocr_status == OCRStatus.PENDING
        task.enqueue.assert_called_once_with(attachment.pk)
    else:
        assert attachment.ocr_status == OCRStatus.UNAVAILABLE
        task.enqueue.assert_not_called()


def test_without_tesseract_the_scan_stays_name_only_and_the_page_says_so(
    client, world, committed, no_tesseract
):
    scan = scan_pdf()
    foi_request = answer(world, [("skan.pdf", scan)], committed)
    attachment = Attachment.objects.get()
    assert attachment.ocr_status == OCRStatus.UNAVAILABLE
    assert attachment.file.open("rb").read() == scan
    services.attachment_approve(attachment=attachment, actor=world.officer)
    page = client.get(f"/requests/{foi_request.reference}/").content.decode()
    assert "skan.pdf" in page
    assert NOT_INSTALLED in page


def test_a_failed_reading_says_so_and_loses_nothing(client, world, committed):
    require_tesseract()
    broken = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # a PNG in name only: Pillow cannot open it
    foi_request = answer(world, [("foto.png", broken)], committed)
    attachment = Attachment.objects.get()
    assert attachment.ocr_status == OCRStatus.FAILED
    assert "cannot be opened" in attachment.ocr_error
    assert attachment.file.open("rb").read() == broken
    assert attachment.sha256 == files.sha256_of(broken)
    assert attachment.extracted_text == ""
    client.force_login(world.requester)
    page = client.get(f"/requests/{foi_request.reference}/").content.decode()
    assert "foto.png" in page
    assert "the text of this scan could not be read: it is found by its name only" in page


def test_an_unexpected_error_is_a_failed_status_too(world, committed):
    scan = scan_pdf()
    with mock.patch("foi.tasks.attachment_ocr_task"):
        answer(world, [("skan.pdf", scan)], committed)
    attachment = Attachment.objects.get()
    Attachment.objects.filter(pk=attachment.pk).update(ocr_status=OCRStatus.PENDING)
    with mock.patch("core.ocr.ocr_file", side_effect=MemoryError("out of memory")):
        assert attachment_ocr_run(attachment_id=attachment.pk) == OCRStatus.FAILED
    attachment.refresh_from_db()
    assert attachment.ocr_error == "MemoryError: out of memory"
    assert attachment.file.open("rb").read() == scan


def test_progress_is_shown_to_the_parties_and_an_unapproved_scan_to_nobody_else(
    client, world, committed
):
    with mock.patch("foi.tasks.attachment_ocr_task"):
        foi_request = answer(world, [("skan.pdf", scan_pdf())], committed)
    Attachment.objects.update(ocr_status=OCRStatus.RUNNING, ocr_pages_done=3, ocr_pages_total=10)
    url = f"/requests/{foi_request.reference}/"
    client.force_login(world.requester)
    assert "reading the text of the scan: 3 of 10 pages" in client.get(url).content.decode()
    for viewer in (None, world.other_officer):
        client.logout()
        if viewer:
            client.force_login(viewer)
        page = client.get(url).content.decode()
        assert "skan.pdf" not in page
        assert "reading the text of the scan" not in page


def test_a_second_run_of_the_same_file_does_nothing(world, committed):
    with mock.patch("foi.tasks.attachment_ocr_task"):
        answer(world, [("skan.pdf", scan_pdf())], committed)
    attachment = Attachment.objects.get()
    Attachment.objects.update(ocr_status=OCRStatus.RUNNING, ocr_updated_at=clock.now())
    assert attachment_ocr_run(attachment_id=attachment.pk) == ""
    Attachment.objects.update(ocr_status=OCRStatus.DONE)
    assert attachment_ocr_run(attachment_id=attachment.pk) == ""


def test_a_restart_is_caught_up_by_foi_ocr_pending(world, committed, settings):
    require_tesseract()
    with mock.patch("foi.tasks.attachment_ocr_task"):
        answer(world, [(name, scan_pdf()) for name in ("a.pdf", "b.pdf", "c.pdf")], committed)
    a, b, c = Attachment.objects.order_by("id")
    long_ago = clock.now() - datetime.timedelta(minutes=31)
    # a: queued, but the queue lost it; b: a worker died on page 1; c: being read right now.
    Attachment.objects.filter(pk=a.pk).update(ocr_status=OCRStatus.PENDING, ocr_updated_at=long_ago)
    Attachment.objects.filter(pk=b.pk).update(
        ocr_status=OCRStatus.RUNNING, ocr_pages_done=1, ocr_updated_at=long_ago
    )
    Attachment.objects.filter(pk=c.pk).update(
        ocr_status=OCRStatus.RUNNING, ocr_updated_at=clock.now()
    )
    out = io.StringIO()
    call_command("foi_ocr_pending", stdout=out)
    assert "2 scan(s) queued for text recognition." in out.getvalue()
    statuses = dict(Attachment.objects.values_list("pk", "ocr_status"))
    assert statuses == {a.pk: OCRStatus.DONE, b.pk: OCRStatus.DONE, c.pk: OCRStatus.RUNNING}


def test_scans_stored_without_tesseract_are_read_once_it_is_installed(world, committed, settings):
    require_tesseract()
    settings.FOI_TESSERACT_COMMAND = "/nonexistent/tesseract"
    answer(world, [("skan.pdf", scan_pdf())], committed)
    assert Attachment.objects.get().ocr_status == OCRStatus.UNAVAILABLE
    assert attachments_ocr_resume() == 0
    settings.FOI_TESSERACT_COMMAND = ""
    assert attachments_ocr_resume() == 1
    attachment = Attachment.objects.get()
    assert attachment.ocr_status == OCRStatus.DONE
    assert "hakimiyyətinin" in attachment.extracted_text


def searchable_url(foi_request, attachment):
    args = [foi_request.reference, attachment.pk]
    return reverse("foi:attachment_searchable_download", args=args)


def test_the_searchable_copy_is_downloaded_by_whoever_may_download_the_file(
    client, world, committed
):
    require_tesseract()
    foi_request = answer(world, [("skan 2026.pdf", scan_pdf())], committed)
    attachment = Attachment.objects.get()
    url = searchable_url(foi_request, attachment)
    # Not approved: the public, and an officer of another body, do not get it; the parties do.
    assert client.get(url).status_code == 404
    client.force_login(world.other_officer)
    assert client.get(url).status_code == 404
    client.force_login(world.requester)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="skan 2026-text.pdf"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert "hakimiyyətinin" in PdfReader(io.BytesIO(content)).pages[0].extract_text()
    # Approved: the public gets it, linked from the case page.
    services.attachment_approve(attachment=attachment, actor=world.officer)
    client.logout()
    page = client.get(f"/requests/{foi_request.reference}/").content.decode()
    assert url in page
    assert client.get(url).status_code == 200


def test_there_is_no_searchable_copy_of_a_file_that_was_not_read(client, world, committed):
    with mock.patch("foi.tasks.attachment_ocr_task"):
        foi_request = answer(world, [("skan.pdf", scan_pdf())], committed)
    attachment = Attachment.objects.get()
    services.attachment_approve(attachment=attachment, actor=world.officer)
    url = searchable_url(foi_request, attachment)
    assert client.get(url).status_code == 404
    assert url not in client.get(f"/requests/{foi_request.reference}/").content.decode()
    # Another request's reference, or a file that does not exist: 404 too.
    other = world.request(State.IN_PROGRESS)
    bad = reverse("foi:attachment_searchable_download", args=[other.reference, attachment.pk])
    assert client.get(bad).status_code == 404
    missing = reverse("foi:attachment_searchable_download", args=[foi_request.reference, 999999])
    assert client.get(missing).status_code == 404


def test_foi_ocr_pending_says_when_tesseract_is_missing(world, no_tesseract):
    out, err = io.StringIO(), io.StringIO()
    call_command("foi_ocr_pending", stdout=out, stderr=err)
    assert "0 scan(s) queued" in out.getvalue()
    assert "not installed" in err.getvalue()
