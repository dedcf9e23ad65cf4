"""Issue 21, point 3: each file in the request's detail and in the case file says where reading
its text stands (and how far), and nothing private: the public never sees an unapproved file,
nor anyone the text or the reason a reading failed."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from foi import services
from foi.exports import case_file_zip
from foi.models import Attachment, OCRStatus, State
from tests.redaction.documents import text_pdf

pytestmark = pytest.mark.django_db

PRIVATE_TEXT = "PRIVATE-OCR-TEXT"
PRIVATE_ERROR = "tesseract crashed reading /srv/private/path"


@pytest.fixture
def case(world):
    """An answer with two files: one approved and being read (2 of 5 pages), one not approved
    whose reading failed."""
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
    Attachment.objects.filter(pk=read.pk).update(
        ocr_status=OCRStatus.RUNNING,
        ocr_pages_done=2,
        ocr_pages_total=5,
        extracted_text=PRIVATE_TEXT,
    )
    Attachment.objects.filter(pk=unread.pk).update(
        ocr_status=OCRStatus.FAILED, ocr_pages_done=1, ocr_pages_total=3, ocr_error=PRIVATE_ERROR
    )
    return foi_request, read, unread


def files_of(data) -> dict:
    return {a["id"]: a for m in data["messages"] for a in m["attachments"]}


def test_the_public_sees_the_progress_of_approved_files_only(api, world, case):
    foi_request, read, _unread = case
    response = api.as_(None).get(f"/api/v1/requests/{foi_request.reference}/")
    assert response.status_code == 200
    files = files_of(response.json())
    assert set(files) == {read.pk}
    assert files[read.pk]["ocr"] == {"status": "running", "pages_done": 2, "pages_total": 5}
    raw = response.content.decode()
    assert PRIVATE_TEXT not in raw and PRIVATE_ERROR not in raw and "draft.pdf" not in raw


def test_another_citizen_sees_no_more_than_the_public(api, world, case):
    foi_request, read, _unread = case
    data = api.as_(world.citizen).get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert set(files_of(data)) == {read.pk}


def test_the_requester_sees_the_failed_status_without_its_reason(api, world, case):
    foi_request, _read, unread = case
    response = api.as_(world.requester).get(f"/api/v1/requests/{foi_request.reference}/")
    files = files_of(response.json())
    assert files[unread.pk]["ocr"] == {"status": "failed", "pages_done": 1, "pages_total": 3}
    assert PRIVATE_ERROR not in response.content.decode()


def test_a_file_that_needs_no_reading_says_so(api, world, case):
    foi_request, read, _unread = case
    Attachment.objects.filter(pk=read.pk).update(ocr_status="", ocr_pages_done=0)
    data = api.as_(None).get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert files_of(data)[read.pk]["ocr"]["status"] == "not_needed"


def test_a_private_request_is_404(api, world, case):
    foi_request, _read, _unread = case
    foi_request.visibility = "private"
    foi_request.save(update_fields=["visibility"])
    assert api.as_(None).get(f"/api/v1/requests/{foi_request.reference}/").status_code == 404
    assert api.as_(world.citizen).get(f"/api/v1/requests/{foi_request.reference}/").status_code == (
        404
    )


def test_the_schema_names_the_field(api):
    schema = api.get("/api/schema/?format=json").json()
    ocr = schema["components"]["schemas"]["OCRProgress"]["properties"]
    assert set(ocr) == {"status", "pages_done", "pages_total"}


def test_the_case_file_carries_the_status(world, case):
    foi_request, read, unread = case
    archive = zipfile.ZipFile(
        io.BytesIO(case_file_zip(foi_request=foi_request, user=world.requester).getvalue())
    )
    raw = archive.read("case.json").decode()
    assert PRIVATE_TEXT not in raw and PRIVATE_ERROR not in raw
    found = {}

    def walk(value):
        if isinstance(value, dict):
            if "ocr" in value and "sha256" in value:
                found[value["sha256"]] = value["ocr"]
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(raw))
    assert found[read.sha256] == {"status": "running", "pages_done": 2, "pages_total": 5}
    assert found[unread.sha256]["status"] == "failed"
