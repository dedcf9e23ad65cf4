"""The very-overdue tier: a number of working days after the due day, as data on the law
(Azerbaijan: 20, the project's policy); the condition, the list filter and tag, the figures,
and the sweep's notice, sent once."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core import clock
from foi import conditions, deadlines, selectors, stats
from foi.models import FOIRequest, State
from mail.models import MilestoneNotice
from mail.sweep import deadline_notices_send
from tests.foi.law_builders import az_law
from tests.mail.conftest import sent

BAKU = ZoneInfo("Asia/Baku")
# Friday 14 March 2025; Novruz and Ramadan holidays close 20 to 31 March.
DUE = datetime.datetime(2025, 3, 14, 23, 59, 59, tzinfo=BAKU)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BAKU)


def test_the_tier_counts_working_days_and_skips_holidays():
    law = az_law()
    # 3 working days before Novruz (17-19 March), then 1 April on: the 20th is 23 April. A
    # count of weekdays alone would end on 11 April.
    assert deadlines.very_overdue_at(law, due_at=DUE) == at(2025, 4, 23, 23, 59, 59)
    assert deadlines.very_overdue_at(az_law(very_overdue_after_working_days=None), due_at=DUE) is (
        None
    )


@pytest.mark.parametrize(
    ("now", "state", "very"),
    [
        (at(2025, 4, 11, 12, 0), State.SUBMITTED, False),  # 20 weekdays, but holidays
        (at(2025, 4, 23, 23, 0), State.IN_PROGRESS, False),  # the 20th working day itself
        (at(2025, 4, 24, 0, 0, 1), State.IN_PROGRESS, True),
        (at(2025, 4, 26, 10, 0), State.SUBMITTED, True),  # a Saturday after it
        (at(2025, 4, 24, 9, 0), State.ANSWERED, False),  # the body's clock no longer runs
        (at(2025, 4, 24, 9, 0), State.AWAITING_CLARIFICATION, False),
    ],
)
def test_is_very_overdue(now, state, very):
    foi_request = FOIRequest(law=az_law(), state=state, due_at=DUE)
    assert conditions.is_very_overdue(foi_request, now) is very
    # The list's filter uses the same rule, turned round into a cut-off on due_at.
    cutoff = deadlines.very_overdue_due_before(foi_request.law, now=now)
    assert (cutoff > DUE) is (now > deadlines.very_overdue_at(foi_request.law, due_at=DUE))


def test_a_law_without_the_tier_has_no_very_overdue_requests():
    foi_request = FOIRequest(
        law=az_law(very_overdue_after_working_days=None), state=State.SUBMITTED, due_at=DUE
    )
    assert conditions.is_overdue(foi_request, at(2025, 9, 1, 12, 0))
    assert not conditions.is_very_overdue(foi_request, at(2025, 9, 1, 12, 0))


@pytest.fixture
def late(world):
    """One request very overdue (due 60 days ago), one only overdue (due yesterday)."""
    now = clock.now()
    very = world.request(State.SUBMITTED, due_at=now - datetime.timedelta(days=60))
    just = world.request(State.IN_PROGRESS)
    return very, just


@pytest.mark.django_db
def test_the_list_filter_matches_the_condition(world, late):
    very, just = late
    answered = world.request(State.ANSWERED, due_at=clock.now() - datetime.timedelta(days=90))
    found = selectors.foi_request_browse(user=world.citizen, late="very_overdue")
    assert list(found) == [very]
    overdue = set(selectors.foi_request_browse(user=world.citizen, late="overdue"))
    assert overdue == {very, just}
    assert answered not in overdue
    assert very.is_very_overdue and not just.is_very_overdue


@pytest.mark.django_db
def test_the_public_list_and_the_dashboard_tag_very_overdue_requests(client, world, late):
    very, just = late
    page = client.get("/requests/").content.decode()
    rows = {
        ref: page.split(ref, 1)[1].split("</tr>", 1)[0] for ref in (very.reference, just.reference)
    }
    assert "very-overdue" in rows[very.reference]
    assert "very-overdue" not in rows[just.reference]
    filtered = client.get("/requests/?late=very_overdue").content.decode()
    assert very.reference in filtered and just.reference not in filtered
    # An unknown value filters nothing rather than failing.
    unknown = client.get("/requests/?late=soon").content.decode()
    assert very.reference in unknown and just.reference in unknown
    client.force_login(world.requester)
    dashboard = client.get("/me/").content.decode()
    assert dashboard.count("very-overdue") == 1


@pytest.mark.django_db
def test_the_export_filters_by_deadline_and_refuses_an_unknown_one(client, world, late):
    very, just = late
    response = client.get("/requests/export.csv?late=very_overdue")
    body = b"".join(response.streaming_content).decode()
    assert very.reference in body and just.reference not in body
    assert client.get("/requests/export.csv?late=soon").status_code == 400


def test_the_figures_count_very_overdue_cases_by_their_law():
    law = az_law()
    now = at(2025, 4, 24, 9, 0)
    received = at(2025, 3, 1, 10, 0)
    cases = [
        stats.CaseFacts(received_at=received, state="submitted", due_at=DUE),
        stats.CaseFacts(received_at=received, state="in_progress", due_at=at(2025, 4, 1, 23, 0)),
        stats.CaseFacts(received_at=received, state="answered", due_at=DUE),
    ]
    result = stats.figures(cases, law=law, now=now)
    assert result.overdue_now == 2
    assert result.very_overdue_now == 1


@pytest.mark.django_db
def test_the_public_statistics_count_very_overdue_requests(world, late):
    from django.core.management import call_command

    from publicstats.figures import body_statistics, overall_statistics

    call_command("publicstats_refresh", "--full", verbosity=0)
    today = timezone.localdate(clock.now())
    span = {"date_from": today - datetime.timedelta(days=365), "date_to": today}
    overall = overall_statistics(**span, now=clock.now())
    assert (overall["overdue_now"], overall["very_overdue_now"]) == (2, 1)
    body = body_statistics(body=world.ministry, **span, now=clock.now())
    assert body["very_overdue_now"] == 1


@pytest.mark.django_db
def test_the_sweep_tells_of_the_tier_once_with_the_next_appeal_step(world, late):
    very, _just = late
    world.requester.preferred_language = "en"
    world.requester.save()
    sent_now = deadline_notices_send()
    assert (sent_now.overdue, sent_now.very_overdue) == (1, 1)
    # Found already very overdue: told that alone, not "overdue" first.
    assert MilestoneNotice.objects.get(foi_request=very).milestone == "very_overdue"
    assert sent("very_overdue") == [("very_overdue", world.requester.email)]
    staff = {world.officer.email, world.second_officer.email, world.coordinator.email}
    assert {to for _kind, to in sent("very_overdue_body")} == staff
    from mail.models import OutboundEmail

    letter = OutboundEmail.objects.get(kind="very_overdue")
    # The next step open: the body's own review (the first level), with its own deadline.
    assert world.levels["internal_review"].name in letter.body_text
    assert f"/requests/{very.reference}/appeal/" in letter.body_text
    # The ministry answers through the portal: no reminder letter is offered.
    assert "/remind/" not in letter.body_text

    again = deadline_notices_send()
    assert (again.overdue, again.very_overdue) == (0, 0)
    assert len(sent("very_overdue")) == 1


@pytest.mark.django_db
def test_an_e_mail_body_is_not_told_but_its_requester_is_offered_the_reminder(world):
    from tests.factories import PublicBodyFactory

    emailed = PublicBodyFactory(slug="emailed", law=world.law)
    world.request(State.SUBMITTED, body=emailed, due_at=clock.now() - datetime.timedelta(days=60))
    deadline_notices_send()
    assert sent("very_overdue_body") == []
    from mail.models import OutboundEmail

    assert "/remind/" in OutboundEmail.objects.get(kind="very_overdue").body_text
