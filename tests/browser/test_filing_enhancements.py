"""With JavaScript, the filing wizard narrows the body list as one types and saves the draft
as one writes (without it, the step buttons do both; see tests/foi/test_filing.py)."""

import pytest
from playwright.sync_api import expect

from foi.models import FOIRequest
from tests.browser.portal import sign_in
from tests.foi.portal import draft_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_body_list_narrows_as_one_types(page, live_server, world):
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/new/")
    choices = page.locator("#body-choices li")
    assert choices.count() >= 4
    page.get_by_label("Search by name").press_sequentially("healt", delay=30)
    page.wait_for_function("document.querySelectorAll('#body-choices li').length === 1")
    page.get_by_label("Ministry of Health").check()
    page.get_by_role("button", name="Save and continue").click()
    assert FOIRequest.objects.get(requester=world.requester).body == world.other_body


def test_the_draft_is_saved_while_typing(page, live_server, world):
    draft = draft_of(world, subject="", text="")
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/new/{draft.pk}/letter/")
    with page.expect_response(lambda response: "/autosave/" in response.url) as saved:
        page.get_by_label("Your request").fill("Typed but never submitted")
    assert saved.value.ok
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at")
    draft.refresh_from_db()
    assert draft.text == "Typed but never submitted"
    page.reload()
    assert page.get_by_label("Your request").input_value() == "Typed but never submitted"
