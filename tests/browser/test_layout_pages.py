"""The request and body pages on a phone (390x844) and a desktop (1280x800), in az, en and ru:
the request list, a request with a long timeline, the body list, a body's page and the
dashboard. Nothing scrolls sideways, and screenshots go to /tmp/shots/pages/ for a person to
look at. On a phone the request list's filters fold away behind "Filter requests"."""

from pathlib import Path

import pytest

from foi import services
from foi.models import Message, State
from tests.browser.portal import sign_in
from tests.foi.portal import refused

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHOTS = Path("/tmp/shots/pages")
LONG_SUBJECT = (
    "Bakı şəhəri üzrə 2025-ci ildə dövlət büdcəsindən ayrılmış vəsaitlərin icrası haqqında "
    "ətraflı hesabat (Нефтяной фонд, Sosial Müdafiə Fondu)"
)
LONG_WORD = (
    "https://www.maliyye.gov.az/storage/hesabatlar/2025/budce-icrasi-hesabati-tam-versiya.pdf"
)


@pytest.fixture
def pages(world):
    world.ministry.name_en = "Ministry of Labour and Social Protection of the Population"
    world.ministry.save()
    world.request(State.SUBMITTED, subject=LONG_SUBJECT)
    world.request(State.ANSWERED, subject="Metro ridership figures")
    foi_request = refused(world, subject=LONG_SUBJECT)
    for number in range(8):
        Message.objects.create(
            foi_request=foi_request,
            kind="email_in" if number % 2 else "email_out",
            from_body=world.ministry if number % 2 else None,
            text=f"Letter {number}: see {LONG_WORD}\n\nMəktubun mətni, ikinci abzas. " * 3,
        )
    followed = world.request(State.IN_PROGRESS, requester=world.citizen, subject=LONG_SUBJECT)
    services.follow_create(user=world.requester, foi_request=followed)
    services.follow_create(user=world.requester, body=world.other_body)
    return {
        "requests": "/requests/",
        "request": f"/requests/{foi_request.reference}/",
        "bodies": "/bodies/",
        "body": f"/bodies/{world.ministry.slug}/",
        "dashboard": "/me/",
    }


@pytest.fixture
def browse(browser, live_server, world):
    contexts = []

    def make(viewport, language="en"):
        context = browser.new_context(viewport=viewport, locale="en-GB")
        contexts.append(context)
        page = context.new_page()
        sign_in(page, live_server, world.requester)
        page.goto(f"{live_server.url}/language/{language}/?next=/requests/")
        return page

    yield make
    for context in contexts:
        context.close()


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("language", ["az", "en", "ru"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_request_or_body_page_scrolls_sideways(browse, live_server, pages, language, viewport):
    page = browse(viewport, language)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert overflow(page) <= 0, f"{path} in {language} at {viewport['width']} px"
        page.screenshot(path=SHOTS / f"{name}-{language}-{viewport['width']}.png", full_page=True)


def test_on_a_phone_the_filters_fold_away_and_still_filter(browse, live_server, pages):
    page = browse(PHONE)
    page.goto(f"{live_server.url}/requests/")
    state = page.get_by_label("State", exact=True)
    assert not state.is_visible()
    page.get_by_text("Filter requests").click()
    state.select_option("answered")
    page.get_by_role("button", name="Filter").click()
    main = page.locator("main").inner_text()
    assert "Metro ridership figures" in main and "Bakı şəhəri" not in main
    # The panel stays open while a filter is on, so that the person sees what is chosen.
    assert page.get_by_label("State", exact=True).is_visible()
    assert overflow(page) <= 0


def test_on_a_phone_the_case_page_buttons_are_easy_to_touch(browse, live_server, pages, world):
    page = browse(PHONE)
    page.goto(f"{live_server.url}{pages['request']}")
    panel = page.locator(".actions-panel")
    for button in panel.locator(".govuk-button").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 300
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.timeline .text')).fontSize)"
    )
    assert size >= 16
