"""A visitor reads a public request in a real browser, and the page says where it stands."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from foi.models import Message, State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_finds_a_request_and_reads_its_state(page, live_server, world):
    late = world.request(
        State.IN_PROGRESS,
        subject="Air quality in Sumgait, 2025",
        due_at=timezone.now() - datetime.timedelta(days=9),
    )
    Message.objects.create(
        foi_request=late, kind="letter", text="Please send the monthly PM2.5 measurements."
    )
    page.goto(f"{live_server.url}/requests/")
    page.get_by_role("link", name=late.reference).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Air quality in Sumgait, 2025"
    expect(page.locator("main")).to_contain_text("Overdue by", use_inner_text=True)
    expect(page.locator(".timeline")).to_contain_text("PM2.5", use_inner_text=True)
    # The skip link leads to the main landmark.
    page.keyboard.press("Tab")
    assert "skip-link" in page.evaluate("document.activeElement.className").split()
