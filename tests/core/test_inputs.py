"""The one parser of numbers, dates and text (core/inputs.py)."""

import datetime

import pytest

from core.inputs import (
    EARLIEST_DATE,
    LATEST_DATE,
    clean_text,
    earliest_receipt,
    is_visibly_empty,
    parse_date,
    parse_int,
    xml_safe,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026", 2026),
        (" 7 ", 7),
        (7, 7),
        ("0", 0),
        ("²", None),  # superscript two: isdigit() is true, int() raises
        ("2026²", None),
        ("２０２６", None),  # fullwidth: int() would read 2026
        ("٢٠٢٦", None),  # Arabic-Indic
        ("۲۰۲۶", None),  # Persian
        ("-1", None),
        ("+1", None),
        ("1.0", None),
        ("1e3", None),
        ("0x10", None),
        ("1_000", None),
        ("", None),
        ("   ", None),
        (None, None),
        ("9" * 19, None),  # more digits than any id
        ("99999999999999999999", None),
        ("1\x00", None),
    ],
)
def test_parse_int_reads_ascii_digits_only(value, expected):
    assert parse_int(value) == expected


def test_parse_int_bounds():
    assert parse_int("1899", minimum=1900, maximum=2200) is None
    assert parse_int("1900", minimum=1900, maximum=2200) == 1900
    assert parse_int("2200", minimum=1900, maximum=2200) == 2200
    assert parse_int("2201", minimum=1900, maximum=2200) is None
    assert parse_int("-3", minimum=-5) == -3
    assert parse_int("-6", minimum=-5) is None
    assert parse_int("0", minimum=1) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-01", datetime.date(2026, 3, 1)),
        (datetime.date(2026, 3, 1), datetime.date(2026, 3, 1)),
        (datetime.datetime(2026, 3, 1, 10, 0), datetime.date(2026, 3, 1)),
        ("0001-01-01", None),
        ("9999-12-31", None),
        (datetime.date(1, 1, 1), None),
        (datetime.date.max, None),
        ("2026-02-30", None),
        ("2026-2-3", None),
        ("２０２６-０３-０１", None),
        ("²026-03-01", None),
        ("2026-03-01T00:00", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_within_default_bounds(value, expected):
    assert parse_date(value) == expected


def test_parse_date_bounds_are_inclusive():
    assert parse_date(EARLIEST_DATE) == EARLIEST_DATE
    assert parse_date(LATEST_DATE) == LATEST_DATE
    earliest = datetime.date(2005, 12, 19)
    assert parse_date("2005-12-18", earliest=earliest) is None
    assert parse_date("2005-12-19", earliest=earliest) == earliest


@pytest.mark.parametrize(
    ("value", "multiline", "expected"),
    [
        ("Budget\x1b[31m 2026\x07", False, "Budget[31m 2026"),
        ("a\x00b", True, "ab"),
        ("line one\r\nline two\rthree", True, "line one\nline two\nthree"),
        ("line one\r\nline\ttwo", False, "line one line two"),
        ("tab\tkept\n", True, "tab\tkept\n"),
        ("C1\x85\x9b controls", True, "C1 controls"),
        ("del\x7f", True, "del"),
        ("lone surrogate \ud800", True, "lone surrogate "),
        ("Azərbaycan — «sorğu» ²", False, "Azərbaycan — «sorğu» ²"),
        (None, True, ""),
    ],
)
def test_clean_text_removes_control_characters(value, multiline, expected):
    assert clean_text(value, multiline=multiline) == expected


def test_xml_safe_keeps_what_xml_carries():
    assert xml_safe("a\x1bb\x07c\x00d\ufffe") == "abcd"
    assert xml_safe("tab\tnew\nline\r") == "tab\tnew\nline\r"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "\u200b\u200b",  # zero-width spaces
        "\u00a0\u00a0",  # no-break spaces
        "\u200c\u200d\u2060\ufeff",  # joiners, word joiner, BOM
        "\u200e\u200f\u202a\u202e",  # direction marks and overrides
        "\u3000\u2003",  # ideographic space, em space
        "\u3164\u115f\uffa0",  # Hangul fillers
        "\u2800",  # Braille blank
        "\u034f",  # combining grapheme joiner
        "\x00\x1b",
        None,
    ],
)
def test_visibly_empty(value):
    assert is_visibly_empty(value)


@pytest.mark.parametrize("value", ["a", "\u200b.\u200b", "²", "ə", "😀", "\u00a0x"])
def test_not_visibly_empty(value):
    assert not is_visibly_empty(value)


def test_earliest_receipt_is_the_laws_date_or_the_floor():
    class Law:
        in_force_from = datetime.date(2005, 12, 19)

    assert earliest_receipt(Law()) == datetime.date(2005, 12, 19)
    Law.in_force_from = None
    assert earliest_receipt(Law()) == EARLIEST_DATE
