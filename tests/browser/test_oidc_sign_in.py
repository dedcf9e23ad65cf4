"""Sign-in with a state identity in a real browser: the button on the sign-in page, the
provider's own page on another host (its own cookies), and back to Sorğu signed in. axe checks
the sign-in page with the button, and the error page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from foi.models import User
from tests.oidc_idp.idp import IDENTITIES
from tests.oidc_idp.setup import identity, provider_settings, start_provider

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def idp(live_server, settings):
    # Sorğu on localhost, the provider on 127.0.0.1: one server, two sites to the browser.
    provider = start_provider(
        settings,
        origin=live_server.url.replace("localhost", "127.0.0.1"),
        callback=f"{live_server.url}/accounts/oidc/egov/login/callback/",
    )
    yield provider
    IDENTITIES.clear()


def serious_violations(page):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => [v.impact, v.id])"
    )
    return [v for v in found if v[0] in ("serious", "critical")]


def test_a_person_signs_in_with_the_state_identity(page, live_server, idp):
    person = identity(name="Aysel Məmmədova", email="aysel@example.org", email_verified=True)

    page.goto(f"{live_server.url}/accounts/login/")
    assert not serious_violations(page)
    page.get_by_role("button", name="Sign in with e-Gov").click()
    page.wait_for_url(f"{idp.url}/idp/login/**")
    page.get_by_label("E-mail").fill(person.email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in at the provider").click()
    page.wait_for_url(f"{live_server.url}/**")

    user = User.objects.get(email="aysel@example.org")
    assert user.verified_name == "Aysel Məmmədova"
    page.goto(f"{live_server.url}/me/profile/")
    assert "Your name as verified by e-Gov: Aysel Məmmədova" in page.content()


def test_the_error_page(page, live_server, idp, settings):
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings("http://127.0.0.1:9/idp/o", "x")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Sign in with e-Gov").click()
    assert page.get_by_role("heading", name="Sign-in with your state identity failed").is_visible()
    assert not serious_violations(page)
