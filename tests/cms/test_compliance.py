"""Compliance figures for a hand-built body, with "today" fixed."""

from datetime import date

import pytest

from cms import compliance
from cms.compliance import CURRENT, MISSING, NOT_DUE, OUT_OF_DATE, months_before
from cms.models import DisclosureCategory
from tests.factories import PublicBodyFactory

TODAY = date(2026, 6, 15)


@pytest.fixture
def body(tree, world):
    """A state-funded ministry with: statistics fresh, budget 13 months old, staff a day short
    of 12 months old (still current), instructions only as a draft, last year's annual report
    out on 2 May (late), and a half-year financial report that does not count."""
    section = tree.section
    tree.disclosure(category="statistics", publication_date=date(2026, 5, 1))
    tree.disclosure(category="statistics", publication_date=date(2024, 1, 1))
    tree.disclosure(category="budget", publication_date=date(2025, 5, 14))
    tree.disclosure(category="staff", publication_date=date(2025, 6, 16))
    tree.disclosure(category="instructions", publication_date=date(2026, 6, 1), live=False)
    tree.disclosure(
        category="annual-financial-data",
        publication_date=date(2026, 5, 2),
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
    )
    # A half-year report does not count as the annual one.
    tree.disclosure(
        category="annual-financial-data",
        publication_date=date(2026, 3, 1),
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
    )
    return section.body


def statuses(standing) -> dict:
    return {row.category.code: row.status for row in standing.rows}


def test_figures_for_a_hand_built_body(body):
    standing = compliance.body_compliance(body=body, today=TODAY)
    got = statuses(standing)
    assert got["statistics"] == CURRENT
    assert got["budget"] == OUT_OF_DATE
    assert got["staff"] == CURRENT
    assert got["instructions"] == MISSING  # a draft is not a publication
    assert got["annual-financial-data"] == CURRENT
    annual = standing.annual[0]
    assert annual.report_year == 2025
    assert annual.due_on == date(2026, 4, 30)
    assert annual.latest_on == date(2026, 3, 1) or annual.latest_on == date(2026, 5, 2)
    assert annual.latest_on == date(2026, 5, 2)  # only the whole-year report counts
    assert annual.late is True
    assert (standing.total, standing.current, standing.out_of_date, standing.missing) == (
        11,
        3,
        1,
        7,
    )
    rows = {row.category.code: row for row in standing.rows}
    assert rows["statistics"].latest_on == date(2026, 5, 1)
    assert rows["statistics"].latest_page.publication_date == date(2026, 5, 1)


def test_last_years_report_is_not_due_before_30_april(tree, world):
    standing = compliance.body_compliance(body=world.ministry, today=date(2026, 4, 30))
    assert statuses(standing)["annual-financial-data"] == NOT_DUE
    standing = compliance.body_compliance(body=world.ministry, today=date(2026, 5, 1))
    assert statuses(standing)["annual-financial-data"] == MISSING


def test_the_annual_report_applies_to_state_funded_bodies_only(tree, world):
    company = PublicBodyFactory(kind="state_company", law=world.law)
    standing = compliance.body_compliance(body=company, today=TODAY)
    assert "annual-financial-data" not in statuses(standing)
    assert standing.total == 10


def test_categories_are_data(tree, world):
    DisclosureCategory.objects.filter(law=world.law, code="budget").update(refresh_months=24)
    DisclosureCategory.objects.filter(law=world.law, code="statistics").update(refresh_months=0)
    tree.disclosure(category="budget", publication_date=date(2025, 5, 14))
    tree.disclosure(category="statistics", publication_date=date(2010, 1, 1))
    got = statuses(compliance.body_compliance(body=world.ministry, today=TODAY))
    assert got["budget"] == CURRENT
    assert got["statistics"] == CURRENT


def test_the_report_across_bodies_is_a_fixed_number_of_queries(
    body, world, django_assert_max_num_queries
):
    bodies = [body, world.other_body, world.cabinet, world.ombudsman]
    with django_assert_max_num_queries(4):
        report = compliance.compliance_report(bodies=bodies, today=TODAY)
    assert [row.body for row in report] == bodies
    assert report[1].missing == 11  # nothing published, and the annual report overdue


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 6, 15), 12, date(2025, 6, 15)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2023, 2, 28)),
        (date(2026, 1, 10), 1, date(2025, 12, 10)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected
