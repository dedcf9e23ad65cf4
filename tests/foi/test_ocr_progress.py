"""Issue 21, point 4: the case page shows how far the reading of a file's text has got, and a
small script (static, under the strict CSP) asks a JSON address for it until it is done. The
address answers whoever sees the file on the page, and 404 to everyone else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from foi import services
from foi.models import Attachment, OCRStatus, State
from tests.redaction.documents import text_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[
            ("scan.pdf", text_pdf([[(72, 700, "One")]])),
            ("draft.pdf", text_pdf([[(72, 700, "Two")]])),
        ],
    )
    read, unread = Attachment.objects.filter(message__foi_request=foi_request).order_by("id")
    services.attachment_approve(attachment=read, actor=world.officer)
    for attachment in (read, unread):
        Attachment.objects.filter(pk=attachment.pk).update(
            ocr_status=OCRStatus.RUNNING,
            ocr_pages_done=2,
            ocr_pages_total=5,
            extracted_text="PRIVATE-OCR-TEXT",
            ocr_error="",
        )
    return foi_request, read, unread


def status_url(attachment):
    reference = attachment.message.foi_request.reference
    return reverse("foi:attachment_ocr_status", args=[reference, attachment.pk])


def test_the_page_says_the_progress_and_loads_the_script(client, case):
    foi_request, read, _unread = case
    page = client.get(reverse("foi:request_detail", args=[foi_request.reference])).content.decode()
    assert "reading the text of the scan: 2 of 5 pages" in page  # without script too
    assert f'data-ocr-status-url="{status_url(read)}"' in page
    assert "js/ocr-progress.js" in page
    assert "<script>" not in page  # no inline script (strict CSP)


def test_anyone_who_sees_the_file_gets_its_progress(client, case):
    _request, read, _unread = case
    response = client.get(status_url(read))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data == {
        "status": "running",
        "pages_done": 2,
        "pages_total": 5,
        "finished": False,
        "text": "reading the text of the scan: 2 of 5 pages",
    }


def test_when_done_the_script_is_told_to_stop(client, case):
    foi_request, read, _unread = case
    Attachment.objects.filter(pk=read.pk).update(ocr_status=OCRStatus.DONE, ocr_pages_done=5)
    data = client.get(status_url(read)).json()
    assert data["finished"] is True and data["status"] == "done"
    assert "searchable" in data["text"]
    page = client.get(reverse("foi:request_detail", args=[foi_request.reference])).content.decode()
    assert status_url(read) not in page


def test_an_unapproved_file_is_404_but_for_the_parties(client, world, case):
    _request, _read, unread = case
    assert client.get(status_url(unread)).status_code == 404
    client.force_login(world.citizen)
    assert client.get(status_url(unread)).status_code == 404
    client.force_login(world.other_officer)
    assert client.get(status_url(unread)).status_code == 404
    client.force_login(world.requester)
    assert client.get(status_url(unread)).json()["pages_done"] == 2
    client.force_login(world.officer)
    assert client.get(status_url(unread)).status_code == 200


def test_a_private_request_is_404(client, world, case):
    foi_request, read, _unread = case
    foi_request.visibility = "private"
    foi_request.save(update_fields=["visibility"])
    assert client.get(status_url(read)).status_code == 404
    client.force_login(world.citizen)
    assert client.get(status_url(read)).status_code == 404
    client.force_login(world.requester)
    assert client.get(status_url(read)).status_code == 200


def test_bad_addresses_are_404(client, world, case):
    foi_request, read, _unread = case
    other = world.request(State.IN_PROGRESS)
    assert (
        client.get(
            reverse("foi:attachment_ocr_status", args=[other.reference, read.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("foi:attachment_ocr_status", args=[foi_request.reference, 999999])
        ).status_code
        == 404
    )
    assert client.get(f"/requests/{foi_request.reference}/files/x/ocr-status/").status_code == 404


def test_the_text_never_leaves(client, world, case):
    _request, read, _unread = case
    client.force_login(world.requester)
    assert "PRIVATE-OCR-TEXT" not in client.get(status_url(read)).content.decode()


def test_the_end_of_the_reading_shows_at_once_on_a_cached_page(client, case, settings):
    """The page cache (on in the tests) keeps the anonymous case page; the reading's progress
    is saved by UPDATEs, which send no signal, so its end renews the page itself."""
    from foi.services.ocr import attachment_ocr_run

    foi_request, read, _unread = case
    page_url = reverse("foi:request_detail", args=[foi_request.reference])
    assert "2 of 5 pages" in client.get(page_url).content.decode()
    Attachment.objects.filter(pk=read.pk).update(ocr_status=OCRStatus.PENDING)
    settings.FOI_TESSERACT_COMMAND = "/nonexistent/tesseract"
    assert attachment_ocr_run(attachment_id=read.pk) == OCRStatus.UNAVAILABLE
    page = client.get(page_url).content.decode()
    assert "2 of 5 pages" not in page and "not installed on this server" in page
