"""The public site runs under its strict Content Security Policy with no violation: no inline
script or style, nothing from another origin. Chromium reports every violation as a
``securitypolicyviolation`` event and a console error; both are collected here."""

import pytest

from foi.models import State
from tests.browser.portal import sign_in
from tests.foi.portal import awaiting_clarification, draft_of, home_page, refused

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
        window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
    });
}"""


@pytest.fixture
def visit(strict_page, live_server):
    console = []
    strict_page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    strict_page.add_init_script(f"({LISTEN})()")

    def check(path, then=None):
        response = strict_page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        strict_page.wait_for_load_state("networkidle")
        if then:
            then(strict_page)
        violations = strict_page.evaluate("() => window.__violations")
        assert not violations, f"{path}: {violations}"
        assert not console, f"{path}: {console}"

    return check


def test_public_pages_have_no_violation(visit, world):
    home_page()
    foi_request = refused(world)
    for path in (
        "/",
        "/bodies/",
        f"/bodies/{world.ministry.slug}/",
        "/requests/",
        f"/requests/{foi_request.reference}/",
        "/search/?q=budget",
        "/statistics/",
        f"/statistics/bodies/{world.ministry.slug}/",
        "/statistics/methodology/",
        "/api/docs/",
        "/accounts/login/",
        "/accounts/signup/",
    ):
        visit(path)


def test_the_requesters_pages_and_scripts_have_no_violation(visit, strict_page, live_server, world):
    draft = draft_of(world)
    clarify = awaiting_clarification(world)
    sign_in(strict_page, live_server, world.requester)

    def type_a_letter(page):
        page.fill("textarea[name=text]", "Please send me the staff list of the ministry.")
        page.wait_for_timeout(1500)  # the autosave script posts what was typed

    visit("/me/")
    visit(f"/requests/new/{draft.pk}/letter/", then=type_a_letter)
    visit("/requests/new/")
    visit(f"/requests/{clarify.reference}/")
    world.request(State.ANSWERED)
    visit("/requests/?state=answered")


def test_the_admin_works_under_its_relaxed_policy(visit, strict_page, live_server, world):
    from wagtail.models import Page

    home_page()
    home = Page.objects.filter(depth=2).order_by("path").first()
    world.request(State.SUBMITTED)
    sign_in(strict_page, live_server, world.admin)
    visit("/admin/")
    visit("/admin/pages/")
    visit(f"/admin/pages/{home.pk}/edit/")
    visit(f"/admin/pages/{home.get_parent().pk}/")
    visit("/django-admin/")
