"""The case page's OCR progress in a real browser (issue 21, point 4): the static script asks
the status address and updates the text while the file is read, then stops."""

import pytest
from playwright.sync_api import expect

from foi import services
from foi.models import Attachment, OCRStatus, State
from tests.browser.test_workspace import new_page  # noqa: F401 - the fixture
from tests.redaction.documents import text_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_progress_follows_the_reading_and_stops_when_done(new_page, live_server, world):  # noqa: F811
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("scan.pdf", text_pdf([[(72, 700, "One")]]))],
    )
    attachment = Attachment.objects.get(message__foi_request=foi_request)
    services.attachment_approve(attachment=attachment, actor=world.officer)
    rows = Attachment.objects.filter(pk=attachment.pk)
    rows.update(ocr_status=OCRStatus.RUNNING, ocr_pages_done=1, ocr_pages_total=4)

    visitor = new_page()
    errors = []
    visitor.on("console", lambda message: message.type == "error" and errors.append(message.text))
    visitor.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    status = visitor.locator(".ocr-status")
    expect(status).to_have_text("reading the text of the scan: 1 of 4 pages")

    rows.update(ocr_pages_done=3)
    expect(status).to_have_text("reading the text of the scan: 3 of 4 pages", timeout=15000)
    rows.update(ocr_status=OCRStatus.DONE, ocr_pages_done=4)
    expect(status).to_contain_text("text recognised from the scan", timeout=20000)
    expect(status).to_have_attribute("data-ocr-finished", "done")
    assert status.get_attribute("data-ocr-status-url") is None  # it stopped asking
    assert not errors  # nothing refused by the CSP
