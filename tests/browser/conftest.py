import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM) and not shutil.which("chromium"):
        pytest.skip("Debian's Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # bypass_csp lets tests inject helpers such as axe-core; tests/browser/test_csp.py uses
    # strict_page, which obeys the site's Content Security Policy as any visitor's browser does.
    context = browser.new_context(locale="en-GB", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def strict_page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
