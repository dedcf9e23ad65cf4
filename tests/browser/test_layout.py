"""The page frame on phones (360x740, 390x844) and a desktop (1280x800), in az, en and ru: nothing
scrolls sideways, the Menu button opens the service navigation and reaches "Sign in", every
header target is at least 44 px, the links work without JavaScript, and the three language
links switch the language. Screenshots go to /tmp/shots/design/ for a person to look at."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from foi.models import State
from tests.foi.portal import home_page, refused

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALL_PHONE = {"width": 360, "height": 740}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHOTS = Path("/tmp/shots/design")
LONG_SUBJECT = (
    "Bakı şəhəri üzrə 2025-ci ildə dövlət büdcəsindən ayrılmış vəsaitlərin icrası haqqında "
    "ətraflı hesabat (Нефтяной фонд, Sosial Müdafiə Fondu)"
)


@pytest.fixture
def context_for(browser, live_server):
    contexts = []

    def make(viewport, language="en", javascript=True):
        context = browser.new_context(
            viewport=viewport, locale="en-GB", java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/language/{language}/?next=/")
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def pages(world):
    home_page()
    world.request(State.SUBMITTED, subject=LONG_SUBJECT)
    world.request(State.ANSWERED, subject="Metro ridership figures")
    foi_request = refused(world, subject=LONG_SUBJECT)
    return {
        "home": "/",
        "requests": "/requests/",
        "request": f"/requests/{foi_request.reference}/",
        "bodies": "/bodies/",
        "search": "/search/?q=budget",
    }


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("language", ["az", "en", "ru"])
@pytest.mark.parametrize(
    "viewport", [SMALL_PHONE, PHONE, DESKTOP], ids=["small-phone", "phone", "desktop"]
)
def test_no_page_scrolls_sideways(context_for, live_server, pages, language, viewport):
    page = context_for(viewport, language)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert overflow(page) <= 0, f"{path} in {language} at {viewport['width']} px"
        page.screenshot(path=SHOTS / f"{name}-{language}-{viewport['width']}.png", full_page=True)


def test_on_a_phone_the_menu_opens_and_reaches_sign_in(context_for, live_server, pages):
    page = context_for(PHONE)
    page.goto(f"{live_server.url}/requests/")
    menu = page.get_by_role("button", name="Menu")
    sign_in = page.get_by_role("link", name="Sign in")
    assert menu.is_visible() and not sign_in.is_visible()
    assert menu.get_attribute("aria-expanded") == "false"
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert overflow(page) <= 0
    page.screenshot(path=SHOTS / "menu-open-390.png")
    # Every target in the header is at least 44 px high: the menu's links, the button, the
    # language links.
    header = page.locator("header")
    targets = header.locator("a:visible, button:visible")
    assert targets.count() >= 11
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box["height"] >= 44, targets.nth(index).inner_text()
    for link in page.locator(".sorgu-language a").all():
        assert link.bounding_box()["width"] >= 44
    sign_in.click()
    page.wait_for_url("**/accounts/login/**")
    assert page.get_by_role("heading", level=1).is_visible()


def test_on_a_desktop_the_links_are_shown_without_a_menu(context_for, live_server, pages):
    page = context_for(DESKTOP)
    page.goto(f"{live_server.url}/requests/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert page.get_by_role("link", name="Sign in").is_visible()
    current = page.locator(".govuk-service-navigation a[aria-current=page]")
    assert current.inner_text() == "Requests"


def test_without_javascript_every_link_is_reachable_on_a_phone(context_for, live_server, pages):
    page = context_for(PHONE, javascript=False)
    page.goto(f"{live_server.url}/requests/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    for name in ("Requests", "Public bodies", "Make a request", "Search", "Sign in"):
        assert page.get_by_role("link", name=name, exact=True).is_visible(), name
    assert overflow(page) <= 0
    page.screenshot(path=SHOTS / "no-js-390.png")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_language_links_switch_the_language(context_for, live_server, pages, viewport):
    page = context_for(viewport, "en")
    page.goto(f"{live_server.url}/requests/?state=answered")
    for code, heading in (("ru", "Запросы"), ("az", "sorğuları"), ("en", "Requests")):
        link = page.locator(f".sorgu-language a[hreflang={code}]")
        assert link.get_attribute("lang") == code
        link.click()
        expect(page.locator("html")).to_have_attribute("lang", code)
        assert page.url.endswith("/requests/?state=answered")
        current = page.locator(".sorgu-language a[aria-current=true]")
        assert current.count() == 1 and current.get_attribute("hreflang") == code
        assert heading in page.locator("h1").inner_text()
