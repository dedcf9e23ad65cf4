"""The officer queue on a phone (390x844) and a desktop (1280x800), in az, en and ru: Wagtail's
admin clips whatever is wider than its frame, so nothing on the page may be wider than the
window except inside a region that scrolls sideways (the queue's table), and that region must
itself fit. Screenshots go to /tmp/shots/workspace/ for a person to look at."""

from pathlib import Path

import pytest

from foi.models import State
from tests.browser.portal import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHOTS = Path("/tmp/shots/workspace")
SUBJECT = "Bakı metrosunun 2025-ci il üzrə sərnişin daşınması və gəlirləri haqqında hesabat"

# Elements of the content past the window's right edge, outside a sideways-scrolling region.
CLIPPED = """() => {
  const width = window.innerWidth;
  const found = [];
  for (const element of document.querySelectorAll("main *")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !element.closest(".foi-scroll")) {
      found.push(`${element.tagName}.${element.className} ${element.getAttribute("name") || ""}`);
    }
  }
  for (const region of document.querySelectorAll("main .foi-scroll")) {
    if (region.getBoundingClientRect().right > width + 1) found.push("the scrolling region");
  }
  return found;
}"""


@pytest.mark.parametrize("language", ["az", "en", "ru"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_queue_fits_or_scrolls(browser, live_server, world, language, viewport):
    world.request(State.IN_PROGRESS, subject=SUBJECT, assignee=world.officer, urgency="life")
    world.request(State.SUBMITTED, subject="Metro")
    context = browser.new_context(viewport=viewport, locale="en-GB")
    try:
        page = context.new_page()
        sign_in(page, live_server, world.coordinator)
        page.goto(f"{live_server.url}/language/{language}/?next=/")
        response = page.goto(f"{live_server.url}/admin/workspace/")
        assert response.status == 200
        table = page.locator(".foi-scroll #queue")
        assert table.count() == 1
        assert page.evaluate(CLIPPED) == [], f"{language} at {viewport['width']} px"
        SHOTS.mkdir(parents=True, exist_ok=True)
        table.scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / f"queue-{language}-{viewport['width']}.png")
    finally:
        context.close()
