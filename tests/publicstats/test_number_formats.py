"""Statistics write their numbers the page's way: thousands grouped ("12,345" in English,
"12 345" with a no-break space in Azerbaijani and Russian) and the decimal mark of the language
("87.5" / "87,5"). Years are never grouped."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from core.numbers import number_text
from publicstats import charts
from publicstats.views import PAGE_COLUMNS, _league_rows

NBSP = "\xa0"
EXPECTED = {
    "en": ("12,345", "87.5"),
    "az": (f"12{NBSP}345", "87,5"),
    "ru": (f"12{NBSP}345", "87,5"),
}


def result(**overrides):
    figures = {
        "received": 12_345,
        "answered": 10_000,
        "answered_on_time": 8_750,
        "on_time_percent": 87.5,
        "median_working_days_to_first_response": 4.5,
        "median_working_days_to_answer": None,
        "overdue_now": 1_200,
        "very_overdue_now": 3,
        "still_open": 0,
        "withdrawn": 0,
        "transferred_out": 0,
        "appeals": 0,
        "appeals_overturned_percent": None,
        "appeals_overturned": 0,
        "appeals_upheld": 0,
        "appeals_pending": 0,
    }
    return figures | overrides


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_key_figures_group_thousands_in_the_pages_language(language):
    thousands, percent = EXPECTED[language]
    with translation.override(language):
        html = render_to_string("publicstats/_key_figures.html", {"result": result()})
    assert f"<dd>{thousands}</dd>" in html
    assert f"{percent}%" in html
    assert "12345" not in html and "—" in html  # no median to the decision


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_league_table_groups_thousands(language, db):
    thousands, percent = EXPECTED[language]
    row = {column: 0 for column in PAGE_COLUMNS} | {
        "name": "Ministry",
        "slug": "ministry",
        "received": 12_345,
        "on_time_percent": 87.5,
        "median_working_days_to_answer": None,
    }
    with translation.override(language):
        html = _league_rows([row], "")
    cell = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    assert cell.format(thousands) in html and cell.format(percent) in html


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_charts_write_numbers_in_the_pages_language(language):
    thousands, percent = EXPECTED[language]
    monthly = [
        {"month": "2026-01", "received": 12_345, "answered": 10_000, "on_time_percent": 87.5},
        {"month": "2026-02", "received": 2, "answered": 1, "on_time_percent": 50.0},
    ]
    with translation.override(language):
        bars = charts.received_answered(monthly)
        line = charts.on_time_rate(monthly)
    assert thousands in bars and "12345" not in bars
    assert f"{percent}%" in line
    assert "2026" in bars  # the year under the months, never "2,026"
    assert "2,026" not in bars and f"2{NBSP}026" not in bars


def test_whole_floats_lose_their_decimal():
    with translation.override("en"):
        assert number_text(25.0) == "25"
        assert number_text(1234) == "1,234"
