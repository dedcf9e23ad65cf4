"""What a citizen does, end to end in a real browser: sign up and confirm the e-mail, file a
request, answer a clarification, withdraw, appeal after a refusal; and a private request stays
hidden from another citizen and from an anonymous visitor."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from foi.models import FOIRequest, State
from tests.browser.portal import sign_in
from tests.foi.portal import awaiting_clarification, home_page, private_request, refused

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_confirm_and_file_a_request(page, live_server, world):
    home_page()
    mail.outbox.clear()
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("First name").fill("Nigar")
    page.get_by_label("Last name").fill("Həsənova")
    page.get_by_label("Email").fill("nigar@example.org")
    page.get_by_label("Password", exact=False).first.fill("a long enough pass phrase")
    page.get_by_label("Password (again)").fill("a long enough pass phrase")
    page.locator("main").get_by_role("button", name="Sign Up").click()
    expect(page.locator("main")).to_contain_text("Verify Your Email Address", use_inner_text=True)

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.locator("main").get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("link", name="My requests")).to_be_visible()  # signed in

    page.goto(f"{live_server.url}/requests/new/?body={world.ministry.slug}")
    assert page.get_by_label("Ministry of Finance").is_checked()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Subject").fill("Budget execution report for 2025")
    page.get_by_label("Your request").fill("Please send the budget execution report for 2025.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Save and continue").click()  # the details' defaults
    letter = page.locator(".letter").inner_text()
    assert "Please send the budget execution report for 2025." in letter
    assert "Nigar Həsənova" in letter
    page.get_by_role("button", name="Send the request").click()

    sent = FOIRequest.objects.get(requester__email="nigar@example.org")
    assert sent.state == State.SUBMITTED
    main = page.locator("main").inner_text()
    assert re.search(r"AZ-\d{4}-\d{6}", main).group(0) == sent.reference
    assert "the answer is due by" in main
    expect(page.locator(".facts .explanation")).to_contain_text("Received", use_inner_text=True)


def test_answer_a_clarification(page, live_server, world):
    foi_request = awaiting_clarification(world)
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    expect(page.locator(".timeline")).to_contain_text(
        "Which year do you mean?", use_inner_text=True
    )
    page.get_by_label("Your clarification").fill("The year 2025, please.")
    page.get_by_role("button", name="Send the clarification").click()
    expect(page.locator(".notices")).to_contain_text(
        "Your clarification was sent", use_inner_text=True
    )
    expect(page.locator(".standing")).to_contain_text("In progress", use_inner_text=True)
    foi_request.refresh_from_db()
    assert foi_request.state == State.IN_PROGRESS


def test_withdraw_a_request(page, live_server, world):
    foi_request = world.request(State.IN_PROGRESS)
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    page.get_by_text("Withdraw the request").click()
    page.get_by_label("Why are you withdrawing it?").fill("I found it on the website.")
    page.get_by_role("button", name="Withdraw it").click()
    expect(page.locator(".standing")).to_contain_text("Withdrawn", use_inner_text=True)
    expect(page.locator(".timeline")).to_contain_text(
        "I found it on the website.", use_inner_text=True
    )


def test_appeal_after_a_refusal(page, live_server, world):
    foi_request = refused(world)
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    page.locator(".actions-panel").get_by_role("link", name="Appeal").click()
    grounds = page.get_by_label("Your appeal")
    assert "The figures are classified." in grounds.input_value()  # drafted from the refusal
    grounds.fill(grounds.input_value().replace("[say why", "[the budget is public law"))
    page.get_by_role("button", name="Lodge the appeal").click()
    expect(page.locator(".standing")).to_contain_text("Under appeal", use_inner_text=True)
    appeals = page.locator("section", has=page.get_by_role("heading", name="Appeals"))
    assert "Cabinet" in appeals.inner_text()


def test_a_private_request_is_404_to_another_citizen_and_to_a_visitor(page, live_server, world):
    foi_request = private_request(world, subject="A private matter")
    url = f"{live_server.url}/requests/{foi_request.reference}/"
    assert page.goto(url).status == 404
    assert "A private matter" not in page.content()
    sign_in(page, live_server, world.citizen)
    assert page.goto(url).status == 404
    assert "A private matter" not in page.content()
    sign_in(page, live_server, world.requester)
    assert page.goto(url).status == 200
