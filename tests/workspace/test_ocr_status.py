"""The workspace's file list says where the reading of a scan stands."""

from unittest import mock

import pytest

from foi import services
from foi.models import Attachment, OCRStatus, State
from tests.scans import scan_pdf
from tests.workspace.conftest import case_url


@pytest.fixture
def scan_answer(world, committed):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    with mock.patch("foi.tasks.attachment_ocr_task"), committed():
        services.foi_request_answer(
            foi_request=foi_request,
            actor=world.officer,
            outcome="full",
            text="Here.",
            files=[("skan.pdf", scan_pdf())],
        )
    return foi_request


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        (
            {"ocr_status": OCRStatus.RUNNING, "ocr_pages_done": 3, "ocr_pages_total": 10},
            "reading the text of the scan: 3 of 10 pages",
        ),
        ({"ocr_status": OCRStatus.PENDING, "ocr_pages_total": 0}, "waiting to read the text"),
        (
            {"ocr_status": OCRStatus.UNAVAILABLE},
            "this scan is not searchable: text recognition is not installed on this server",
        ),
        ({"ocr_status": OCRStatus.FAILED}, "the text of this scan could not be read"),
        ({"ocr_status": OCRStatus.DONE}, "text recognised from the scan"),
    ],
)
def test_the_officer_sees_the_reading_of_a_scan(as_role, scan_answer, fields, says):
    Attachment.objects.update(**fields)
    page = as_role("officer").get(case_url(scan_answer)).content.decode()
    assert says in page


def test_an_officer_of_another_body_sees_neither_file_nor_status(as_role, scan_answer):
    Attachment.objects.update(ocr_status=OCRStatus.RUNNING, ocr_pages_done=3, ocr_pages_total=10)
    response = as_role("other_officer").get(case_url(scan_answer))
    page = response.content.decode()
    assert "skan.pdf" not in page and "reading the text of the scan" not in page
