"""Redaction in a real browser by the requester (issue 21, point 1): the Water Agency, not on
the portal, e-mailed a PDF with a complainant's name in it; the requester recorded its reply,
finds "redact it first" on the case page, draws a box over one line and finds the name for the
other, makes the copy and publishes it; the public sees the copy and its grounds, never the
original. The officers' test (test_redaction.py) mirrored on the portal's page."""

import pytest
from playwright.sync_api import expect

from foi import services
from foi.models import PERSONAL_DATA, CaseEvent, Message, Redaction
from tests.browser.portal import sign_in
from tests.browser.test_workspace import new_page  # noqa: F401 - the fixture
from tests.foi.test_classify_page import case, letter_on, post_body  # noqa: F401 (fixtures)
from tests.redaction.documents import PAGE_H, PAGE_W, text_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch):
    # OCR's text layer is tested in tests/redaction; here the page would only wait for it.
    from redaction import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)


def test_the_requester_redacts_an_emailed_file_and_publishes_the_copy(
    new_page,  # noqa: F811
    live_server,
    world,
    case,  # noqa: F811
):
    foi_request, letter = case
    content = text_pdf(
        [[(72, 700, "Water tariff: 1.20 manat"), (72, 600, "Complainant: Aysel Mammadova")]]
    )
    services.attachment_create(message=letter, name="reply.pdf", content=content)
    foi_request = services.foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="full",
        text="The reply is attached.",
    )
    original = Message.objects.get(recorded_from=letter).attachments.get()

    requester = new_page()
    sign_in(requester, live_server, world.requester)
    requester.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    requester.get_by_role("link", name="redact reply.pdf first").click()
    expect(requester.get_by_role("heading", name="Redact a file")).to_be_visible()

    # Every occurrence of the name, as personal data.
    requester.get_by_label("Words or names to black out, one per line").fill("Aysel Mammadova")
    requester.locator("#redact-find").get_by_label("Reason").select_option(PERSONAL_DATA)
    requester.get_by_role("button", name="Find and add boxes").click()
    expect(requester.get_by_label("Page, box 1")).to_have_value("1")

    # A box drawn over the tariff line, under the law's ground "official" (Art. 35).
    requester.get_by_label("Reason for the boxes you draw").select_option("official")
    image = requester.locator(".foi-redact-page img").first
    expect(image).to_be_visible()
    image.evaluate("element => element.scrollIntoView({block: 'start'})")
    box = image.bounding_box()
    left = box["x"] + box["width"] * 60 / PAGE_W
    top = box["y"] + box["height"] * (PAGE_H - 716) / PAGE_H
    requester.mouse.move(left, top)
    requester.mouse.down()
    requester.mouse.move(left + box["width"] * 0.4, top + box["height"] * 0.03, steps=5)
    requester.mouse.up()
    expect(requester.get_by_label("Page, box 2")).to_have_value("1")
    expect(requester.get_by_label("Reason, box 2")).to_have_value("official")
    expect(requester.locator(".foi-redact-page .foi-redact-box")).to_have_count(2)

    requester.get_by_role("button", name="Make the redacted copy").click()
    expect(requester.get_by_role("heading", name="Publish a file")).to_be_visible()
    expect(requester.locator("main")).to_contain_text("passed its checks")
    record = Redaction.objects.get()
    assert record.verified and record.original == original
    assert record.created_by == world.requester
    assert sorted(g["reason"] for g in record.grounds) == sorted([PERSONAL_DATA, "official"])
    event = CaseEvent.objects.get(kind="attachment_redacted")
    assert event.data["redacted_sha256"] == record.redacted.sha256

    requester.get_by_label("I have checked this file", exact=False).check()
    requester.get_by_role("button", name="Publish the file").click()
    expect(requester.locator("main")).to_contain_text("is published")

    visitor = new_page()
    visitor.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    expect(visitor.get_by_role("link", name="reply-redacted.pdf", exact=True)).to_be_visible()
    expect(visitor.locator(".released-in-part")).to_contain_text("2 passages withheld")
    expect(visitor.locator(".released-in-part")).to_contain_text("personal data")
    expect(visitor.locator(".released-in-part")).to_contain_text("35")
    expect(visitor.get_by_role("link", name="reply.pdf", exact=True)).to_have_count(0)
