"""Redaction in a real browser: an officer draws one box on a page image and finds a name for
the second, under two grounds, makes the copy and approves it; the public sees the copy and
its grounds, never the original."""

import pytest
from playwright.sync_api import expect

from foi import services
from foi.models import PERSONAL_DATA, Attachment, Redaction, State
from tests.browser.test_workspace import new_page, sign_in  # noqa: F401 - the fixture
from tests.redaction.documents import PAGE_H, PAGE_W, text_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch):
    # OCR's text layer is tested in tests/redaction; here the page would only wait for it.
    from redaction import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)


def test_an_officer_redacts_two_passages_under_two_grounds(new_page, live_server, world):  # noqa: F811
    content = text_pdf(
        [[(72, 700, "Budget line: 4 000 000 manat"), (72, 600, "Complainant: Aysel Mammadova")]]
    )
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("decision.pdf", content)],
    )
    original = Attachment.objects.get(message__foi_request=foi_request)
    officer = sign_in(new_page, live_server, world.officer)
    officer.goto(f"{live_server.url}/admin/workspace/requests/{foi_request.reference}/")
    officer.get_by_role("link", name="Redact decision.pdf").click()

    # The second passage: every occurrence of the name, as personal data.
    officer.get_by_label("Words or names to black out, one per line").fill("Aysel Mammadova")
    officer.locator("#redact-find").get_by_label("Reason").select_option(PERSONAL_DATA)
    officer.get_by_role("button", name="Find and add boxes").click()
    expect(officer.get_by_label("Page, box 1")).to_have_value("1")

    # The first: drawn over the budget line, under the law's ground "official" (Art. 35).
    officer.get_by_label("Reason for the boxes you draw").select_option("official")
    image = officer.locator(".foi-redact-page img").first
    expect(image).to_be_visible()
    image.evaluate("element => element.scrollIntoView({block: 'start'})")  # taller than the window
    box = image.bounding_box()
    left = box["x"] + box["width"] * 60 / PAGE_W
    top = box["y"] + box["height"] * (PAGE_H - 716) / PAGE_H
    officer.mouse.move(left, top)
    officer.mouse.down()
    officer.mouse.move(left + box["width"] * 0.4, top + box["height"] * 0.03, steps=5)
    officer.mouse.up()
    expect(officer.get_by_label("Page, box 2")).to_have_value("1")
    expect(officer.get_by_label("Reason, box 2")).to_have_value("official")
    expect(officer.locator(".foi-redact-page .foi-redact-box")).to_have_count(2)

    officer.get_by_role("button", name="Make the redacted copy").click()
    expect(officer.locator(".messages")).to_contain_text("passed its checks")
    record = Redaction.objects.get()
    assert record.verified and record.original == original
    assert sorted(g["reason"] for g in record.grounds) == sorted([PERSONAL_DATA, "official"])

    officer.get_by_role("button", name="Approve decision-redacted.pdf for publication").click()
    expect(officer.locator(".messages")).to_contain_text("is approved")

    visitor = new_page()
    visitor.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    expect(visitor.get_by_role("link", name="decision-redacted.pdf", exact=True)).to_be_visible()
    expect(visitor.locator(".released-in-part")).to_contain_text("2 passages withheld")
    expect(visitor.locator(".released-in-part")).to_contain_text("personal data")
    expect(visitor.locator(".released-in-part")).to_contain_text("35")
    expect(visitor.get_by_role("link", name="decision.pdf", exact=True)).to_have_count(0)
