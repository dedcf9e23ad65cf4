"""The daily sweep: due-soon and overdue notices once per request and milestone, lapsed
clarifications, followers' digests with public events only; twice the same day sends nothing
new."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from core import clock
from foi import deadlines, services
from foi.models import State
from mail.models import MilestoneNotice, NotificationPreferences
from mail.sweep import deadline_notices_send, digests_send
from tests.mail.conftest import outbox_to, sent

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")


def due_after_working_days(law, count: int) -> datetime.datetime:
    """The end of the day that leaves exactly ``count`` working days from now."""
    now = clock.now()
    day = timezone.localtime(now, BAKU).date()
    while True:
        day += datetime.timedelta(days=1)
        due = datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=BAKU)
        if deadlines.working_days_left(law, due_at=due, now=now) == count and (
            deadlines.is_working_day(law, day)
        ):
            return due


def sweep() -> str:
    out = io.StringIO()
    call_command("foi_sweep", stdout=out)
    return out.getvalue()


def test_the_sweep_twice_the_same_day_sends_each_notice_once(world, committed):
    world.requester.preferred_language = "en"  # the wording checked below is English
    world.requester.save()
    soon = world.request(State.IN_PROGRESS, due_at=due_after_working_days(world.law, 2))
    later = world.request(State.IN_PROGRESS, due_at=due_after_working_days(world.law, 5))
    overdue = world.request(State.SUBMITTED)  # due yesterday
    assigned_overdue = world.request(State.IN_PROGRESS, assignee=world.officer)
    lapsing = world.request(State.AWAITING_CLARIFICATION)

    first = committed(sweep)
    assert "1 request(s) closed for want of a clarification." in first
    assert "1 request(s) due in two working days notified." in first
    assert "2 overdue request(s) notified." in first

    staff = {world.officer.email, world.second_officer.email, world.coordinator.email}
    assert {to for _kind, to in sent("due_soon")} == staff
    assert len(sent("due_soon")) == 3
    assert sent("overdue") == [("overdue", world.requester.email)] * 2
    # The unassigned one goes to all staff; the assigned one to its assignee and the
    # coordinators, who hear of every overdue request.
    assert sorted(to for _kind, to in sent("overdue_body")) == sorted(
        [*staff, world.officer.email, world.coordinator.email]
    )
    assert sent("lapsed") == [("lapsed", world.requester.email)]
    lapsing.refresh_from_db()
    assert lapsing.state == State.CLOSED
    assert not MilestoneNotice.objects.filter(foi_request=later).exists()
    overdue_mail = [e for e in outbox_to(world.requester.email) if "appeal" in e.subject]
    assert overdue_mail and "appeal" in overdue_mail[0].body
    assert {m.foi_request_id for m in MilestoneNotice.objects.all()} == {
        soon.pk,
        overdue.pk,
        assigned_overdue.pk,
    }

    before = sent()
    second = committed(sweep)
    assert sent() == before
    assert "0 request(s) due in two working days notified." in second
    assert "0 overdue request(s) notified." in second
    assert "0 request(s) closed" in second


def test_a_new_due_date_earns_a_new_reminder(world, committed):
    foi_request = world.request(State.IN_PROGRESS, due_at=due_after_working_days(world.law, 1))
    committed(deadline_notices_send)
    assert len(sent("due_soon")) == 3
    type(foi_request).objects.filter(pk=foi_request.pk).update(
        due_at=due_after_working_days(world.law, 2)
    )
    committed(deadline_notices_send)
    assert len(sent("due_soon")) == 6
    committed(deadline_notices_send)
    assert len(sent("due_soon")) == 6


def test_officers_may_switch_off_reminders(world, committed):
    for person in (world.officer, world.second_officer):
        NotificationPreferences.objects.create(user=person, officer_due_soon=False)
    world.request(State.IN_PROGRESS, due_at=due_after_working_days(world.law, 2))
    committed(deadline_notices_send)
    assert sent("due_soon") == [("due_soon", world.coordinator.email)]


def test_followers_get_a_digest_of_public_events_once(world, committed):
    public = world.request(State.SUBMITTED, subject="Public budget")
    private = world.request(
        State.SUBMITTED,
        subject="Private matter",
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=60),
    )
    quiet = world.request(State.SUBMITTED, subject="Nothing happens")
    for person in (world.citizen, world.editor):
        person.preferred_language = "en"
        person.save()
    services.follow_create(user=world.citizen, foi_request=public)
    services.follow_create(user=world.citizen, foi_request=quiet)
    services.follow_create(user=world.requester, foi_request=private)
    services.follow_create(user=world.editor, body=world.ministry)

    with clock.travel(clock.now() - datetime.timedelta(hours=2)):
        # Internal (assign) and public (accept) events on the public request; one on the
        # private one, which only its parties may know of.
        services.foi_request_assign(
            foi_request=public, actor=world.coordinator, assignee=world.officer
        )
        public.refresh_from_db()
        services.foi_request_extend(foi_request=public, actor=world.officer, reason="volume")
        services.foi_request_accept(foi_request=private, actor=world.coordinator)

    assert committed(digests_send) == 2
    citizen_digest = outbox_to(world.citizen.email)[0]
    assert "Public budget" in citizen_digest.body
    assert "Deadline extended" in citizen_digest.body
    assert "Assigned" not in citizen_digest.body
    assert "Nothing happens" not in citizen_digest.body
    editor_digest = outbox_to(world.editor.email)[0]
    assert "Public budget" in editor_digest.body
    assert "Private matter" not in editor_digest.body
    assert outbox_to(world.requester.email) == []
    assert citizen_digest.extra_headers["List-Unsubscribe"]

    assert committed(digests_send) == 0


def test_a_follower_who_may_no_longer_see_a_request_hears_nothing_of_it(world, committed):
    foi_request = world.request(State.SUBMITTED)
    services.follow_create(user=world.citizen, foi_request=foi_request)
    with clock.travel(clock.now() - datetime.timedelta(hours=1)):
        services.foi_request_extend(foi_request=foi_request, actor=world.officer, reason="volume")
    type(foi_request).objects.filter(pk=foi_request.pk).update(
        visibility="private", private_until=timezone.localdate() + datetime.timedelta(days=30)
    )
    assert committed(digests_send) == 0


def test_a_weekly_digest_waits_a_week(world, committed):
    foi_request = world.request(State.SUBMITTED)
    services.follow_create(user=world.citizen, foi_request=foi_request)
    NotificationPreferences.objects.create(
        user=world.citizen,
        follower_digest="weekly",
        digest_sent_until=clock.now() - datetime.timedelta(days=3),
    )
    with clock.travel(clock.now() - datetime.timedelta(days=1)):
        services.foi_request_extend(foi_request=foi_request, actor=world.officer, reason="volume")
    assert committed(digests_send) == 0
    with clock.travel(clock.now() + datetime.timedelta(days=5)):
        assert committed(digests_send) == 1


def test_running_the_sweep_hourly_still_sends_one_digest_a_day(world, committed):
    world.citizen.preferred_language = "en"
    world.citizen.save()
    foi_request = world.request(State.SUBMITTED)
    services.follow_create(user=world.citizen, foi_request=foi_request)
    start = clock.now()
    with clock.travel(start - datetime.timedelta(hours=1)):
        services.foi_request_extend(foi_request=foi_request, actor=world.officer, reason="volume")
    assert committed(digests_send) == 1
    foi_request.refresh_from_db()
    with clock.travel(start + datetime.timedelta(minutes=30)):
        services.foi_request_accept(foi_request=foi_request, actor=world.coordinator)
    for hours in (1, 2, 12):
        with clock.travel(start + datetime.timedelta(hours=hours)):
            assert committed(digests_send) == 0
    with clock.travel(start + datetime.timedelta(hours=23)):
        assert committed(digests_send) == 1
    second = outbox_to(world.citizen.email)[-1].body
    assert "Accepted" in second and "Deadline extended" not in second
