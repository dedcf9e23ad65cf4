"""Unsaved ``Law`` rows with the values that fixtures/laws.json ships, for tests without a database.

Each builder takes field overrides, e.g. ``az_law(clarification_effect="pause")``. The test
``test_builders_match_the_shipped_laws`` keeps the rules here equal to the fixture's.
"""

from foi.models import AppealLevel, Law


def _law(defaults: dict, overrides: dict) -> Law:
    return Law(**{**defaults, **overrides})


def az_law(**overrides) -> Law:
    return _law(
        {
            "code": "az",
            "name_en": "Law of the Republic of Azerbaijan “On the Right to Obtain Information”",
            "reference_prefix": "AZ",
            "time_zone": "Asia/Baku",
            "holiday_country": "AZ",
            "response_value": 7,
            "response_unit": "working_days",
            "response_article": "24.1",
            "clock_start": "next_working_day",
            "clock_start_article": "24.5",
            "urgent_relevance_value": 24,
            "urgent_relevance_unit": "hours",
            "urgent_relevance_article": "24.2",
            "urgent_life_value": 48,
            "urgent_life_unit": "working_hours",
            "urgent_life_article": "24.3",
            "extension_value": 7,
            "extension_unit": "working_days",
            "extension_max_count": 1,
            "extension_notice_value": 5,
            "extension_notice_unit": "working_days",
            "extension_reasons": [
                {
                    "code": "volume",
                    "label": "A large volume of information must be gathered",
                    "article": "",
                    "label_az": "Böyük həcmdə informasiya toplanmalıdır",
                    "label_ru": "Необходимо собрать большой объём информации",
                },
                {
                    "code": "search",
                    "label": "The information must be searched for in other units or archives",
                    "article": "",
                    "label_az": (
                        "İnformasiya digər struktur bölmələrdə və ya arxivlərdə axtarılmalıdır"
                    ),
                    "label_ru": "Информацию необходимо найти в других подразделениях или архивах",
                },
                {
                    "code": "consultation",
                    "label": "Third parties or other bodies must be consulted",
                    "article": "",
                    "label_az": (
                        "Üçüncü şəxslərlə və ya digər qurumlarla məsləhətləşmə aparılmalıdır"
                    ),
                    "label_ru": (
                        "Необходимо проконсультироваться с третьими лицами или другими органами"
                    ),
                },
            ],
            "transfer_value": 5,
            "transfer_unit": "working_days",
            "transfer_clock": "restart",
            "transfer_article": "23.1",
            "clarification_notice_value": 5,
            "clarification_notice_unit": "working_days",
            "clarification_effect": "restart",
            "clarification_lapse_value": 20,
            "clarification_lapse_unit": "working_days",
            "clarification_article": "24.4",
            "very_overdue_after_working_days": 20,
            "weekend_days": [5, 6],
            "fees_apply": True,
            "fee_classes": ["free", "discounted", "paid"],
            "fee_currency": "AZN",
            "fee_estimate_pauses_clock": True,
            "fee_payment_value": 20,
            "fee_payment_unit": "working_days",
            "fee_article": "19.1.7; Cabinet of Ministers Resolution No. 158 (2012)",
        },
        overrides,
    )


def uk_law(**overrides) -> Law:
    return _law(
        {
            "code": "uk",
            "name_en": "Freedom of Information Act 2000",
            "short_name": "FOIA 2000",
            "reference_prefix": "UK",
            "time_zone": "Europe/London",
            "weekend_days": [5, 6],
            "holiday_country": "GB",
            "holiday_subdivisions": "ENG,NIR,SCT,WLS",
            "response_value": 20,
            "response_unit": "working_days",
            "response_article": "s.10(1)",
            "clock_start": "next_working_day",
            "clock_start_article": "s.10(6)",
            "extension_value": 20,
            "extension_unit": "working_days",
            "extension_max_count": 1,
            "extension_reasons": [
                {
                    "code": "public_interest_test",
                    "label": "More time is needed to consider the public interest test",
                    "article": "s.10(3)",
                }
            ],
            "extension_article": "s.10(3)",
            "transfer_clock": "continue",
            "clarification_effect": "restart",
            "clarification_article": "s.1(3)",
            "very_overdue_after_working_days": 20,
            "fees_apply": True,
            "fee_classes": ["free", "paid"],
            "fee_currency": "GBP",
            "fee_estimate_pauses_clock": True,
            "fee_payment_value": 3,
            "fee_payment_unit": "months",
            "fee_article": "s.9, s.10(2)",
        },
        overrides,
    )


def us_law(**overrides) -> Law:
    return _law(
        {
            "code": "us",
            "name_en": "Freedom of Information Act",
            "short_name": "FOIA",
            "reference_prefix": "US",
            "time_zone": "America/New_York",
            "weekend_days": [5, 6],
            "holiday_country": "US",
            "response_value": 20,
            "response_unit": "working_days",
            "response_article": "552(a)(6)(A)(i)",
            "clock_start": "next_working_day",
            "clock_start_article": "552(a)(6)(A)(i)",
            "extension_value": 10,
            "extension_unit": "working_days",
            "extension_max_count": 1,
            "extension_reasons": [
                {
                    "code": "field_facilities",
                    "label": "Records must be searched for and collected from field facilities"
                    " or other separate establishments",
                    "article": "552(a)(6)(B)(iii)(I)",
                },
                {
                    "code": "voluminous",
                    "label": "A voluminous amount of separate and distinct records must be"
                    " searched for, collected and examined",
                    "article": "552(a)(6)(B)(iii)(II)",
                },
                {
                    "code": "consultation",
                    "label": "Another agency or two or more components with a substantial"
                    " interest must be consulted",
                    "article": "552(a)(6)(B)(iii)(III)",
                },
            ],
            "extension_article": "552(a)(6)(B)(i)",
            "transfer_value": 10,
            "transfer_unit": "working_days",
            "transfer_clock": "restart_capped",
            "transfer_article": "552(a)(6)(A)(ii)",
            "clarification_effect": "pause",
            "clarification_article": "552(a)(6)(A)(ii)(I)",
            "very_overdue_after_working_days": 20,
            "fees_apply": True,
            "fee_classes": ["free", "discounted", "paid"],
            "fee_currency": "USD",
            "fee_estimate_pauses_clock": True,
            "fee_article": "552(a)(4)(A), (a)(6)(A)(ii)(II)",
        },
        overrides,
    )


def de_law(**overrides) -> Law:
    return _law(
        {
            "code": "de",
            "name_en": "Freedom of Information Act (Informationsfreiheitsgesetz)",
            "short_name": "IFG",
            "reference_prefix": "DE",
            "time_zone": "Europe/Berlin",
            "weekend_days": [5, 6],
            "holiday_country": "DE",
            "response_value": 1,
            "response_unit": "months",
            "response_article": "§7(5)",
            "clock_start": "next_day",
            "clock_start_article": "§31(1) VwVfG; §187(1) BGB",
            "roll_forward_to_working_day": True,
            "extension_max_count": 0,
            "transfer_clock": "continue",
            "clarification_effect": "none",
            "fees_apply": True,
            "fee_classes": ["free", "paid"],
            "fee_currency": "EUR",
            "fee_estimate_pauses_clock": False,
            "fee_article": "§10 IFG; IFGGebV",
        },
        overrides,
    )


def in_law(**overrides) -> Law:
    return _law(
        {
            "code": "in",
            "name_en": "Right to Information Act, 2005",
            "short_name": "RTI Act 2005",
            "reference_prefix": "IN",
            "time_zone": "Asia/Kolkata",
            "weekend_days": [5, 6],
            "holiday_country": "IN",
            "response_value": 30,
            "response_unit": "calendar_days",
            "response_article": "s.7(1)",
            "clock_start": "next_day",
            "clock_start_article": "s.7(1); General Clauses Act 1897, s.9",
            "roll_forward_to_working_day": True,
            "urgent_life_value": 48,
            "urgent_life_unit": "hours",
            "urgent_life_article": "s.7(1) proviso",
            "extension_value": 10,
            "extension_unit": "calendar_days",
            "extension_max_count": 1,
            "extension_reasons": [
                {
                    "code": "third_party",
                    "label": "A third party has been given the chance to make representations",
                    "article": "s.11(3)",
                }
            ],
            "extension_article": "s.11(3)",
            "transfer_value": 5,
            "transfer_unit": "calendar_days",
            "transfer_clock": "restart",
            "transfer_article": "s.6(3)",
            "clarification_effect": "none",
            "fees_apply": True,
            "fee_classes": ["free", "paid"],
            "fee_currency": "INR",
            "fee_estimate_pauses_clock": True,
            "fee_article": "s.7(3), s.7(5)",
        },
        overrides,
    )


ALL_LAWS = {"az": az_law, "uk": uk_law, "us": us_law, "de": de_law, "in": in_law}


def appeal_level(law: Law, **overrides) -> AppealLevel:
    """An unsaved appeal level of ``law``; set the periods in ``overrides``."""
    return AppealLevel(
        **{"law": law, "order": 1, "code": "review", "name_en": "Review", "reviewer": "superior"}
        | overrides
    )
