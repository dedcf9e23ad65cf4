"""Report figures, checked against requests whose answers were worked out by hand.

The hand-built month is April 2026 under the AZ rules (7 working days, counted from the working
day after receipt). April 2026 has no Azerbaijani holiday; 9 May (Saturday) is one and moves to
Monday 11 May. Every due date and working-day count below was counted on a calendar by hand.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from core import clock
from foi import services, stats
from foi.models import State
from foi.stats import CaseFacts

BAKU = ZoneInfo("Asia/Baku")
NOW = datetime(2026, 5, 4, 12, 0, tzinfo=BAKU)  # Monday 4 May 2026, noon


def at(month, day, hour=10, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=BAKU)


def submit(world, when, *, subject="Budget"):
    with clock.travel(when):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject=subject, text="Please."
        )
        return services.foi_request_file(foi_request=draft, actor=world.requester)


def act(when, service, **kwargs):
    with clock.travel(when):
        return service(**kwargs)


@pytest.fixture
def april(world):
    """Eleven requests; the comments give the hand-computed facts of each."""
    officer, coordinator, requester = world.officer, world.coordinator, world.requester
    made = {}

    # R1: received Wed 1 Apr; due end of Fri 10 Apr (2,3,6,7,8,9,10). Answered in full Wed 8 Apr:
    # on time, 5 working days (2,3,6,7,8).
    r1 = submit(world, at(4, 1))
    made["r1"] = act(
        at(4, 8, 11),
        services.foi_request_answer,
        foi_request=r1,
        actor=officer,
        outcome="full",
        text="Here it is.",
    )

    # R2: received Thu 2 Apr. Clarification asked Mon 6 Apr (first response: 3, 6 = 2 days),
    # given Tue 7 Apr: the AZ clock restarts, due end of Thu 16 Apr (8,9,10,13,14,15,16).
    # Answered in part Fri 17 Apr: late, 11 working days (3,6,7,8,9,10,13,14,15,16,17).
    # Appealed and overturned Tue 21 Apr: due again end of Thu 30 Apr (22,23,24,27,28,29,30),
    # which the answer of 17 Apr would meet; it still counts as late, against 16 Apr.
    r2 = submit(world, at(4, 2, 9))
    r2 = act(
        at(4, 6),
        services.foi_request_ask_clarification,
        foi_request=r2,
        actor=officer,
        text="Which year?",
    )
    r2 = act(
        at(4, 7, 12), services.foi_request_clarify, foi_request=r2, actor=requester, text="2025."
    )
    made["r2"] = act(
        at(4, 17),
        services.foi_request_answer,
        foi_request=r2,
        actor=officer,
        outcome="partial",
        text="Most of it.",
        exemptions=[
            {"code": "personal-data", "note": "Names.", "attachment": "staff.csv"},
            {"code": "state-secret", "note": "One passage."},
        ],
        files=[("staff.csv", b"position,count\nclerk,3\n")],
    )
    r2 = act(
        at(4, 20),
        services.foi_request_appeal,
        foi_request=made["r2"],
        actor=requester,
        level="internal_review",
        grounds="Too much.",
    )
    made["r2"] = act(
        at(4, 21),
        services.foi_request_decide_appeal,
        foi_request=r2,
        actor=world.reviewer,
        decision="overturned",
        reasons="Too much withheld.",
    )

    # R3: received Mon 6 Apr 15:00, due end of Wed 15 Apr (7,8,9,10,13,14,15). Extended Tue
    # 14 Apr (first response: 7,8,9,10,13,14 = 6 days) to end of Fri 24 Apr
    # (16,17,20,21,22,23,24). Refused Thu 23 Apr: on time, 13 working days. Appealed, and the
    # reviewer overturned it Tue 28 Apr: open again, due end of Thu 7 May (29,30,1,4,5,6,7).
    r3 = submit(world, at(4, 6, 15))
    r3 = act(at(4, 14), services.foi_request_extend, foi_request=r3, actor=officer, reason="volume")
    r3 = act(
        at(4, 23),
        services.foi_request_refuse,
        foi_request=r3,
        actor=officer,
        grounds=[{"code": "state-secret"}],
        text="No.",
    )
    r3 = act(
        at(4, 27),
        services.foi_request_appeal,
        foi_request=r3,
        actor=requester,
        level="internal_review",
        grounds="No reasons.",
    )
    made["r3"] = act(
        at(4, 28),
        services.foi_request_decide_appeal,
        foi_request=r3,
        actor=world.reviewer,
        decision="overturned",
        reasons="Unlawful.",
    )

    # R4: received Tue 7 Apr, due end of Thu 16 Apr; rejected by the coordinator Wed 8 Apr:
    # on time, 1 working day.
    r4 = submit(world, at(4, 7, 11))
    made["r4"] = act(
        at(4, 8, 9),
        services.foi_request_reject,
        foi_request=r4,
        actor=coordinator,
        reason="Not a request for information.",
    )

    # R5: received Wed 8 Apr, due end of Fri 17 Apr; accepted for the officer, never answered:
    # overdue on 4 May. Accepting is not a response to the requester.
    r5 = submit(world, at(4, 8))
    made["r5"] = act(
        at(4, 9), services.foi_request_accept, foi_request=r5, actor=coordinator, assignee=officer
    )

    # R6: received Fri 10 Apr, withdrawn Mon 13 Apr.
    r6 = submit(world, at(4, 10, 16))
    made["r6"] = act(at(4, 13), services.foi_request_withdraw, foi_request=r6, actor=requester)

    # R7: received Mon 13 Apr 10:00, "not held" at 15:00 the same day: 0 working days.
    r7 = submit(world, at(4, 13))
    made["r7"] = act(
        at(4, 13, 15),
        services.foi_request_answer,
        foi_request=r7,
        actor=officer,
        outcome="not_held",
        text="We do not hold it.",
    )

    # R8: received Wed 15 Apr, forwarded by the coordinator Thu 16 Apr: it leaves the cohort.
    r8 = submit(world, at(4, 15))
    made["r8"] = act(
        at(4, 16),
        services.foi_request_transfer,
        foi_request=r8,
        actor=coordinator,
        body=world.other_body,
    )

    # R9: received Thu 30 Apr 20:00: in the period; due end of Tue 12 May (1,4,5,6,7,8,12:
    # 9 May is a holiday, observed on Mon 11 May). Unassigned, open, not late.
    made["r9"] = submit(world, at(4, 30, 20))

    # Outside the period on either side, by half an hour: never counted.
    r10 = submit(world, at(3, 31, 23, 30))
    made["r10"] = act(
        at(4, 1),
        services.foi_request_answer,
        foi_request=r10,
        actor=officer,
        outcome="full",
        text="Yes.",
    )
    made["r11"] = submit(world, at(5, 1, 0, 30))
    # A draft never counts.
    services.foi_request_create_draft(requester=requester, body=world.ministry, subject="Draft")
    return made


def test_the_hand_built_due_dates_hold(april):
    due = {name: request.due_at.astimezone(BAKU).date() for name, request in april.items()}
    assert due["r1"] == date(2026, 4, 10)
    assert due["r2"] == date(2026, 4, 30)  # after the reopening
    assert due["r3"] == date(2026, 5, 7)  # after the reopening
    assert due["r4"] == date(2026, 4, 16)
    assert due["r5"] == date(2026, 4, 17)
    assert due["r9"] == date(2026, 5, 12)
    assert april["r3"].state == State.IN_PROGRESS


def test_body_figures_match_the_hand_count(world, april):
    report = stats.body_report(
        body=world.ministry, date_from=date(2026, 4, 1), date_to=date(2026, 4, 30), now=NOW
    )
    total = report.total
    assert total.received == 8  # R1-R7 and R9
    assert total.answered == 5  # R1, R2, R3, R4, R7
    # All but R2; R2 and R3 against the due dates in force when they were decided.
    assert total.answered_on_time == 4
    assert total.on_time_percent == 80.0
    assert total.median_working_days_to_first_response == 2.0  # 0, 1, 2, 5, 6
    assert total.median_working_days_to_answer == 5.0  # 0, 1, 5, 11, 13
    assert total.outcomes == {"full": 1, "partial": 1, "not_held": 1, "refused": 1, "rejected": 1}
    assert total.refusals_by_ground == {"state-secret": 1}
    assert total.partial_answers_by_ground == {"personal-data": 1, "state-secret": 1}
    assert total.withdrawn == 1
    assert total.still_open == 4  # R2 and R3 (reopened), R5, R9
    assert total.overdue_now == 2  # R2 (due 30 Apr since its reopening), R5
    assert (total.appeals, total.appeals_overturned, total.appeals_upheld) == (2, 2, 0)
    assert total.appeals_pending == 0
    assert total.transferred_out == 1  # R8


def test_officer_figures_match_the_hand_count(world, april):
    report = stats.body_report(
        body=world.ministry, date_from=date(2026, 4, 1), date_to=date(2026, 4, 30), now=NOW
    )
    rows = dict(report.by_officer)
    officer = rows[world.officer.pk]  # R1, R2, R3, R7 decided; R5 assigned
    assert (officer.received, officer.answered, officer.answered_on_time) == (5, 4, 3)
    assert officer.on_time_percent == 75.0
    assert officer.median_working_days_to_first_response == 3.5  # 0, 2, 5, 6
    assert officer.median_working_days_to_answer == 8.0  # 0, 5, 11, 13
    assert (officer.overdue_now, officer.appeals, officer.appeals_overturned) == (2, 2, 2)
    coordinator = rows[world.coordinator.pk]  # R4 rejected; R8 transferred
    assert (coordinator.received, coordinator.answered, coordinator.on_time_percent) == (
        1,
        1,
        100.0,
    )
    assert coordinator.transferred_out == 1
    nobody = rows[None]  # R6 withdrawn, R9 unassigned
    assert (nobody.received, nobody.answered, nobody.on_time_percent) == (2, 0, None)
    assert (nobody.withdrawn, nobody.still_open) == (1, 1)
    assert nobody.median_working_days_to_answer is None
    assert [person for person, _figures in report.by_officer] == [
        world.officer.pk,
        world.coordinator.pk,
        None,
    ]


def test_a_transferred_request_counts_where_it_went(world, april):
    report = stats.body_report(
        body=world.other_body, date_from=date(2026, 4, 1), date_to=date(2026, 4, 30), now=NOW
    )
    assert report.total.received == 1
    assert report.total.still_open == 1
    assert report.total.transferred_out == 0


def test_a_period_of_one_day(world, april):
    report = stats.body_report(
        body=world.ministry, date_from=date(2026, 4, 13), date_to=date(2026, 4, 13), now=NOW
    )
    assert report.total.received == 1  # R7
    assert report.total.outcomes["not_held"] == 1


def test_figures_of_nothing():
    figures = stats.figures([], law=None, now=NOW)
    assert figures.received == figures.answered == 0
    assert figures.on_time_percent is None
    assert figures.median_working_days_to_answer is None
    assert figures.outcomes == dict.fromkeys(stats.OUTCOMES, 0)


def test_figures_from_plain_facts(world):
    law = world.law
    received = at(4, 1)
    cases = [
        # Decided the same day, exactly at the due moment: on time, 0 days.
        CaseFacts(
            received,
            "answered",
            decided_at=at(4, 1, 18),
            due_at_decision=at(4, 1, 18),
            first_response_at=at(4, 1, 18),
            outcome="full",
        ),
        # A second after it: late; 2 working days (2, 3).
        CaseFacts(
            received,
            "refused",
            decided_at=at(4, 3),
            due_at_decision=at(4, 2, 23, 59),
            first_response_at=at(4, 3),
            outcome="refused",
            grounds=("a", "b", "a"),
            appeal_decisions=("upheld", ""),
        ),
        # Open past its due date: overdue, no answer.
        CaseFacts(received, "in_progress", due_at=at(4, 20), handled_by=7),
        # Awaiting clarification past its due date: the clock is stopped, not overdue.
        CaseFacts(received, "awaiting_clarification", due_at=at(4, 20), first_response_at=at(4, 6)),
    ]
    figures = stats.figures(cases, law=law, now=NOW)
    assert (figures.received, figures.answered, figures.answered_on_time) == (4, 2, 1)
    assert figures.on_time_percent == 50.0
    assert figures.median_working_days_to_answer == 1.0  # 0 and 2
    assert figures.median_working_days_to_first_response == 2.0  # 0, 2, 3 (2, 3, 6)
    assert figures.refusals_by_ground == {"a": 1, "b": 1}  # once per decision
    assert (figures.appeals, figures.appeals_upheld, figures.appeals_pending) == (2, 1, 1)
    assert (figures.overdue_now, figures.still_open) == (1, 2)


def test_the_csv_row_follows_the_header(world):
    figures = stats.figures([], law=world.law, now=NOW)
    header = stats.header_row(["a", "b"])
    row = stats.figures_row(figures, ["a", "b"])
    assert len(header) == len(row)
    assert header[:2] == ["received", "answered"]
    assert header[-1] == "partial_answers_ground_b"
    assert row[header.index("on_time_percent")] == ""
