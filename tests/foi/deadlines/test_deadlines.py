"""Deadlines worked out by hand against the holidays package (0.109) data for each date.

Every expected date below was counted on a calendar with the package's holidays for that year
printed next to it; the counting is written down in the test so that a reviewer can redo it.
"""

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from foi import deadlines
from foi.deadlines import DeadlineError, Step
from foi.models import Law
from tests.foi.law_builders import ALL_LAWS, appeal_level, az_law, de_law, in_law, uk_law, us_law

SHIPPED_LAWS = Path(__file__).resolve().parents[3] / "fixtures" / "laws.json"


def at(law, text: str) -> datetime:
    """A local moment in the law's time zone, from "YYYY-MM-DD HH:MM"."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(law.time_zone))


def end_of(law, text: str) -> datetime:
    return datetime.combine(date.fromisoformat(text), time(23, 59, 59), ZoneInfo(law.time_zone))


def codes(deadline) -> list[str]:
    return [step.code for step in deadline.steps]


def test_builders_match_the_shipped_laws():
    """The hand-counted cases below hold for the laws as shipped, not only for the builders."""
    not_rules = {"id", "code", "name_az", "name_en", "name_ru", "short_name", "citation", "url"}
    not_rules |= {"reference_prefix", "notes", "unconfirmed_rules"}
    # When the law began bounds the receipt dates an officer may type; it counts no deadline.
    not_rules |= {"in_force_from"}
    rule_fields = [field for field in Law._meta.concrete_fields if field.name not in not_rules]
    shipped = {
        row["fields"]["code"]: row["fields"]
        for row in json.loads(SHIPPED_LAWS.read_text())
        if row["model"] == "foi.law"
    }
    assert set(shipped) == set(ALL_LAWS)
    for code, build in ALL_LAWS.items():
        built = build()
        for field in rule_fields:
            expected = shipped[code].get(field.name, field.get_default())
            assert getattr(built, field.name) == expected, (code, field.name)


# The calendar ----------------------------------------------------------------------------------


def test_novruz_2026_days_are_not_working_days():
    # holidays 0.109, AZ 2026: 20-24 Mar Spring Festival (20-21 also Eid al-Fitr), 25 Mar Eid
    # (observed), 26-27 Mar Spring Festival (observed), 28-29 Mar weekend, 30 Mar Eid (observed).
    law = az_law()
    novruz = [date(2026, 3, 19) + timedelta(days=n) for n in range(1, 12)]
    assert [deadlines.is_working_day(law, day) for day in novruz] == [False] * 11
    assert deadlines.is_working_day(law, date(2026, 3, 19))
    assert deadlines.is_working_day(law, date(2026, 3, 31))


def test_a_cabinet_day_swap_makes_a_saturday_a_working_day():
    # AZ 2024: Sat 28 Dec 2024 was worked in exchange for Mon 30 Dec 2024 (holidays lists it in
    # weekend_workdays; the Sunday 29 Dec was swapped for Fri 3 Jan 2025, published with 2025).
    law = az_law()
    assert deadlines.is_working_day(law, date(2024, 12, 28))
    assert deadlines.is_working_day(law, date(2024, 12, 29))
    assert not deadlines.is_working_day(law, date(2024, 12, 30))
    assert not deadlines.is_working_day(law, date(2025, 1, 3))


def test_uk_counts_a_bank_holiday_of_any_part_of_the_uk():
    # St Andrew's Day, Mon 30 Nov 2026, is a bank holiday in Scotland only.
    assert not deadlines.is_working_day(uk_law(), date(2026, 11, 30))
    assert deadlines.is_working_day(uk_law(holiday_subdivisions="ENG"), date(2026, 11, 30))


def test_an_empty_weekend_means_saturday_and_sunday():
    law = az_law(weekend_days=[])
    assert not deadlines.is_working_day(law, date(2026, 4, 4))  # Saturday
    assert deadlines.is_working_day(law, date(2026, 4, 3))  # Friday


def test_another_weekend_is_honoured():
    law = az_law(weekend_days=[4, 5])  # Friday and Saturday
    assert not deadlines.is_working_day(law, date(2026, 4, 3))  # Friday
    assert deadlines.is_working_day(law, date(2026, 4, 5))  # Sunday


def test_non_working_reason_names_the_holiday_or_the_weekend():
    law = az_law()
    assert deadlines.non_working_reason(law, date(2026, 3, 9), "en") == "Women's Day (observed)"
    assert deadlines.non_working_reason(law, date(2026, 3, 9), "az") == (
        "Qadınlar günü (müşahidə olunur)"
    )
    assert deadlines.non_working_reason(law, date(2026, 3, 28), "en") == "weekend"
    assert deadlines.non_working_reason(law, date(2026, 3, 31), "en") == ""
    with translation.override("en"):
        assert deadlines.non_working_reason(law, date(2026, 3, 20)) == (
            "Eid al-Fitr, Spring Festival"
        )


def test_unknown_holiday_country_is_a_deadline_error():
    with pytest.raises(DeadlineError, match="No holiday calendar"):
        deadlines.is_working_day(az_law(holiday_country="XX"), date(2026, 1, 5))


# AZ: the answer (Art. 24.1, 24.5) ---------------------------------------------------------------


def test_az_across_novruz_2026():
    """Received Wed 18 Mar 2026 10:00; counting starts the next working day (Art. 24.5).

    Day 1 Thu 19 Mar. Fri 20 - Mon 30 Mar are rest days (Novruz, Eid al-Fitr, a weekend).
    Day 2 Tue 31 Mar, 3 Wed 1 Apr, 4 Thu 2 Apr, 5 Fri 3 Apr, (Sat 4, Sun 5), 6 Mon 6 Apr,
    7 Tue 7 Apr. Due at the end of Tue 7 Apr 2026, Baku time (+04:00).
    """
    law = az_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"))
    assert deadline.due_at == end_of(law, "2026-04-07")
    assert deadline.due_at.isoformat() == "2026-04-07T23:59:59+04:00"
    assert codes(deadline) == ["received", "period", "skipped", "due"]
    # The weekend of 4-5 Apr holds no holiday, so it is not listed.
    assert deadline.steps[2] == Step("skipped", {"from": "2026-03-20", "to": "2026-03-30"})
    with translation.override("en"):
        text = deadlines.explain(law, deadline.to_json())
    assert text == (
        "Received Wed 18 Mar 2026 10:00. 7 working days (Art. 24.1) counted from Thu 19 Mar 2026"
        " (Art. 24.5); skipped 20–30 Mar 2026 (Spring Festival, Eid al-Fitr, weekend)."
        " Due end of Tue 7 Apr 2026."
    )


def test_az_womens_day_on_a_sunday_is_carried_over_to_monday():
    """Women's Day, Sun 8 Mar 2026, is observed on Mon 9 Mar (holidays: "(observed)").

    Received Thu 5 Mar 2026: day 1 Fri 6 Mar; Sat 7, Sun 8, Mon 9 rest; 2 Tue 10, 3 Wed 11,
    4 Thu 12, 5 Fri 13, (Sat 14, Sun 15), 6 Mon 16, 7 Tue 17 Mar (Novruz starts on 20 Mar).
    """
    law = az_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-05 10:00"))
    assert deadline.due_at == end_of(law, "2026-03-17")
    assert Step("skipped", {"from": "2026-03-07", "to": "2026-03-09"}) in deadline.steps
    with translation.override("en"):
        text = deadlines.explain(law, deadline.steps)
    assert "skipped 7–9 Mar 2026 (Women's Day, weekend)" in text


def test_az_over_new_year_2027():
    """Received Tue 29 Dec 2026; day 1 Wed 30 Dec.

    Thu 31 Dec (Solidarity Day), Fri 1 and Sat 2 Jan (New Year), Sun 3 Jan, Mon 4 Jan (New
    Year, observed) are rest days. 2 Tue 5, 3 Wed 6, 4 Thu 7, 5 Fri 8, 6 Mon 11, 7 Tue 12 Jan.
    """
    law = az_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-12-29 16:30"))
    assert deadline.due_at == end_of(law, "2027-01-12")
    assert Step("skipped", {"from": "2026-12-31", "to": "2027-01-04"}) in deadline.steps
    with translation.override("en"):
        text = deadlines.explain(law, deadline.steps)
    assert "skipped 31 Dec 2026 – 4 Jan 2027" in text


def test_a_request_received_on_a_rest_day_starts_on_the_next_working_day_after_it():
    """Received Sat 21 Mar 2026 (Novruz): the first working day after it is Tue 31 Mar.

    Day 1 Tue 31 Mar, 2 Wed 1 Apr, 3 Thu 2, 4 Fri 3, 5 Mon 6, 6 Tue 7, 7 Wed 8 Apr.
    """
    law = az_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-21 12:00"))
    assert deadline.due_at == end_of(law, "2026-04-08")


def test_receipt_in_another_time_zone_is_counted_on_the_local_day():
    # 21:30 UTC on Wed 18 Mar is 01:30 on Thu 19 Mar in Baku: day 1 is then Tue 31 Mar and day
    # 7 is Wed 8 Apr, one working day later than for a receipt on the 18th.
    law = az_law()
    received = datetime(2026, 3, 18, 21, 30, tzinfo=ZoneInfo("UTC"))
    assert deadlines.compute_due(law, received_at=received).due_at == end_of(law, "2026-04-08")


# AZ: urgent requests (Art. 24.2, 24.3) -----------------------------------------------------------


def test_az_24_hours_run_over_a_weekend():
    # Art. 24.2 counts plain hours: Fri 13 Mar 2026 15:00 + 24 h = Sat 14 Mar 15:00.
    law = az_law()
    deadline = deadlines.compute_due(
        law, received_at=at(law, "2026-03-13 15:00"), urgency="relevance"
    )
    assert deadline.due_at == at(law, "2026-03-14 15:00")
    assert deadline.steps[-1] == Step(
        "due", {"at": "2026-03-14T15:00:00+04:00", "end_of_day": False}
    )


def test_az_48_hours_skip_rest_days():
    """Art. 24.3: 48 hours not counting rest days and non-working holidays.

    Fri 13 Mar 2026 15:00: 9 h on Friday; Sat 14 and Sun 15 skipped; Mon 16 Mar (working) 24 h
    (33 in all); the last 15 h on Tue 17 Mar (working; Novruz begins on the 20th): Tue 15:00.
    """
    law = az_law()
    assert deadlines.is_working_day(law, date(2026, 3, 16))
    assert deadlines.is_working_day(law, date(2026, 3, 17))
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-13 15:00"), urgency="life")
    assert deadline.due_at == at(law, "2026-03-17 15:00")


def test_az_48_hours_skip_novruz():
    # Thu 19 Mar 2026 10:00: 14 h on Thursday, 20-30 Mar rest, 24 h on Tue 31 Mar (38 h),
    # 10 h on Wed 1 Apr: Wed 1 Apr 10:00.
    law = az_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-19 10:00"), urgency="life")
    assert deadline.due_at == at(law, "2026-04-01 10:00")
    assert Step("skipped", {"from": "2026-03-20", "to": "2026-03-30"}) in deadline.steps


def test_urgency_without_a_shorter_period_in_the_law_uses_the_normal_one():
    # The UK law sets no urgent period: 20 working days as usual.
    law = uk_law()
    normal = deadlines.compute_due(law, received_at=at(law, "2026-03-02 10:00"))
    urgent = deadlines.compute_due(law, received_at=at(law, "2026-03-02 10:00"), urgency="life")
    assert urgent.due_at == normal.due_at


def test_unknown_urgency_is_refused():
    law = az_law()
    with pytest.raises(DeadlineError, match="Unknown urgency"):
        deadlines.compute_due(law, received_at=at(law, "2026-03-02 10:00"), urgency="panic")


# Extensions -------------------------------------------------------------------------------------


def test_az_one_extension_adds_seven_working_days_and_a_second_is_refused():
    """Due Tue 7 Apr 2026 (Novruz case); extended: counting from Wed 8 Apr.

    1 Wed 8, 2 Thu 9, 3 Fri 10, 4 Mon 13, 5 Tue 14, 6 Wed 15, 7 Thu 16 Apr 2026 (no AZ holiday in
    April 2026).
    """
    law = az_law()
    received = at(law, "2026-03-18 10:00")
    extension = {"kind": "extension", "at": "2026-03-19T11:00:00+04:00", "reason": "volume"}
    deadline = deadlines.compute_due(law, received_at=received, history=[extension])
    assert deadline.due_at == end_of(law, "2026-04-16")
    assert codes(deadline) == ["received", "period", "skipped", "extended", "period", "due"]
    assert deadline.steps[3].params == {
        "at": "2026-03-19T11:00:00+04:00",
        "reason": "volume",
        "number": 1,
    }
    with pytest.raises(DeadlineError, match=r"^The law az allows at most 1 extension\.$"):
        deadlines.compute_due(law, received_at=received, history=[extension, extension])


def test_an_extension_needs_a_reason_the_law_knows():
    law = az_law()
    extension = {"kind": "extension", "at": "2026-03-19T11:00:00+04:00", "reason": "lunch"}
    with pytest.raises(DeadlineError, match="no extension for the reason"):
        deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"), history=[extension])


def test_a_law_without_extensions_refuses_one():
    law = de_law()
    extension = {"kind": "extension", "at": "2026-01-31T10:00:00+01:00", "reason": "volume"}
    with pytest.raises(DeadlineError, match=r"^The law de allows no extension\.$"):
        deadlines.compute_due(law, received_at=at(law, "2026-01-30 10:00"), history=[extension])


def test_in_extension_adds_ten_calendar_days():
    """IN: received Mon 2 Mar 2026: day 1 Tue 3 Mar, day 30 Wed 1 Apr (a working day).

    Extended by 10 days counted from Thu 2 Apr: 2 + 9 = Sat 11 Apr, a rest day, rolled forward
    to Mon 13 Apr 2026 (no IN holiday on the 13th; Ambedkar's Birthday is Tue 14 Apr).
    """
    law = in_law()
    received = at(law, "2026-03-02 10:00")
    assert deadlines.compute_due(law, received_at=received).due_at == end_of(law, "2026-04-01")
    extension = {"kind": "extension", "at": "2026-03-20T10:00:00+05:30", "reason": "third_party"}
    deadline = deadlines.compute_due(law, received_at=received, history=[extension])
    assert deadline.due_at == end_of(law, "2026-04-13")
    assert Step("rolled_forward", {"from": "2026-04-11", "to": "2026-04-13"}) in deadline.steps


# Clarification ----------------------------------------------------------------------------------


def test_us_clarification_pauses_the_clock():
    """US (pause). Received Mon 2 Mar 2026; 20 working days from Tue 3 Mar: 3-6 (4), 9-13 (9),
    16-20 (14), 23-27 (19), Mon 30 Mar (20). No federal holiday in March 2026.

    Asked Thu 5 Mar: Tue 3, Wed 4, Thu 5 are used; 17 working days are left (6 Mar - 30 Mar).
    Clarified Mon 16 Mar: 17 working days from Tue 17 Mar: 17-20 (4), 23-27 (9),
    30 Mar - 3 Apr (14), Mon 6, Tue 7, Wed 8 Apr (17). Good Friday is not a federal holiday.
    """
    law = us_law()
    received = at(law, "2026-03-02 10:00")
    assert deadlines.compute_due(law, received_at=received).due_at == end_of(law, "2026-03-30")
    asked = {"kind": "clarification_asked", "at": "2026-03-05T14:00:00-05:00"}
    clarified = {"kind": "clarified", "at": "2026-03-16T12:00:00-04:00"}
    deadline = deadlines.compute_due(law, received_at=received, history=[asked, clarified])
    assert deadline.due_at == end_of(law, "2026-04-08")
    assert deadline.due_at.isoformat() == "2026-04-08T23:59:59-04:00"  # summer time by then
    clarified_at = deadline.steps.index(
        Step("clarified", {"at": "2026-03-16T12:00:00-04:00", "effect": "pause", "resumed": True})
    )
    resumed = deadline.steps[clarified_at + 1]
    assert (resumed.code, resumed.params["basis"], resumed.params["value"]) == (
        "period",
        "remaining",
        17,
    )
    assert resumed.params["first_day"] == "2026-03-17"


def test_a_pending_clarification_keeps_the_due_date_and_says_the_clock_waits():
    law = us_law()
    asked = {"kind": "clarification_asked", "at": "2026-03-05T14:00:00-05:00"}
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-02 10:00"), history=[asked])
    assert deadline.due_at == end_of(law, "2026-03-30")
    assert deadline.steps[-2] == Step("waiting", {"since": "2026-03-05", "effect": "pause"})
    with translation.override("en"):
        assert "The clock has been stopped since Thu 5 Mar 2026" in deadlines.explain(
            law, deadline.steps
        )


def test_a_pause_after_the_due_day_gives_no_more_time():
    law = us_law()
    asked = {"kind": "clarification_asked", "at": "2026-04-02T10:00:00-04:00"}
    clarified = {"kind": "clarified", "at": "2026-04-10T10:00:00-04:00"}
    deadline = deadlines.compute_due(
        law, received_at=at(law, "2026-03-02 10:00"), history=[asked, clarified]
    )
    assert deadline.due_at == end_of(law, "2026-03-30")


def test_a_pause_of_an_hours_period_gives_back_the_hours_left():
    # IN life: 48 h from Fri 13 Mar 2026 15:00 is Sun 15 Mar 15:00. Asked Sat 14 Mar 15:00 with 24 h
    # left; clarified Mon 16 Mar 09:00, so due Tue 17 Mar 09:00.
    law = in_law(clarification_effect="pause")
    history = [
        {"kind": "clarification_asked", "at": "2026-03-14T15:00:00+05:30"},
        {"kind": "clarified", "at": "2026-03-16T09:00:00+05:30"},
    ]
    deadline = deadlines.compute_due(
        law, received_at=at(law, "2026-03-13 15:00"), urgency="life", history=history
    )
    assert deadline.due_at == at(law, "2026-03-17 09:00")


def test_az_clarification_restarts_the_clock_and_drops_the_extension():
    """AZ (restart). Received Wed 18 Mar 2026, extended on 19 Mar (due Thu 16 Apr), asked 19 Mar.

    Clarified Thu 2 Apr 11:00: 7 working days afresh from Fri 3 Apr: 3, 6, 7, 8, 9, 10, Mon 13 Apr.
    """
    law = az_law()
    history = [
        {"kind": "extension", "at": "2026-03-19T10:00:00+04:00", "reason": "search"},
        {"kind": "clarification_asked", "at": "2026-03-19T12:00:00+04:00"},
        {"kind": "clarified", "at": "2026-04-02T11:00:00+04:00"},
    ]
    received = at(law, "2026-03-18 10:00")
    waiting = deadlines.compute_due(law, received_at=received, history=history[:2])
    assert waiting.due_at == end_of(law, "2026-04-16")
    assert waiting.steps[-2] == Step("waiting", {"since": "2026-03-19", "effect": "restart"})
    deadline = deadlines.compute_due(law, received_at=received, history=history)
    assert deadline.due_at == end_of(law, "2026-04-13")


def test_clarification_with_no_effect_leaves_the_clock_alone():
    law = az_law(clarification_effect="none")
    history = [
        {"kind": "clarification_asked", "at": "2026-03-19T12:00:00+04:00"},
        {"kind": "clarified", "at": "2026-04-02T11:00:00+04:00"},
    ]
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"), history=history)
    assert deadline.due_at == end_of(law, "2026-04-07")


def test_a_clarification_nobody_asked_for_is_refused():
    law = az_law()
    clarified = {"kind": "clarified", "at": "2026-04-02T11:00:00+04:00"}
    with pytest.raises(DeadlineError, match="nobody asked for"):
        deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"), history=[clarified])


def test_az_clarification_lapse_and_notice_periods():
    """Asked Wed 18 Mar 2026: 20 working days from Thu 19 Mar: 19 (1), 31 Mar - 3 Apr (5),
    6-10 Apr (10), 13-17 Apr (15), 20-24 Apr (20). Notice within 5 working days of receipt on
    Wed 18 Mar: 19, 31, 1, 2, Fri 3 Apr.
    """
    law = az_law()
    assert deadlines.clarification_lapse_at(law, asked_at=at(law, "2026-03-18 10:00")) == end_of(
        law, "2026-04-24"
    )
    notice = deadlines.clarification_notice_deadline(law, received_at=at(law, "2026-03-18 10:00"))
    assert notice == end_of(law, "2026-04-03")
    assert (
        deadlines.clarification_lapse_at(uk_law(), asked_at=at(uk_law(), "2026-03-18 10:00"))
        is None
    )


# Transfers --------------------------------------------------------------------------------------


def test_az_transfer_restarts_the_clock():
    """Received Wed 18 Mar 2026 (due 7 Apr); forwarded Wed 1 Apr 09:00 (Art. 23.1: restart).

    7 working days from Thu 2 Apr: 2, 3, 6, 7, 8, 9, Fri 10 Apr 2026.
    """
    law = az_law()
    transfer = {
        "kind": "transfer",
        "at": "2026-04-01T09:00:00+04:00",
        "from_body": "Ministry A",
        "to_body": "Ministry B",
    }
    deadline = deadlines.compute_due(
        law, received_at=at(law, "2026-03-18 10:00"), history=[transfer]
    )
    assert deadline.due_at == end_of(law, "2026-04-10")
    with translation.override("en"):
        assert "Forwarded from Ministry A to Ministry B on Wed 1 Apr 2026" in deadlines.explain(
            law, deadline.steps
        )


def test_az_transfer_deadline_is_five_working_days():
    # Received Wed 18 Mar 2026: 19 Mar (1), 31 Mar (2), 1 Apr (3), 2 Apr (4), Fri 3 Apr (5).
    law = az_law()
    due = deadlines.transfer_deadline(law, received_at=at(law, "2026-03-18 10:00"))
    assert due == end_of(law, "2026-04-03")
    assert deadlines.transfer_deadline(uk_law(), received_at=at(law, "2026-03-18 10:00")) is None


def test_us_transfer_restart_is_capped_at_ten_working_days_after_first_receipt():
    """Received Mon 2 Mar 2026. The cap: 10 working days from Tue 3 Mar: 3-6, 9-13, Mon 16 Mar.

    Forwarded Wed 4 Mar (before the cap): 20 working days from Thu 5 Mar: 5-6 (2), 9-13 (7),
    16-20 (12), 23-27 (17), 30, 31 Mar, Wed 1 Apr (20).
    Forwarded Mon 23 Mar (after the cap): the clock starts at the end of Mon 16 Mar, so 20 working
    days from Tue 17 Mar: 17-20 (4), 23-27 (9), 30 Mar - 3 Apr (14), 6-10 Apr (19), Mon 13 Apr.
    """
    law = us_law()
    received = at(law, "2026-03-02 10:00")
    early = {"kind": "transfer", "at": "2026-03-04T12:00:00-05:00", "to_body": "FBI"}
    late = {"kind": "transfer", "at": "2026-03-23T12:00:00-04:00", "to_body": "FBI"}
    assert deadlines.compute_due(law, received_at=received, history=[early]).due_at == end_of(
        law, "2026-04-01"
    )
    capped = deadlines.compute_due(law, received_at=received, history=[late])
    assert capped.due_at == end_of(law, "2026-04-13")
    assert "transfer_capped" in codes(capped)


def test_uk_transfer_keeps_the_clock():
    law = uk_law()
    received = at(law, "2026-03-02 10:00")
    transfer = {"kind": "transfer", "at": "2026-03-10T10:00:00+00:00", "to_body": "Home Office"}
    moved = deadlines.compute_due(law, received_at=received, history=[transfer])
    assert moved.due_at == deadlines.compute_due(law, received_at=received).due_at


def test_reopened_after_an_appeal_starts_the_base_period_again():
    # AZ: reopened Wed 1 Apr 2026 10:00, like the transfer above: Fri 10 Apr.
    law = az_law()
    reopened = {"kind": "reopened", "at": "2026-04-01T10:00:00+04:00"}
    deadline = deadlines.compute_due(
        law, received_at=at(law, "2026-03-18 10:00"), history=[reopened]
    )
    assert deadline.due_at == end_of(law, "2026-04-10")


# Bad histories ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"kind": "holiday", "at": "2026-03-19T10:00:00+04:00"}, "Unknown clock event"),
        ({"kind": "reopened", "at": "yesterday"}, "not an ISO 8601"),
        ({"kind": "reopened", "at": "2026-03-19T10:00:00"}, "no time zone"),
        ({"kind": "reopened", "at": "2026-03-01T10:00:00+04:00"}, "before the request"),
    ],
)
def test_a_bad_history_item_is_a_deadline_error(item, message):
    law = az_law()
    with pytest.raises(DeadlineError, match=message):
        deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"), history=[item])


def test_a_naive_receipt_is_refused():
    with pytest.raises(DeadlineError, match="no time zone"):
        deadlines.compute_due(az_law(), received_at=datetime(2026, 3, 18, 10, 0))


def test_history_moments_may_be_datetimes():
    law = az_law()
    transfer = {"kind": "reopened", "at": at(law, "2026-04-01 10:00")}
    deadline = deadlines.compute_due(
        law, received_at=at(law, "2026-03-18 10:00"), history=[transfer]
    )
    assert deadline.due_at == end_of(law, "2026-04-10")


# The other laws ---------------------------------------------------------------------------------


def test_uk_over_christmas_counts_every_part_of_the_uk():
    """Received Fri 11 Dec 2026; 20 working days from Mon 14 Dec.

    14-18 Dec (5), 21-24 Dec (9); Fri 25 Christmas, Sat 26 Boxing Day, Sun 27, Mon 28 Boxing Day
    (observed); 29-31 Dec (12); Fri 1 Jan New Year's Day, Sat 2, Sun 3, Mon 4 Jan New Year
    Holiday (observed) in Scotland only, still a rest day for a UK-wide law; 5-8 Jan (16),
    11-14 Jan (20): due Thu 14 Jan 2027 (GMT). England alone would give Wed 13 Jan.
    """
    law = uk_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-12-11 10:00"))
    assert deadline.due_at.isoformat() == "2027-01-14T23:59:59+00:00"
    england = uk_law(holiday_subdivisions="ENG")
    assert deadlines.compute_due(england, received_at=at(law, "2026-12-11 10:00")).due_at == end_of(
        law, "2027-01-13"
    )
    with translation.override("en"):
        text = deadlines.explain(law, deadline.steps)
    # Boxing Day and the New Year Holiday come first: each covers two of the days.
    assert "25–28 Dec 2026 (Boxing Day, Christmas Day, weekend)" in text
    assert "1–4 Jan 2027 (New Year Holiday, New Year's Day, weekend)" in text
    assert "20 working days (s.10(1)) counted from Mon 14 Dec 2026 (s.10(6))" in text


def test_uk_public_interest_extension():
    # Due Thu 14 Jan 2027 (above); +20 working days from Fri 15 Jan: 15 (1), 18-22 (6),
    # 25-29 (11), 1-5 Feb (16), 8-11 Feb (20): Thu 11 Feb 2027.
    law = uk_law()
    extension = {
        "kind": "extension",
        "at": "2027-01-05T10:00:00+00:00",
        "reason": "public_interest_test",
    }
    deadline = deadlines.compute_due(
        law, received_at=at(law, "2026-12-11 10:00"), history=[extension]
    )
    assert deadline.due_at == end_of(law, "2027-02-11")
    with translation.override("en"):
        text = deadlines.explain(law, deadline.steps)
    assert (
        "Extended on Tue 5 Jan 2027: More time is needed to consider the public interest test."
        in text
    )
    assert "20 working days (s.10(3)) counted from Fri 15 Jan 2027" in text


def test_us_twenty_working_days_over_thanksgiving():
    """Received Mon 16 Nov 2026; 20 working days from Tue 17 Nov: 17-20 (4), 23-25 (7),
    Thu 26 Nov Thanksgiving, Fri 27 (8), Nov 30 - Dec 4 (13), 7-11 (18), Mon 14, Tue 15 Dec (20).
    """
    law = us_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-11-16 09:00"))
    assert deadline.due_at.isoformat() == "2026-12-15T23:59:59-05:00"
    assert Step("skipped", {"from": "2026-11-26", "to": "2026-11-26"}) in deadline.steps


def test_de_one_month_from_30_january_ends_at_the_end_of_february_then_rolls_forward():
    """BGB §188(3): received Fri 30 Jan 2026, 30 Feb does not exist, so the month ends on
    Sat 28 Feb 2026; §193 moves it to the next working day, Mon 2 Mar 2026.
    """
    law = de_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-01-30 10:00"))
    assert deadline.due_at.isoformat() == "2026-03-02T23:59:59+01:00"
    assert Step("rolled_forward", {"from": "2026-02-28", "to": "2026-03-02"}) in deadline.steps
    with translation.override("en"):
        assert (
            "28 Feb – 1 Mar 2026 are not working days (weekend), so the period ends on Mon 2 Mar"
            in deadlines.explain(law, deadline.steps)
        )


def test_de_one_month_ending_on_good_friday_rolls_over_easter():
    """Received Tue 3 Mar 2026: the month ends Fri 3 Apr 2026, Good Friday; Sat 4, Sun 5 and
    Easter Monday 6 Apr are rest days too, so it ends Tue 7 Apr 2026 (CEST, +02:00).
    """
    law = de_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-03 10:00"))
    assert deadline.due_at.isoformat() == "2026-04-07T23:59:59+02:00"
    with translation.override("en"):
        text = deadlines.explain(law, deadline.steps)
    assert "3–6 Apr 2026 are not working days (Good Friday, Easter Monday, weekend)" in text


def test_de_one_month_in_mid_month_keeps_the_day_number():
    # Received Thu 15 Jan 2026: ends Sun 15 Feb, rolled forward to Mon 16 Feb 2026.
    law = de_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-01-15 10:00"))
    assert deadline.due_at == end_of(law, "2026-02-16")
    # Received Tue 14 Apr 2026: Thu 14 May 2026 is Ascension Day, so Fri 15 May.
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-04-14 10:00"))
    assert deadline.due_at == end_of(law, "2026-05-15")


def test_in_thirty_days_ending_on_good_friday_roll_forward():
    """Received Wed 4 Mar 2026 (Holi; counting starts the next day anyway): day 1 Thu 5 Mar,
    day 30 Fri 3 Apr 2026, Good Friday; Sat 4, Sun 5 Apr; due Mon 6 Apr 2026 (IST, +05:30).
    """
    law = in_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-04 10:00"))
    assert deadline.due_at.isoformat() == "2026-04-06T23:59:59+05:30"


def test_in_life_or_liberty_48_hours_count_every_hour():
    law = in_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-13 15:00"), urgency="life")
    assert deadline.due_at == at(law, "2026-03-15 15:00")


def test_in_transfer_within_five_days_rolls_forward():
    # Received Mon 2 Mar 2026: day 1 Tue 3, day 5 Sat 7 Mar, rolled forward to Mon 9 Mar.
    law = in_law()
    assert deadlines.transfer_deadline(law, received_at=at(law, "2026-03-02 10:00")) == end_of(
        law, "2026-03-09"
    )


# period_end on its own --------------------------------------------------------------------------


def test_receipt_day_counting_makes_a_working_receipt_day_day_one():
    law = az_law()
    due, steps = deadlines.period_end(
        law,
        start=at(law, "2026-03-18 10:00"),
        value=2,
        unit="working_days",
        clock_start="receipt_day",
    )
    assert due == end_of(law, "2026-03-19")
    assert steps[0].params["first_day"] == "2026-03-18"


def test_receipt_day_counting_on_a_rest_day_starts_on_the_next_working_day():
    law = az_law()
    due, _ = deadlines.period_end(
        law,
        start=at(law, "2026-03-21 10:00"),
        value=1,
        unit="calendar_days",
        clock_start="receipt_day",
    )
    assert due == end_of(law, "2026-03-31")


def test_calendar_days_without_roll_forward_may_end_on_a_rest_day():
    law = az_law()
    due, steps = deadlines.period_end(
        law,
        start=at(law, "2026-03-18 10:00"),
        value=10,
        unit="calendar_days",
        clock_start="next_day",
    )
    assert due == end_of(law, "2026-03-28")
    assert [step.code for step in steps] == ["period"]


def test_hours_are_real_hours_across_a_summer_time_change():
    # Europe/Berlin moves to summer time on Sun 29 Mar 2026 at 02:00: 24 h from Sat 12:00 CET is
    # Sun 13:00 CEST.
    law = de_law()
    due, _ = deadlines.period_end(
        law, start=at(law, "2026-03-28 12:00"), value=24, unit="hours", clock_start="next_day"
    )
    assert due.isoformat() == "2026-03-29T13:00:00+02:00"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"value": 0, "unit": "working_days", "clock_start": "next_day"}, "at least 1"),
        ({"value": 3, "unit": "fortnights", "clock_start": "next_day"}, "Unknown period unit"),
        ({"value": 3, "unit": "working_days", "clock_start": "someday"}, "Unknown clock start"),
    ],
)
def test_period_end_refuses_a_bad_period(kwargs, message):
    law = az_law()
    with pytest.raises(DeadlineError, match=message):
        deadlines.period_end(law, start=at(law, "2026-03-18 10:00"), **kwargs)


# Late days and appeals --------------------------------------------------------------------------


def test_working_days_late_counts_from_the_day_after_the_due_day():
    law = az_law()
    due = end_of(law, "2026-03-19")
    assert deadlines.working_days_late(law, due_at=due, now=at(law, "2026-03-19 20:00")) == 0
    # Fri 20 - Mon 30 Mar are rest days; Tue 31 Mar is the first working day late.
    assert deadlines.working_days_late(law, due_at=due, now=at(law, "2026-03-30 10:00")) == 0
    assert deadlines.working_days_late(law, due_at=due, now=at(law, "2026-03-31 00:05")) == 1
    assert deadlines.working_days_late(law, due_at=due, now=at(law, "2026-04-07 09:00")) == 6


def test_appeal_periods_come_from_the_level():
    """AZ Ombudsman: 10 working days to decide from a complaint lodged Wed 18 Mar 2026:
    19 Mar, 31 Mar - 3 Apr (5), 6-10 Apr (10): Fri 10 Apr. Lodging within 30 calendar days of a
    decision on Wed 18 Mar: 19 Mar + 29 = Fri 17 Apr (the AZ law does not roll forward).
    """
    law = az_law()
    level = appeal_level(
        law,
        decide_within_value=10,
        decide_within_unit="working_days",
        lodge_within_value=30,
        lodge_within_unit="calendar_days",
        article="13-1",
    )
    decision = deadlines.appeal_decision_due(law, level, lodged_at=at(law, "2026-03-18 10:00"))
    assert decision.due_at == end_of(law, "2026-04-10")
    assert decision.steps[0].code == "lodged"
    lodge_by = deadlines.appeal_lodge_deadline(law, level, decided_at=at(law, "2026-03-18 10:00"))
    assert lodge_by == end_of(law, "2026-04-17")
    open_ended = appeal_level(law)
    assert (
        deadlines.appeal_decision_due(law, open_ended, lodged_at=at(law, "2026-03-18 10:00"))
        is None
    )
    assert (
        deadlines.appeal_lodge_deadline(law, open_ended, decided_at=at(law, "2026-03-18 10:00"))
        is None
    )


# Explanations -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_explain_renders_in_every_language(language):
    law = az_law()
    history = [
        {"kind": "extension", "at": "2026-03-19T11:00:00+04:00", "reason": "volume"},
        {"kind": "transfer", "at": "2026-03-31T11:00:00+04:00", "to_body": "B", "from_body": "A"},
        {"kind": "clarification_asked", "at": "2026-04-01T11:00:00+04:00"},
    ]
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"), history=history)
    stored = json.loads(json.dumps(deadline.to_json()))  # as kept on the request
    assert stored == deadline.to_json()
    with translation.override(language):
        text = deadlines.explain(law, stored)
    assert text.endswith(".")
    assert "2026" in text


SHIPPED_APPEAL_LEVELS = SHIPPED_LAWS.parent / "appeal_levels.json"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "(Art. 42.1.1; Citizens' Appeals Law, Art. 10, unconfirmed)"),
        ("az", "(maddə 42.1.1; "),
        ("ru", "(ст. 42.1.1; "),
    ],
)
def test_an_appeals_period_names_its_articles_in_words(language, expected):
    # The shipped level's article carries the docs' marker of an unconfirmed rule ("[U]"); the
    # page said "Citizens' Appeals Law 10 [U]".
    shipped = json.loads(SHIPPED_APPEAL_LEVELS.read_text())
    article = next(
        row["fields"]["article"] for row in shipped if row["fields"]["code"] == "internal_review"
    )
    law = az_law()
    level = appeal_level(
        law, decide_within_value=15, decide_within_unit="working_days", article=article
    )
    decision = deadlines.appeal_decision_due(law, level, lodged_at=at(law, "2026-03-18 10:00"))
    with translation.override(language):
        text = deadlines.explain(law, decision.to_json())
    assert "[U]" not in text
    assert expected in text


@pytest.mark.parametrize(
    ("article", "shown"),
    [
        ("24.1", "Art. 24.1"),
        ("35; 41", "Art. 35; Art. 41"),
        ("s.10(3)", "s.10(3)"),
        ("42.1.2; Ombudsman law 13-1", "Art. 42.1.2; Ombudsman law, Art. 13-1"),
        ("s.45 Code of Practice (2018), part 5", "s.45 Code of Practice (2018), part 5"),
        ("24.2 [U]", "Art. 24.2, unconfirmed"),
    ],
)
def test_articles_as_cited(article, shown):
    from foi.deadlines.explanations import _article

    with translation.override("en"):
        assert _article(article) == shown


def test_explain_in_azerbaijani_uses_azerbaijani_dates_and_holiday_names():
    law = az_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"))
    with translation.override("az"):
        text = deadlines.explain(law, deadline.to_json())
    assert "Çrş 18 Mar 2026 10:00" in text  # Django's Azerbaijani abbreviation for Wednesday
    assert "Novruz bayramı" in text


def test_explain_in_russian_uses_russian_dates_and_holiday_names():
    # holidays has no Russian names for AZ: its English ones are translated (deadlines.names).
    law = az_law()
    deadline = deadlines.compute_due(law, received_at=at(law, "2026-03-18 10:00"))
    with translation.override("ru"):
        text = deadlines.explain(law, deadline.to_json())
    assert "Ср 18 Мар 2026" in text
    assert "Новруз-байрам" in text and "Spring Festival" not in text


def test_explain_accepts_steps_and_ignores_codes_it_does_not_know():
    law = az_law()
    steps = [
        Step("received", {"at": "2026-03-18T10:00:00+04:00"}),
        Step("from_the_future", {}),
        Step("due", {"at": "2026-04-07T23:59:59+04:00", "end_of_day": True}),
    ]
    with translation.override("en"):
        assert deadlines.explain(law, steps) == (
            "Received Wed 18 Mar 2026 10:00. Due end of Tue 7 Apr 2026."
        )
