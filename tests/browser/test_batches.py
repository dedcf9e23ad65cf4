"""The main journey of a batch request (issue 24): choose several bodies with the form's
filters, write the letter once, send it, and read each body's request on the batch's page."""

import pytest
from playwright.sync_api import expect

from foi.models import Batch, FOIRequest, State
from tests.browser.portal import sign_in
from tests.factories import PublicBodyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_batch_to_every_district_and_one_ministry(strict_page, live_server, world):
    page = strict_page
    for i in range(3):
        PublicBodyFactory(
            law=world.law,
            slug=f"district-{i}",
            name_en=f"District {i} executive",
            kind="local_executive",
        )
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/batches/new/")
    page.get_by_label("Kind").select_option("local_executive")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.get_by_label("Ministry of Finance")).to_have_count(0)
    page.get_by_role("button", name="Tick all shown").click()
    expect(page.locator("#chosen-count")).to_contain_text("3 bodies chosen")
    page.get_by_label("Kind").select_option("")
    page.get_by_role("button", name="Show", exact=True).click()
    page.get_by_label("Ministry of Finance").check()
    page.get_by_label("Subject").fill("Trees planted in 2025")
    page.get_by_label("Your request").fill("Please send the number of trees planted in 2025.")
    page.get_by_role("button", name="Send to the chosen bodies").click()

    expect(page.locator(".notices")).to_contain_text("sent to 4 bodies")
    batch = Batch.objects.get()
    requests = FOIRequest.objects.filter(batch=batch)
    assert requests.count() == 4 and {r.state for r in requests} == {State.SUBMITTED}
    rows = page.locator("#batch-requests tbody tr")
    expect(rows).to_have_count(4)
    expect(page.locator("#batch-figures")).to_contain_text("Submitted")
    page.get_by_role("button", name="Follow this batch").click()
    expect(page.get_by_text("You follow every request of this batch")).to_be_visible()
    # From a body's request back to its batch.
    page.get_by_role("link", name=requests.get(body=world.ministry).reference).click()
    page.get_by_role("link", name="Part of a batch").click()
    expect(page.locator("h1")).to_have_text("Trees planted in 2025")
