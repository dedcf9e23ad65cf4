"""The ``holidays`` package has no Russian names for Azerbaijan's days off: a Russian reader of a
deadline's explanation reads them translated here, not in English."""

from datetime import date

import pytest

from foi.deadlines.names import holiday_names
from tests.foi.law_builders import az_law


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "День Государственного флага"),
        ("az", "Azərbaycan Respublikasının Dövlət bayrağı günü"),  # the package's own
        ("en", "National Flag Day"),
    ],
)
def test_the_flag_day_in_each_language(language, expected):
    assert holiday_names(az_law(), date(2026, 11, 9), language=language) == [expected]


def test_a_day_off_moved_names_the_day_it_came_from_in_russian():
    law = az_law()
    moved = [
        name
        for day in (date(2024, 1, 3), date(2024, 1, 4), date(2024, 1, 5))
        for name in holiday_names(law, day, language="ru")
        if name.startswith("Выходной день")
    ]
    assert moved and all("перенесён с" in name and "/" not in name for name in moved)
