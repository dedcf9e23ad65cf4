"""The search page, the statistics pages and the disclosure pages fit a phone (390x844) and a
laptop (1280x800) in Azerbaijani, English and Russian: nothing is wider than the window.
Screenshots go to /tmp/shots/content/ for a person to look at."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.models import DisclosureDocument
from cms.services import disclosure_log_draft_create
from tests.cms.conftest import tree  # noqa: F401 (a fixture)
from tests.search.conftest import answered  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/shots/content")
SIZES = {"phone": (390, 844), "laptop": (1280, 800)}
LANGUAGES = ("az", "en", "ru")
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def content(world, tree, answered):  # noqa: F811
    long_subject = "Dövlət büdcəsinin icrası haqqında hesabat və nəqliyyat statistikası 2025"
    for subject in (long_subject, "Büdcə xərcləri: təhsil", "Büdcə gəlirləri: vergilər"):
        foi_request = answered(subject, answer="Büdcə hesabatı əlavə olunub.")
    for index in range(21):  # more than a page of results
        answered(f"Büdcə sorğusu {index}", outcome="partial" if index % 2 else "full")
    file = get_document_model().objects.create(
        title="Büdcənin icrası, 2025-ci il üzrə aylıq hesabat (cədvəl)",
        file=ContentFile(b"month,amount\n1,100\n", name="budce-2025.csv"),
    )
    disclosure = tree.disclosure(
        category="statistics",
        title="Hava keyfiyyəti: Sumqayıt, 2026-cı il üzrə aylıq ortalamalar",
        summary="Monthly PM2.5 averages by station.",
        documents=[DisclosureDocument(document=file)],
    )
    entry = disclosure_log_draft_create(foi_request=foi_request, actor=tree.editor)
    entry.get_latest_revision().publish(user=tree.moderator)
    entry.refresh_from_db()
    return {
        "search": "/search/?q=büdcə",
        "statistics": "/statistics/",
        "body-statistics": f"/statistics/bodies/{world.ministry.slug}/",
        "methodology": "/statistics/methodology/",
        "disclosure": disclosure.url,
        "disclosure-log": tree.log.url,
        "log-entry": entry.url,
        "section": tree.section.url,
    }


@pytest.mark.parametrize("size", SIZES)
def test_no_horizontal_overflow(browser, live_server, content, size):
    width, height = SIZES[size]
    SHOTS.mkdir(parents=True, exist_ok=True)
    too_wide = []
    for language in LANGUAGES:
        context = browser.new_context(viewport={"width": width, "height": height})
        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
        )
        page = context.new_page()
        for name, path in content.items():
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == language
            overflow = page.evaluate(OVERFLOW)
            if overflow > 0:
                too_wide.append((language, name, overflow))
            page.screenshot(path=str(SHOTS / f"{name}-{language}-{size}.png"), full_page=True)
        context.close()
    assert not too_wide, too_wide


def test_the_search_results_have_tags_and_pages(page, live_server, content):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{content['search']}")
    assert page.locator(".hit .govuk-tag").first.is_visible()
    assert page.locator("nav.govuk-pagination a[rel=next]").is_visible()
    # On a phone the filters start closed, below their heading.
    assert page.locator("details.sorgu-filters").get_attribute("open") is None
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    assert page.locator("details.sorgu-filters").get_attribute("open") is not None


def test_the_league_table_scrolls_in_a_focusable_region(page, live_server, content):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/statistics/")
    regions = page.locator(".table-scroll[role=region][tabindex='0']")
    # The league table, and every other wide table (each duty's figures) the same way.
    labels = [region.get_attribute("aria-labelledby") for region in regions.all()]
    assert "league-caption" in labels and all(labels)
    for region in regions.all():
        assert region.bounding_box()["width"] <= 390
    for chart in page.locator("svg.chart").locator("visible=true").all():  # the phone's drawings
        assert chart.bounding_box()["width"] <= 390
