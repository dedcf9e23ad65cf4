"""axe-core (from the npm registry, see package.json) finds no serious or critical violation on
the home, body, filing, case and dashboard pages."""

from pathlib import Path

import pytest
from django.conf import settings

from foi.models import State
from tests.browser.portal import sign_in
from tests.foi.portal import awaiting_clarification, draft_of, home_page, refused

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.fixture
def axe(page):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")

    def check(url):
        response = page.goto(url)
        assert response.status == 200, url
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => {
                const result = await axe.run(document, {resultTypes: ["violations"]});
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
                }));
            }"""
        )
        serious = [v for v in violations if v["impact"] in SERIOUS]
        assert not serious, f"{url}: {serious}"

    return check


def test_public_pages(page, live_server, world, axe):
    home_page()
    foi_request = refused(world)
    for path in (
        "/",
        "/bodies/",
        f"/bodies/{world.ministry.slug}/",
        "/requests/",
        f"/requests/{foi_request.reference}/",
        "/accounts/login/",
        "/accounts/signup/",
    ):
        axe(f"{live_server.url}{path}")


def test_the_requesters_pages(page, live_server, world, axe):
    draft = draft_of(world)
    clarify = awaiting_clarification(world)
    refused_one = refused(world)
    world.request(State.ANSWERED)
    sign_in(page, live_server, world.requester)
    for path in (
        "/me/",
        "/me/profile/",
        "/requests/new/",
        f"/requests/new/{draft.pk}/letter/",
        f"/requests/new/{draft.pk}/details/",
        f"/requests/new/{draft.pk}/preview/",
        f"/requests/{clarify.reference}/",
        f"/requests/{refused_one.reference}/appeal/",
    ):
        axe(f"{live_server.url}{path}")


def test_a_form_with_errors(page, live_server, world, axe):
    """Errors are announced and tied to their fields."""
    draft = draft_of(world, subject="", text="")
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/new/{draft.pk}/letter/")
    page.get_by_role("button", name="Save and continue").click()
    assert page.locator("#id_subject").get_attribute("aria-invalid") == "true"
    page.add_script_tag(path=str(AXE))
    impacts = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => v.impact + ':' + v.id)"
    )
    assert not [impact for impact in impacts if impact.split(":")[0] in SERIOUS], impacts
