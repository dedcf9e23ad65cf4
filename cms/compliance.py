"""How far a body meets its duty to publish without being asked (docs/law-az.md, Art. 29.1, 30.1).

For each of the law's categories that applies to the body: is there a live publication, and is
it younger than the category's ``refresh_months``? For an annual report (Art. 30.1): is the report
covering the whole of last year out, and was it out by its due day (30 April)?
Every rule comes from ``DisclosureCategory`` data; nothing here knows which law it is.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from foi import selectors as foi_selectors

from .models import DisclosureCategory, DisclosurePage

CURRENT = "current"
OUT_OF_DATE = "out_of_date"
MISSING = "missing"
NOT_DUE = "not_due"

STATUS_LABELS = {
    CURRENT: _("Published"),
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Missing"),
    NOT_DUE: _("Not due yet"),
}


def months_before(day: date, months: int) -> date:
    years, month_index = divmod(day.month - 1 - months, 12)
    year, month = day.year + years, month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class CategoryStatus:
    category: DisclosureCategory
    status: str
    latest_on: date | None = None
    latest_page: DisclosurePage | None = None
    # Annual reports only:
    report_year: int | None = None
    due_on: date | None = None
    late: bool = False

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_problem(self) -> bool:
        return self.status in (OUT_OF_DATE, MISSING)


@dataclass
class BodyCompliance:
    body: object
    rows: list[CategoryStatus] = field(default_factory=list)

    def _count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def current(self) -> int:
        return self._count(CURRENT)

    @property
    def out_of_date(self) -> int:
        return self._count(OUT_OF_DATE)

    @property
    def missing(self) -> int:
        return self._count(MISSING)

    @property
    def not_due(self) -> int:
        return self._count(NOT_DUE)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def annual(self) -> list[CategoryStatus]:
        return [row for row in self.rows if row.category.is_annual]


def _status(category, *, latest_on, annual_first_on, today) -> CategoryStatus:
    if category.is_annual:
        year = today.year - 1
        due = category.annual_due_date(year)
        row = CategoryStatus(category, MISSING, report_year=year, due_on=due)
        if annual_first_on is not None:
            row.status, row.latest_on, row.late = CURRENT, annual_first_on, annual_first_on > due
        elif today <= due:
            row.status = NOT_DUE
        return row
    if latest_on is None:
        return CategoryStatus(category, MISSING)
    fresh = category.refresh_months == 0 or latest_on > months_before(
        today, category.refresh_months
    )
    return CategoryStatus(category, CURRENT if fresh else OUT_OF_DATE, latest_on=latest_on)


def compliance_report(*, bodies=None, today: date | None = None) -> list[BodyCompliance]:
    """Every body's standing, in four queries whatever the number of bodies."""
    from cms.selectors import today as portal_today

    today = today or portal_today()
    bodies = list(bodies if bodies is not None else foi_selectors.public_body_list())
    if not bodies:
        return []
    categories: dict[int, list] = {}
    for category in DisclosureCategory.objects.filter(
        law_id__in={body.law_id for body in bodies}
    ).order_by("sort_order", "code"):
        categories.setdefault(category.law_id, []).append(category)
    published = DisclosurePage.objects.live().public().filter(body__in=bodies)
    latest = {
        (row["body_id"], row["category_id"]): row["latest"]
        for row in published.values("body_id", "category_id")
        .annotate(latest=Max("publication_date"))
        .order_by()
    }
    year = today.year - 1
    annual_first = {
        (row["body_id"], row["category_id"]): row["first"]
        for row in published.filter(
            category__annual_due_month__isnull=False,
            period_start__lte=date(year, 1, 1),
            period_end__gte=date(year, 12, 31),
        )
        .values("body_id", "category_id")
        .annotate(first=Min("publication_date"))
        .order_by()
    }
    report = []
    for body in bodies:
        standing = BodyCompliance(body=body)
        for category in categories.get(body.law_id, []):
            if not category.applies_to(body):
                continue
            key = (body.pk, category.pk)
            standing.rows.append(
                _status(
                    category,
                    latest_on=latest.get(key),
                    annual_first_on=annual_first.get(key),
                    today=today,
                )
            )
        report.append(standing)
    return report


def body_compliance(*, body, today: date | None = None) -> BodyCompliance:
    """One body's standing, with a link to the latest publication of each category."""
    from cms.selectors import _localized

    standing = compliance_report(bodies=[body], today=today)[0]
    pages = _localized(
        DisclosurePage.objects.live()
        .public()
        .filter(body=body)
        .order_by("-publication_date", "-pk")
    )
    newest: dict[int, DisclosurePage] = {}
    for page in pages:
        newest.setdefault(page.category_id, page)
    for row in standing.rows:
        if row.status in (CURRENT, OUT_OF_DATE):
            row.latest_page = newest.get(row.category.pk)
    return standing
