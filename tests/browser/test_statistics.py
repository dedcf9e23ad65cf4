"""The statistics page in Chromium: the charts are drawn, sorting works without script, and axe
finds no serious or critical violation."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from foi.models import Message, State
from tests.browser.test_accessibility import axe  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _decided(world, state, kind, **overrides):
    foi_request = world.request(state, **overrides)
    Message.objects.create(
        foi_request=foi_request,
        kind=kind,
        from_body=foi_request.body,
        text="Decision.",
        created_at=timezone.now() - timedelta(days=2),
    )


@pytest.fixture
def figures(world):
    _decided(world, State.ANSWERED, "response")
    _decided(world, State.REFUSED, "refusal")
    _decided(world, State.ANSWERED, "response", body=world.other_body)
    world.request(State.IN_PROGRESS)
    return world


def test_the_statistics_page_draws_its_charts(page, live_server, figures, axe):  # noqa: F811
    axe(f"{live_server.url}/statistics/")
    # Received and answered, on time, every duty on time, outcomes.
    charts = page.locator("svg.chart[role=img]").locator("visible=true")
    assert charts.count() == 4
    for index in range(4):
        chart = charts.nth(index)
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box["width"] > 300 and box["height"] > 100
        assert chart.locator("title").first.text_content()
    # The bars of the received/answered chart are drawn with a height.
    heights = (
        page.locator("svg.chart")
        .first.locator("rect[height]")
        .evaluate_all("rects => rects.map(r => parseFloat(r.getAttribute('height')))")
    )
    assert max(heights) > 50
    page.get_by_text("The data as a table").first.click()
    assert page.locator("table.data").first.is_visible()
    page.get_by_role("link", name="Body").click()
    expect(page.locator("th[aria-sort=ascending]")).to_have_count(1)


def test_a_body_and_the_methodology_pass_axe(page, live_server, figures, axe):  # noqa: F811
    axe(f"{live_server.url}/statistics/bodies/{figures.ministry.slug}/")
    axe(f"{live_server.url}/statistics/methodology/")


@pytest.mark.parametrize("width", [360, 390])
def test_chart_labels_stay_readable_on_a_phone(page, live_server, figures, width):
    """On a phone the narrow drawing is shown: its 12-unit text is at least 10 px on screen."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/statistics/")
    shown = page.locator("svg.chart[role=img]").locator("visible=true")
    assert shown.count() == 4
    for index in range(4):
        chart = shown.nth(index)
        assert "chart--narrow" in chart.get_attribute("class")
        view_width = float(chart.get_attribute("viewBox").split()[2])
        assert 12 * chart.bounding_box()["width"] / view_width >= 10
    assert page.evaluate("document.documentElement.scrollWidth") <= width
