"""Issue 19, end to end in a real browser: a citizen files to a body that answers by e-mail; the
body's reply arrives through the inbound webhook; the citizen records it as a partial answer
with a ground, and appeals to the Ombudsman; the Ombudsman's office, not on the portal, gets the
appeal by e-mail and decides it through the reply link in that letter; the request reopens."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from foi.models import Appeal, CaseEvent, FOIRequest, Membership, State
from mail import addresses
from tests.browser.portal import sign_in
from tests.factories import PublicBodyFactory
from tests.foi.portal import home_page
from tests.mail.conftest import WEBHOOK_SECRET
from tests.mail.payloads import postmark_inbound

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mail_settings(settings, live_server):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = {"WEBHOOK_SECRET": WEBHOOK_SECRET}
    settings.FOI_MAIL_DOMAIN = "sorgu.example"
    settings.FOI_SITE_URL = live_server.url
    mail.outbox = []
    return settings


def webhook_post(payload):
    import base64
    import json

    auth = base64.b64encode(WEBHOOK_SECRET.encode()).decode()
    return Client().post(
        "/anymail/postmark/inbound/",
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )


def test_a_request_to_an_email_body_moves_from_letters_and_a_reply_link(
    page, browser, live_server, world, mail_settings
):
    home_page()
    water = PublicBodyFactory(
        slug="water", name_en="Water Agency", law=world.law, request_email="info@water.gov.example"
    )
    Membership.objects.filter(body=world.ombudsman).delete()
    world.ombudsman.request_email = "complaints@ombudsman.gov.example"
    world.ombudsman.law = world.law
    world.ombudsman.save()
    # Straight to the Ombudsman: this law's first level (the superior body) is not required.
    ombudsman_level = world.levels["ombudsman"]
    ombudsman_level.requires_previous = False
    ombudsman_level.save()

    # 1. The citizen files to the Water Agency, which has nobody on the portal.
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/new/?body={water.slug}")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Subject").fill("Water losses in the Baku network in 2025")
    page.get_by_label("Your request").fill(
        "Please send the water losses of the Baku network in 2025, by district."
    )
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Send the request").click()
    foi_request = FOIRequest.objects.get(subject="Water losses in the Baku network in 2025")
    assert foi_request.state == State.SUBMITTED
    expect(page.locator("main")).to_contain_text("By e-mail", use_inner_text=True)

    # 2. The agency's reply comes back through the inbound webhook.
    response = webhook_post(
        postmark_inbound(
            sender="losses@water.gov.example",
            recipient=addresses.reply_address(foi_request.reference),
            subject=f"Re: {foi_request.reference}",
            text="The losses by district are attached. Figures for Sabunchu are withheld: "
            "they name the staff who took the readings.",
            message_id="<reply-1@water.gov.example>",
        )
    )
    assert response.status_code == 200

    # 3. The citizen sees the banner and records a partial answer with a ground.
    page.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    assert "waiting for the requester to say what the reply is" in page.content()
    page.get_by_role("link", name=re.compile("say what the reply is", re.I)).first.click()
    page.get_by_label("Gave the information in part").check()
    page.locator("#ground-personal-data").check()
    page.get_by_label("What is withheld on this ground", exact=False).first.fill(
        "Names of the staff in Sabunchu"
    )
    page.get_by_role("button", name="Record it").click()
    foi_request.refresh_from_db()
    assert foi_request.state == State.ANSWERED and foi_request.outcome == "partial"
    trail = page.locator("main").inner_text()
    assert "the requester, from the body's letter of" in trail

    # 4. The citizen appeals to the Ombudsman.
    page.locator(".actions-panel").get_by_role("link", name="Appeal").click()
    page.locator("#level-ombudsman").check()
    page.get_by_label("Your appeal").fill("Only the names may be withheld, not the figures.")
    page.get_by_role("button", name="Lodge the appeal").click()
    expect(page.locator(".standing")).to_contain_text("Under appeal", use_inner_text=True)

    # 5. The Ombudsman's office gets the letter with its reply link, and decides through it.
    [letter] = [m for m in mail.outbox if "complaints@ombudsman.gov.example" in m.to]
    link = re.search(rf"{re.escape(live_server.url)}/requests/\S+/reply/\S+/", letter.body)
    assert link, letter.body
    office = browser.new_context(locale="en-GB").new_page()
    office.goto(link.group(0))
    assert "Only the names may be withheld" in office.content()
    assert world.requester.email not in office.content()
    office.get_by_label("The body's decision was overturned").check()
    office.get_by_label("Reasons for the decision").fill(
        "The figures are not personal data; the agency must give them."
    )
    office.get_by_role("button", name="Send").click()
    office.context.close()

    # 6. The request reopens at the agency, decided through the Ombudsman's link.
    foi_request.refresh_from_db()
    assert foi_request.state == State.IN_PROGRESS
    appeal = Appeal.objects.get(foi_request=foi_request, level__code="ombudsman")
    assert appeal.decision == "overturned"
    decided = CaseEvent.objects.filter(foi_request=foi_request, kind="decide_appeal").get()
    assert decided.actor_label == "reply_link"
    page.reload()
    expect(page.locator(".standing")).to_contain_text("In progress", use_inner_text=True)
    expect(page.locator("main")).to_contain_text(
        "the body, through the reply link", use_inner_text=True
    )
