"""axe-core (from the npm registry, see package.json) finds no serious or critical violation on
the public pages (home, bodies, requests, search, the guide, the law, the privacy notice, the
disclosures and the disclosure log), the requesters' pages, the officers' workspace and the
editors' admin pages; and no landmark is duplicated on the statistics pages."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cms.models import DisclosureCategory, DisclosureIndexPage, DisclosurePage
from cms.services import disclosure_log_draft_create
from foi import services
from foi.models import Message, MessageKind, State
from tests.browser.portal import sign_in
from tests.factories import PublicBodyFactory
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
                    nodes: v.nodes.slice(0, 3).map(
                        n => n.target.join(" ") + " " + n.html.slice(0, 300)
                    ),
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
    expect(page.locator("#id_subject")).to_have_attribute("aria-invalid", "true")
    page.add_script_tag(path=str(AXE))
    impacts = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => v.impact + ':' + v.id)"
    )
    assert not [impact for impact in impacts if impact.split(":")[0] in SERIOUS], impacts


def _answered(world, subject, **overrides):
    foi_request = world.request(
        State.IN_PROGRESS, assignee=world.officer, subject=subject, **overrides
    )
    return services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="full", text="The figures follow."
    )


@pytest.fixture
def cms(world):
    """The demo's page tree (guide, law, privacy, disclosures, log), a disclosure of the
    ministry and a published disclosure-log entry."""
    home_page()
    section = DisclosureIndexPage.objects.filter(body=world.ministry).first()
    disclosure = DisclosurePage(
        title="Metro ridership, 2025",
        category=DisclosureCategory.objects.get(law=world.law, code="statistics"),
        summary="Passengers per month and line.",
    )
    section.add_child(instance=disclosure)
    disclosure.save_revision().publish()
    foi_request = _answered(world, "Metro passengers in 2025")
    entry = disclosure_log_draft_create(foi_request=foi_request, actor=world.officer)
    entry.save_revision().publish()
    disclosure.refresh_from_db()
    entry.refresh_from_db()
    return disclosure, entry


def test_search_with_and_without_results(page, live_server, world, axe):
    _answered(world, "Metro passengers, by line")
    axe(f"{live_server.url}/search/")
    axe(f"{live_server.url}/search/?q=metro")
    assert page.locator(".hit").count() >= 1
    axe(f"{live_server.url}/search/?q=zzzzqqqq")


def test_the_content_pages_disclosures_and_the_log(page, live_server, world, cms, axe):
    disclosure, entry = cms
    for path in (
        "/guide/",
        "/law/",
        "/privacy/",
        "/disclosures/",
        f"/disclosures/{world.ministry.slug}/",
        disclosure.url,
        "/disclosure-log/",
        entry.url,
        "/laws/",
        f"/laws/{world.law.code}/",
    ):
        axe(f"{live_server.url}{path}")


def test_the_statistics_pages_have_no_duplicate_landmark(page, live_server, world, axe):
    _answered(world, "Budget 2025")
    year = timezone.localdate().year
    for path in (
        "/statistics/",
        f"/statistics/bodies/{world.ministry.slug}/",
        f"/statistics/bodies/{world.ministry.slug}/{year}/",
    ):
        axe(f"{live_server.url}{path}")
        page.add_script_tag(path=str(AXE))
        landmarks = page.evaluate(
            """async () => (await axe.run(document, {runOnly: ["landmark-unique",
                "landmark-no-duplicate-main", "landmark-no-duplicate-banner",
                "landmark-no-duplicate-contentinfo", "landmark-one-main",
                "landmark-main-is-top-level", "landmark-complementary-is-top-level"]}))
                .violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")))"""
        )
        assert not landmarks, f"{path}: {landmarks}"


@pytest.fixture
def reply(world):
    """A letter from a body that answers by e-mail, unclassified for eight days."""
    body = PublicBodyFactory(slug="water", request_email="info@water.gov.example", law=world.law)
    foi_request = world.request(
        State.SUBMITTED, body=body, due_at=timezone.now() + datetime.timedelta(days=3)
    )
    return Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        text="The figures you asked for are below.",
        email_from="office@water.gov.example",
        created_at=timezone.now() - datetime.timedelta(days=8),
    )


def test_the_workspace(page, live_server, world, reply, axe):
    case = world.request(State.IN_PROGRESS, assignee=world.coordinator, subject="Staff list")
    _answered(world, "Payroll, 2025")
    sign_in(page, live_server, world.coordinator)
    year = timezone.localdate().year
    for path in (
        "/admin/workspace/",
        "/admin/workspace/?view=mine",
        f"/admin/workspace/requests/{case.reference}/",
        f"/admin/workspace/requests/{case.reference}/answer/",
        "/admin/workspace/appeals/",
        "/admin/workspace/reports/",
        f"/admin/workspace/reports/?body={world.ministry.pk}"
        f"&date_from={year}-01-01&date_to={year}-12-31",
    ):
        axe(f"{live_server.url}{path}")


def test_the_reply_queue(page, live_server, world, reply, axe):
    sign_in(page, live_server, world.admin)
    axe(f"{live_server.url}/admin/workspace/replies/")
    assert page.locator("#replies").get_by_text(reply.foi_request.reference).count() == 1
    axe(f"{live_server.url}/admin/workspace/replies/{reply.pk}/")


def test_the_editors_admin_pages(page, live_server, world, cms, axe):
    disclosure, entry = cms
    sign_in(page, live_server, world.admin)
    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{disclosure.get_parent().pk}/",
        f"/admin/pages/{disclosure.pk}/edit/",
        f"/admin/pages/{entry.pk}/edit/",
        reverse("cms_publish_answers"),
        reverse("cms_compliance_report"),
    ):
        axe(f"{live_server.url}{path}")


def test_the_batch_pages(page, live_server, world, axe):
    """Batch requests (issue 24): the form, the batch's page, and My requests listing it."""
    from foi import services

    batch = services.batch_create(
        creator=world.requester,
        bodies=[world.ministry, world.other_body],
        subject="Trees planted in 2025",
        text="Please send the number of trees planted in 2025.",
    )
    sign_in(page, live_server, world.requester)
    axe(f"{live_server.url}/batches/new/?kind=ministry")
    axe(f"{live_server.url}/batches/{batch.reference}/")
    axe(f"{live_server.url}/me/")
