"""A saved search, end to end in a real browser: a citizen saves the search they are looking
at, a body answers a request that matches, the digest is sent with its one-click link, the feed
lists the answer, and the link in the e-mail stops the e-mails."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from alerts.models import Frequency, SavedSearch
from tests.browser.portal import sign_in
from tests.browser.test_accessibility import axe  # noqa: F401 (a fixture)
from tests.search.conftest import answered, backend  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_saved_search_sends_its_digest_and_stops_in_one_click(
    page,
    live_server,
    world,
    backend,  # noqa: F811
    answered,  # noqa: F811
    settings,
):
    settings.FOI_SITE_URL = live_server.url
    sign_in(page, live_server, world.citizen)
    page.goto(f"{live_server.url}/search/?q=kitabxana")
    page.get_by_label("E-mail me new results").select_option("daily")
    page.get_by_role("button", name="Save this search").click()
    expect(page.locator("main")).to_contain_text("is saved", use_inner_text=True)
    expect(page.locator(".saved-search")).to_contain_text("kitabxana", use_inner_text=True)
    saved = SavedSearch.objects.get(user=world.citizen)

    public = answered("Kitabxana büdcəsi", answer="Büdcə əlavədədir.")
    mail.outbox.clear()
    call_command("alerts_digest", stdout=io.StringIO())
    [email] = [m for m in mail.outbox if "kitabxana" in m.subject]
    assert email.to == [world.citizen.email]
    assert public.reference in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The feed's address, as the page shows it, lists the answer without signing in.
    feed_url = page.locator(f"#feed-{saved.pk}").input_value()
    feed = page.context.request.get(feed_url)
    assert feed.ok and public.reference in feed.text()

    # A second run the same day sends nothing.
    mail.outbox.clear()
    call_command("alerts_digest", stdout=io.StringIO())
    assert not [m for m in mail.outbox if "kitabxana" in m.subject]

    stop = re.search(r"https?://\S+/me/searches/stop/\S+/", email.body).group(0)
    page.context.clear_cookies()  # the link works without signing in
    page.goto(stop)
    page.get_by_role("button", name="Stop these e-mails").click()
    expect(page.locator("main")).to_contain_text("no longer be e-mailed", use_inner_text=True)
    saved.refresh_from_db()
    assert saved.frequency == Frequency.OFF


def test_the_saved_search_pages_pass_axe(page, live_server, world, backend, axe):  # noqa: F811
    from alerts import services

    saved = services.saved_search_create(user=world.citizen, query="kitabxana")
    sign_in(page, live_server, world.citizen)
    axe(f"{live_server.url}/search/?q=kitabxana")
    axe(f"{live_server.url}/me/searches/")
    page.context.clear_cookies()
    axe(f"{live_server.url}/me/searches/stop/{services.unsubscribe_token(saved)}/")
