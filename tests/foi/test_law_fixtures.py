"""The shipped law fixtures: they load, load again without duplicating, and are complete."""

from pathlib import Path

import pytest
from django.core.management import call_command

from foi.models import (
    AppealLevel,
    AppealReviewer,
    ClarificationEffect,
    ClockStart,
    Exemption,
    Law,
    PeriodUnit,
    PublicBody,
    TransferClock,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
LAWS = FIXTURES / "laws.json"
APPEAL_LEVELS = FIXTURES / "appeal_levels.json"

UK_SECTIONS = {"s21", "s22", "s22a", "s23", "s24"} | {f"s{n}" for n in range(26, 45)}
US_PARAGRAPHS = {f"b{n}" for n in range(1, 10)}
IN_CLAUSES = {f"s8_1{letter}" for letter in "abcdefghij"}

# uk: ss.21-44 with 22A, less s.25 (certificates, not a ground); in: 8(1)(a)-(j) plus s.9.
EXPECTED_EXEMPTIONS = {"az": 12, "uk": 24, "us": 9, "de": 18, "in": 11}

UNIT_FIELDS = [
    "response_unit",
    "urgent_relevance_unit",
    "urgent_life_unit",
    "extension_unit",
    "extension_notice_unit",
    "transfer_unit",
    "clarification_notice_unit",
    "clarification_lapse_unit",
]


def load(path: Path) -> None:
    call_command("loaddata", str(path), verbosity=0)


def counts() -> tuple[int, int]:
    return Law.objects.count(), Exemption.objects.count()


@pytest.mark.django_db
def test_laws_fixture_is_idempotent():
    load(LAWS)
    first = counts()
    ids = dict(Law.objects.values_list("code", "pk"))
    Law.objects.filter(code="az").update(response_value=99)
    Exemption.objects.filter(law__code="uk", code="s21").update(title_en="changed")

    load(LAWS)

    assert counts() == first == (5, sum(EXPECTED_EXEMPTIONS.values()))
    assert dict(Law.objects.values_list("code", "pk")) == ids
    assert Law.objects.get(code="az").response_value == 7
    exemption = Exemption.objects.get_by_natural_key("uk", "s21")
    assert exemption.title_en == "Information accessible to applicant by other means"


@pytest.mark.django_db
def test_each_law_has_its_exemptions():
    load(LAWS)
    for code, expected in EXPECTED_EXEMPTIONS.items():
        assert Exemption.objects.filter(law__code=code).count() == expected, code

    def codes(law):
        return set(Exemption.objects.filter(law__code=law).values_list("code", flat=True))

    assert codes("uk") == UK_SECTIONS
    assert codes("us") == US_PARAGRAPHS
    assert codes("in") >= IN_CLAUSES
    assert codes("de") >= {f"s3_1{letter}" for letter in "abcdefg"} | {"s4", "s5", "s6"}


@pytest.mark.django_db
def test_every_exemption_has_an_article_and_a_title():
    load(LAWS)
    for exemption in Exemption.objects.select_related("law"):
        assert exemption.article.strip(), exemption.natural_key()
        assert exemption.title_en.strip(), exemption.natural_key()
    for exemption in Exemption.objects.filter(law__code="az"):
        assert exemption.title_az and exemption.title_ru, exemption.code


@pytest.mark.django_db
def test_rule_values_are_valid_choices():
    load(LAWS)
    units = set(PeriodUnit.values)
    for law in Law.objects.all():
        law.full_clean()
        for field in UNIT_FIELDS:
            value = getattr(law, field)
            assert value == "" or value in units, (law.code, field, value)
            number = getattr(law, field.replace("_unit", "_value"))
            assert (number is None) == (value == ""), (law.code, field)
        assert law.clock_start in ClockStart.values
        assert law.clarification_effect in ClarificationEffect.values
        assert law.transfer_clock in TransferClock.values
        assert all(day in range(7) for day in law.weekend_days)
        field_names = {f.name for f in Law._meta.get_fields()}
        assert set(law.unconfirmed_rules) <= field_names, law.code
        if law.extension_max_count == 0:
            assert law.extension_value is None and law.extension_reasons == []
    for exemption in Exemption.objects.all():
        exemption.full_clean()


@pytest.mark.django_db
def test_every_extension_reason_has_a_code_and_a_label():
    load(LAWS)
    for law in Law.objects.all():
        seen = set()
        for reason in law.extension_reasons:
            assert reason.get("code"), law.code
            assert reason.get("label"), law.code
            assert "article" in reason, law.code
            assert reason["code"] not in seen, (law.code, reason["code"])
            seen.add(reason["code"])
        if law.extension_max_count:
            assert law.extension_reasons, law.code


@pytest.mark.django_db
def test_default_law_values():
    load(LAWS)
    az = Law.objects.get(code="az")
    assert (az.response_value, az.response_unit, az.response_article) == (7, "working_days", "24.1")
    assert az.clock_start == "next_working_day"
    assert (az.urgent_relevance_value, az.urgent_relevance_unit) == (24, "hours")
    assert (az.urgent_life_value, az.urgent_life_unit) == (48, "working_hours")
    assert (az.transfer_value, az.transfer_unit) == (5, "working_days")
    assert az.transfer_clock == "restart"
    assert az.weekend_days == [5, 6]
    assert {"extension_reasons", "clarification_effect"} <= set(az.unconfirmed_rules)
    assert az.notes
    assert az.extension_reason("volume")["label"]


@pytest.mark.django_db
def test_appeal_levels_load_after_the_ombudsman():
    load(LAWS)
    ombudsman = PublicBody.objects.create(
        slug="ombudsman",
        name_az="Ombudsman",
        law=Law.objects.get(code="az"),
    )
    load(APPEAL_LEVELS)
    load(APPEAL_LEVELS)
    load(LAWS)  # reloading the laws keeps the appeal levels attached to the same rows

    assert AppealLevel.objects.count() == 13
    route = list(AppealLevel.objects.filter(law__code="az").order_by("order"))
    assert [level.code for level in route] == ["internal_review", "ombudsman", "court"]
    assert [level.order for level in route] == [1, 2, 3]
    assert [level.reviewer for level in route] == ["superior", "oversight", "court"]
    internal, oversight, court = route
    assert internal.reviewer_body is None
    assert (internal.decide_within_value, internal.decide_within_unit) == (15, "working_days")
    assert oversight.reviewer_body == ombudsman
    assert oversight.requires_previous is True
    assert (oversight.decide_within_value, oversight.decide_within_unit) == (10, "working_days")
    assert (oversight.decide_extension_value, oversight.decide_extension_unit) == (
        10,
        "working_days",
    )
    assert court.requires_previous is False

    for level in AppealLevel.objects.select_related("law"):
        level.full_clean()
        assert level.reviewer in AppealReviewer.values
        if level.law.code != "az":
            assert level.reviewer_body is None, level.natural_key()
    for law in Law.objects.all():
        orders = list(law.appeal_levels.values_list("order", flat=True))
        assert orders == list(range(1, len(orders) + 1)), law.code
        assert law.appeal_levels.first().reviewer == "superior", law.code
