"""The filing wizard and the account pages on a phone (390x844) and a desktop (1280x800) in the
three languages: nothing wider than the screen, and the request can be filed on a phone."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from playwright.sync_api import expect

from foi.models import FOIRequest, State
from tests.browser.portal import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LANGUAGES = ["az", "en", "ru"]
SHOTS = "/tmp/shots/forms"


def _switch(page, live_server, language):
    """The cookie the header's language links set (core.views.language_switch)."""
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/accounts/password/reset/")
    assert page.locator("html").get_attribute("lang") == language


def _fits(page, where, shot=None):
    width = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    if shot:
        page.screenshot(path=f"{SHOTS}/{shot}.png", full_page=True)
    assert width <= inner, f"{where}: {width} px wide in a {inner} px window"


def _next(page):
    page.locator("button[name=go][value=next]").click()


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_a_request_on_a_phone(page, live_server, world, language):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, world.requester)
    _switch(page, live_server, language)

    page.goto(f"{live_server.url}/requests/new/?body={world.ministry.slug}")
    assert page.locator(".steps .current").count() == 1
    _fits(page, "body step", f"body-{language}-390")
    _next(page)

    # An empty letter: the error summary links to the fields.
    _next(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert summary.locator('a[href="#id_subject"]').count() == 1
    assert summary.locator('a[href="#id_text"]').count() == 1
    _fits(page, "letter step with errors", f"letter-errors-{language}-390")
    page.locator("#id_subject").fill(
        "Büdcənin icrası haqqında hesabat 2025 / Отчёт об исполнении бюджета"
    )
    page.locator("#id_text").fill("Please send the budget execution report for 2025. " * 5)
    _next(page)

    _fits(page, "details step", f"details-{language}-390")
    assert page.locator("input.govuk-radios__input[name=access_form]").count() >= 2
    _next(page)

    expect(page.locator(".letter")).to_contain_text(
        "Please send the budget execution report", use_inner_text=True
    )
    _fits(page, "preview", f"preview-{language}-390")
    page.locator("form.send button[type=submit]").click()

    sent = FOIRequest.objects.get(requester=world.requester, subject__startswith="Büdcənin")
    assert sent.state == State.SUBMITTED
    _fits(page, "after sending")


@pytest.mark.parametrize("language", LANGUAGES)
def test_wizard_steps_fit_a_desktop(page, live_server, world, language):
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server, world.requester)
    _switch(page, live_server, language)
    page.goto(f"{live_server.url}/requests/new/?body={world.ministry.slug}")
    _fits(page, "body step", f"body-{language}-1280")
    _next(page)
    page.locator("#id_subject").fill("Budget")
    page.locator("#id_text").fill("Please send the budget.")
    _next(page)
    _fits(page, "details step", f"details-{language}-1280")
    _next(page)
    _fits(page, "preview", f"preview-{language}-1280")


ANONYMOUS_PAGES = {
    "login": "/accounts/login/",
    "signup": "/accounts/signup/",
    "password-reset": "/accounts/password/reset/",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
def test_account_pages_fit(page, live_server, world, language, size):
    page.set_viewport_size(size)
    _switch(page, live_server, language)
    for name, path in ANONYMOUS_PAGES.items():
        page.goto(f"{live_server.url}{path}")
        assert page.locator("main .govuk-button").count() >= 1
        assert page.locator("main .govuk-input").count() >= 1
        _fits(page, name, f"{name}-{language}-{size['width']}")
    # A sign-in with a wrong password: the error summary, still within the screen.
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_login").fill(world.requester.email)
    page.locator("#id_password").fill("not the password")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    _fits(page, "login error", f"login-error-{language}-{size['width']}")

    # Signed in: the profile, the password and e-mail pages, two-factor authentication (with
    # a confirmed address, so that the authenticator app may be set up).
    EmailAddress.objects.update_or_create(
        user=world.requester,
        email=world.requester.email,
        defaults={"verified": True, "primary": True},
    )
    sign_in(page, live_server, world.requester)
    for name, path in {
        "profile": "/me/profile/",
        "email": "/accounts/email/",
        "password": "/accounts/password/change/",
        "mfa": "/accounts/2fa/",
        "totp": "/accounts/2fa/totp/activate/",
    }.items():
        page.goto(f"{live_server.url}{path}")
        _fits(page, name, f"{name}-{language}-{size['width']}")
