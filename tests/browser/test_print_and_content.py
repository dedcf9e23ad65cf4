"""In Chromium: the content pages' numbered steps show one number each and their sections are
real headings (issue 22, point 5); the case page and the annual report print without the
site's navigation and forms, the case with its timeline, link addresses and audit trail open,
the report with its tables row by row (point 7)."""

import pytest
from django.utils import timezone

from foi.models import Message, State
from foi.services import attachment_approve, attachment_create
from tests.browser.portal import sign_in
from tests.foi.portal import draft_of, home_page, refused

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEFORE = "(element) => getComputedStyle(element, '::before').content"
AFTER = "(element) => getComputedStyle(element, '::after').content"


def test_the_guides_steps_show_one_number_each(page, live_server, world):
    home_page()
    page.goto(f"{live_server.url}/guide/")
    steps = page.locator("main ol.step-list > li")
    assert steps.count() == 5
    for index in range(steps.count()):
        assert steps.nth(index).evaluate(BEFORE) in ("none", "normal", '""')
    assert steps.first.evaluate("(li) => getComputedStyle(li).listStyleType") == "decimal"
    assert page.locator("main h2").count() >= 4
    page.goto(f"{live_server.url}/law/")
    assert page.locator("main h2").count() == 3
    assert page.locator("main h3").count() == 7

    # The check above can see a counter: the filing wizard's steps do have one.
    draft = draft_of(world)
    sign_in(page, live_server, world.requester)
    page.goto(f"{live_server.url}/requests/new/{draft.pk}/letter/")
    wizard = page.locator(".steps li").first
    assert wizard.evaluate(BEFORE) not in ("none", "normal", '""')


def test_the_case_page_prints_its_facts_timeline_and_audit_trail(page, live_server, world):
    foi_request = refused(world)
    refusal = Message.objects.get(foi_request=foi_request, kind="refusal")
    attachment = attachment_create(message=refusal, name="decision.pdf", content=b"%PDF-1.4\n")
    attachment_approve(attachment=attachment, actor=world.officer)
    page.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    trail = page.locator("ol.trail")
    assert not trail.is_visible()  # on screen, the audit trail is folded

    page.emulate_media(media="print")
    for hidden in (
        ".govuk-service-navigation__wrapper",
        ".sorgu-language",
        ".actions-panel",
        "main form",
    ):
        assert all(not element.is_visible() for element in page.locator(hidden).all()), hidden
    for shown in (".case h1", ".case .facts", ".timeline", "ol.trail"):
        assert page.locator(shown).first.is_visible(), shown
    link = page.locator(".timeline a", has_text="decision.pdf")
    href = link.get_attribute("href")
    assert href in link.evaluate(AFTER)
    assert page.pdf()[:4] == b"%PDF"

    page.emulate_media(media="screen")
    assert page.locator(".govuk-service-navigation__wrapper").is_visible()
    assert link.evaluate(AFTER) in ("none", "normal")


def test_the_annual_report_prints_its_tables_row_by_row(page, live_server, world):
    refused(world)
    year = timezone.localdate().year
    page.goto(f"{live_server.url}/statistics/bodies/{world.ministry.slug}/{year}/")
    page.emulate_media(media="print")
    assert not page.locator(".govuk-service-navigation__wrapper").is_visible()
    tables = page.locator("table.data")
    assert tables.count() >= 3
    for index in range(tables.count()):
        assert tables.nth(index).is_visible()
    row = page.locator("table.data tbody tr").first
    assert row.evaluate("(tr) => getComputedStyle(tr).breakInside") == "avoid"
    header = page.locator("table.data thead").first
    assert header.evaluate("(el) => getComputedStyle(el).display") == "table-header-group"
    assert page.pdf()[:4] == b"%PDF"


def test_the_print_stylesheet_is_linked_for_print_only(page, live_server, world):
    foi_request = world.request(State.SUBMITTED)
    page.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    link = page.locator('link[href$="css/print.css"]')
    assert link.get_attribute("media") == "print"
    assert page.request.get(live_server.url + link.get_attribute("href")).ok
