"""Every statutory duty measured (``foi.stats.duties``), against a February 2026 counted by hand.

AZ rules (tests/factories.py's ``LawFactory``): forwarding, the clarification notice and the
extension notice are due within 5 working days, counted from the working day after receipt;
urgent answers within 24 hours (relevance) and 48 working hours (life); here the internal
review decides within 5 working days of the appeal (set below; the Ombudsman's 10 are the
fixture's). February 2026 has no Azerbaijani holiday: its working days are Monday to Friday.
A request received on Mon 2 Feb has its 5 working days on 3, 4, 5, 6 and 9 Feb (due the end of
Mon 9 Feb). "Now" is Mon 2 March 2026, noon.

At the ministry (period 1-28 February):

- forwarding: T1 (received Mon 2 Feb, forwarded Thu 5 Feb) on time; T2 (received Mon 2 Feb,
  forwarded Tue 10 Feb) late; T0 (received Fri 30 Jan, forwarded Mon 2 Feb) belongs to January.
- clarification notice: C1 asked Wed 4 Feb (received Mon 2 Feb) on time; clarified Thu 5 Feb,
  asked again Fri 13 Feb: counted from the reply, 6, 9, 10, 11, 12 Feb: due the end of Thu 12
  Feb, late; C2 asked Tue 10 Feb (received Mon 2 Feb): late. P1, private, asked on time: never
  counted.
- extension notice: E1 extended Fri 6 Feb (received Mon 2 Feb) on time; E2 extended Wed 11 Feb
  (received Mon 2 Feb) late.
- urgent (relevance, 24 hours): U1 received Mon 2 Feb 10:00, answered 15:00 the same day: on
  time; U2 received Mon 2 Feb 10:00, answered Thu 5 Feb: late (two days and more).
  W1, urgent too, withdrawn unanswered: not counted.
- urgent (life, 48 working hours): U3 received Mon 2 Feb, never answered: missed; U4 received
  Fri 27 Feb 10:00: its 48 working hours end after the weekend, on Tue 3 March: not due yet.
- appeal decisions: A1, A2 and A3 refused Wed 4 Feb, appealed Thu 5 Feb; the internal review's
  5 working days are 6, 9, 10, 11, 12 Feb (due the end of Thu 12 Feb). A1 upheld Wed 11 Feb:
  on time; A2 upheld Mon 16 Feb: late; A3 undecided: missed.

At the other ministry: T1 arrived Thu 5 Feb; it asked for clarification Thu 12 Feb (6, 9, 10,
11, 12 Feb): on time.
"""

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.cache import cache

from core import clock
from foi import services
from foi.models import Law
from foi.stats import DUTIES, DutyFact, duty_table
from publicstats import figures, store
from publicstats.models import DutyStat

pytestmark = pytest.mark.django_db

BAKU = ZoneInfo("Asia/Baku")
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=BAKU)
FEBRUARY = {"date_from": date(2026, 2, 1), "date_to": date(2026, 2, 28)}


def feb(day, hour=10, minute=0):
    return datetime(2026, 2, day, hour, minute, tzinfo=BAKU)


def act(when, service, **kwargs):
    with clock.travel(when):
        return service(**kwargs)


def submit(world, when, *, body=None, **draft):
    with clock.travel(when):
        made = services.foi_request_create_draft(
            requester=world.requester,
            body=body or world.ministry,
            subject="Spending",
            text="Please.",
            **draft,
        )
        return services.foi_request_file(foi_request=made, actor=world.requester)


def urgent(world, when, urgency):
    return submit(world, when, urgency=urgency, urgency_justification="A hearing on Friday.")


@pytest.fixture(autouse=True)
def _no_daily_limit(settings):
    settings.FOI_FILING_RATE_LIMIT = 0


@pytest.fixture
def february(world):
    officer, requester = world.officer, world.requester
    review = world.levels["internal_review"]
    review.decide_within_value, review.decide_within_unit = 5, "working_days"
    review.save()
    made = {}

    t0 = submit(world, datetime(2026, 1, 30, 10, tzinfo=BAKU))
    made["t0"] = act(
        feb(2),
        services.foi_request_transfer,
        foi_request=t0,
        actor=world.coordinator,
        body=world.other_body,
    )
    t1 = submit(world, feb(2))
    t1 = act(
        feb(5),
        services.foi_request_transfer,
        foi_request=t1,
        actor=world.coordinator,
        body=world.other_body,
    )
    made["t1"] = act(
        feb(12),
        services.foi_request_ask_clarification,
        foi_request=t1,
        actor=world.other_officer,
        text="Which year?",
    )
    t2 = submit(world, feb(2))
    made["t2"] = act(
        feb(10),
        services.foi_request_transfer,
        foi_request=t2,
        actor=world.coordinator,
        body=world.other_body,
    )

    def ask(request, when):
        return act(
            when,
            services.foi_request_ask_clarification,
            foi_request=request,
            actor=officer,
            text="Which year?",
        )

    c1 = ask(submit(world, feb(2)), feb(4))
    c1 = act(feb(5), services.foi_request_clarify, foi_request=c1, actor=requester, text="2025.")
    made["c1"] = ask(c1, feb(13))
    made["c2"] = ask(submit(world, feb(2)), feb(10))
    private = submit(world, feb(2), visibility="private", private_until=date(2026, 12, 31))
    made["p1"] = ask(private, feb(4))

    def extend(request, when):
        return act(
            when, services.foi_request_extend, foi_request=request, actor=officer, reason="volume"
        )

    made["e1"] = extend(submit(world, feb(2)), feb(6))
    made["e2"] = extend(submit(world, feb(2)), feb(11))

    def answer(request, when):
        return act(
            when,
            services.foi_request_answer,
            foi_request=request,
            actor=officer,
            outcome="full",
            text="Here.",
        )

    made["u1"] = answer(urgent(world, feb(2), "relevance"), feb(2, 15))
    made["u2"] = answer(urgent(world, feb(2), "relevance"), feb(5))
    made["w1"] = act(
        feb(3),
        services.foi_request_withdraw,
        foi_request=urgent(world, feb(2), "relevance"),
        actor=requester,
    )
    made["u3"] = urgent(world, feb(2), "life")
    made["u4"] = urgent(world, feb(27), "life")

    def appealed(key, decided=None):
        request = act(
            feb(4),
            services.foi_request_refuse,
            foi_request=submit(world, feb(2)),
            actor=officer,
            grounds=[{"code": "official"}],
            text="No.",
        )
        request = act(
            feb(5),
            services.foi_request_appeal,
            foi_request=request,
            actor=requester,
            level="internal_review",
            grounds="No reasons.",
        )
        if decided is not None:
            request = act(
                decided,
                services.foi_request_decide_appeal,
                foi_request=request,
                actor=world.reviewer,
                decision="upheld",
                reasons="Lawful.",
            )
        made[key] = request

    appealed("a1", feb(11))
    appealed("a2", feb(16))
    appealed("a3")
    store.rebuild()  # what the tasks after each commit would have done (tests never commit)
    return made


def counts(on_time=0, late=0, missed=0, pending=0, percent=None):
    return {
        "on_time": on_time,
        "late": late,
        "missed": missed,
        "pending": pending,
        "on_time_percent": percent,
    }


MINISTRY = {
    "transfer": counts(on_time=1, late=1, percent=50.0),  # T1, T2
    "clarification_notice": counts(on_time=1, late=2, percent=33.3),  # C1; C1 again, C2
    "extension_notice": counts(on_time=1, late=1, percent=50.0),  # E1, E2
    "urgent_relevance": counts(on_time=1, late=1, percent=50.0),  # U1, U2
    "urgent_life": counts(missed=1, pending=1, percent=0.0),  # U3, U4
    "appeal_decision": counts(on_time=1, late=1, missed=1, percent=33.3),  # A1, A2, A3
}


def test_each_duty_of_a_body_matches_the_hand_count(world, february):
    with clock.travel(NOW):
        result = figures.body_statistics(body=world.ministry, now=NOW, **FEBRUARY)
    assert result["duties"] == MINISTRY


def test_a_duty_counts_at_the_body_that_owed_it(world, february):
    with clock.travel(NOW):
        result = figures.body_statistics(body=world.other_body, now=NOW, **FEBRUARY)
    assert result["duties"]["clarification_notice"] == counts(on_time=1, percent=100.0)  # T1
    # T1, T2 and T0 were forwarded to it: the duty was the ministry's.
    assert result["duties"]["transfer"] == counts()


def test_overall_sums_every_body(world, february):
    with clock.travel(NOW):
        overall, rows = figures.overall_and_league(now=NOW, **FEBRUARY)
    expected = dict(MINISTRY)
    expected["clarification_notice"] = counts(on_time=2, late=2, percent=50.0)
    assert overall["duties"] == expected
    by_slug = {row["slug"]: row for row in rows}
    assert by_slug["ministry"]["transfer_on_time_percent"] == 50.0
    assert by_slug["ministry"]["appeal_decision_on_time_percent"] == 33.3
    assert by_slug["other"]["clarification_notice_on_time_percent"] == 100.0
    assert by_slug["other"]["urgent_life_on_time_percent"] is None


def test_a_duty_counts_in_the_month_its_body_received_the_request(world, february):
    january = {"date_from": date(2026, 1, 1), "date_to": date(2026, 1, 31)}
    with clock.travel(NOW):
        result = figures.body_statistics(body=world.ministry, now=NOW, **january)
    assert result["duties"]["transfer"] == counts(on_time=1, percent=100.0)  # T0


def test_a_missed_duty_was_pending_before_its_due_moment(world, february):
    before = datetime(2026, 2, 3, 9, 0, tzinfo=BAKU)  # U3 received Mon 2 Feb 10:00
    with clock.travel(before):
        result = figures.body_statistics(body=world.ministry, now=before, **FEBRUARY)
    assert result["duties"]["urgent_life"]["pending"] == 2
    assert result["duties"]["urgent_life"]["missed"] == 0


def test_a_law_without_the_period_measures_no_such_duty(world, february):
    world.law.transfer_value = None
    world.law.transfer_unit = ""
    world.law.save()
    store.rebuild()
    with clock.travel(NOW):
        result = figures.body_statistics(body=world.ministry, now=NOW, **FEBRUARY)
    assert result["duties"]["transfer"] == counts()
    assert result["duties"]["extension_notice"] == MINISTRY["extension_notice"]


def test_the_table_of_plain_facts():
    due = feb(9, 23, 59)
    facts = [
        DutyFact("transfer", 1, feb(2), due, feb(9, 23, 59)),  # at the due moment: on time
        DutyFact("transfer", 1, feb(2), due, feb(10)),
        DutyFact("appeal_decision", 1, feb(2), due),  # undone, past due at 11 Feb
        DutyFact("appeal_decision", 1, feb(2), None),  # its clock stands still
    ]
    table = duty_table(facts, now=feb(11))
    assert table["transfer"] == counts(on_time=1, late=1, percent=50.0)
    assert table["appeal_decision"] == counts(missed=1, pending=1, percent=0.0)
    assert table["urgent_life"] == counts()


# The pages, the API and the downloads show the same counts ------------------------------------

QUERY = "from=2026-02-01&to=2026-02-28"


def get(client, url):
    cache.clear()
    with clock.travel(NOW):
        return client.get(url)


def rows_by_code(response):
    return {row["code"]: row for row in response.context["duty_rows"]}


def test_the_body_page_shows_each_duty_with_its_rule(client, world, february):
    response = get(client, f"/statistics/bodies/ministry/?{QUERY}")
    assert response.status_code == 200
    rows = rows_by_code(response)
    for code, expected in MINISTRY.items():
        assert {key: rows[code][key] for key in expected} == expected
    assert rows["transfer"]["rule"] == "5 working days (Art. 23.1)"
    assert rows["urgent_relevance"]["rule"] == "24 hours (Art. 24.2)"
    assert rows["appeal_decision"]["rule"] == ""
    text = response.content.decode()
    assert 'id="duties-heading"' in text
    assert "Forwarding to the body that holds the information" in text
    assert "chart chart--wide" in text and "chart chart--narrow" in text


def test_the_index_shows_every_body_together(client, world, february):
    response = get(client, f"/statistics/?{QUERY}")
    assert response.status_code == 200
    rows = rows_by_code(response)
    assert rows["clarification_notice"]["on_time_percent"] == 50.0
    assert rows["clarification_notice"]["late"] == 2


def test_the_annual_report_shows_the_duties_open(client, world, february):
    response = get(client, "/statistics/bodies/ministry/2026/")
    assert response.status_code == 200
    rows = rows_by_code(response)
    # The year holds February and nothing else: the same counts.
    assert rows["appeal_decision"]["on_time_percent"] == 33.3
    assert rows["appeal_decision"]["missed"] == 1
    assert "<details open>" in response.content.decode()


def test_the_methodology_says_how_each_duty_is_counted(client, world):
    response = get(client, "/statistics/methodology/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="duties"' in text
    assert "Not done, past due" in text
    assert "5 working days (Art. 23.1)" in text  # the law's table


def test_the_api_gives_each_duty(api, world, february):
    cache.clear()
    with clock.travel(NOW):
        body = api.get(f"/api/v1/stats/bodies/ministry/?{QUERY}").json()
        league = api.get(f"/api/v1/stats/bodies/?{QUERY}").json()
    assert body["duties"] == MINISTRY
    assert league["overall"]["duties"]["clarification_notice"]["on_time"] == 2
    ministry = next(row for row in league["bodies"] if row["slug"] == "ministry")
    assert ministry["extension_notice_on_time_percent"] == 50.0


def test_the_api_refuses_a_bad_period_and_hides_nothing_new(api, world, february):
    with clock.travel(NOW):
        response = api.get("/api/v1/stats/bodies/ministry/?from=2026-02-30")
    assert response.status_code == 400
    with clock.travel(NOW):
        response = api.get(f"/api/v1/stats/bodies/no-such-body/?{QUERY}")
    assert response.status_code == 404


def test_the_csv_has_a_row_per_duty_and_status(client, world, february):
    response = get(client, f"/statistics/bodies/ministry.csv?{QUERY}")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    values = {
        (row["figure"], row["key"]): row["value"]
        for row in rows
        if row["figure"].startswith("duty_")
    }
    assert len(values) == 5 * len(MINISTRY)
    assert values[("duty_on_time", "transfer")] == "1"
    assert values[("duty_late", "transfer")] == "1"
    assert values[("duty_missed", "appeal_decision")] == "1"
    assert values[("duty_pending", "urgent_life")] == "1"
    assert values[("duty_on_time_percent", "clarification_notice")] == "33.3"


def test_the_bodies_csv_has_each_duty_rate(client, world, february):
    response = get(client, f"/statistics/bodies.csv?{QUERY}")
    assert response.status_code == 200
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["ministry"]["transfer_on_time_percent"] == "50.0"
    assert rows["other"]["clarification_notice_on_time_percent"] == "100.0"
    assert rows["other"]["transfer_on_time_percent"] == ""


def test_the_body_page_summary_names_the_duties_that_fell_due(client, world, february):
    text = get(client, "/bodies/ministry/").content.decode()
    assert "Other duties done on time" in text
    assert "Telling the requester of an extension" in text
    # A body that owed no duty in the last twelve months shows no such list.
    assert "Other duties done on time" not in get(client, "/bodies/cabinet/").content.decode()


def test_every_duty_reads_its_period_and_article_from_the_law():
    fields = {field.name for field in Law._meta.get_fields()}
    for duty in DUTIES:
        assert len(duty.code) <= DutyStat._meta.get_field("duty").max_length
        if duty.period:
            assert {f"{duty.period}_value", f"{duty.period}_unit", duty.article} <= fields


def test_the_shipped_az_law_sets_every_period():
    rows = json.loads((Path(settings.BASE_DIR) / "fixtures" / "laws.json").read_text())
    (az,) = (
        row["fields"] for row in rows if row["model"] == "foi.law" and row["fields"]["code"] == "az"
    )
    law = Law(**{name: value for name, value in az.items() if not isinstance(value, list | dict)})
    assert all(duty.applies(law) for duty in DUTIES)
    assert DUTIES[0].rule_text(law) == "5 working days (Art. 23.1)"


def test_a_long_duty_name_is_broken_over_lines_on_the_phone_chart_and_not_on_the_wide_one():
    import re

    from publicstats import charts

    label = "Срочный ответ: информация, которая утратит ценность, если её не дать вовремя"
    row = {"label": label, "on_time": 1, "late": 0, "missed": 0, "on_time_percent": 100.0}
    svg = charts.duty_rates([row, dict(row, label="Short")])
    wide, narrow = svg.split('class="chart chart--narrow"')
    narrow_lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", narrow)
    assert len(narrow_lines) == 3  # the long name on two lines, the short one on one
    assert " ".join(narrow_lines[:2]) == label
    assert all(len(line) * 7.2 <= charts.NARROW.width - 8 for line in narrow_lines)
    assert re.findall(r"<tspan[^>]*>([^<]*)</tspan>", wide)[0] == label
