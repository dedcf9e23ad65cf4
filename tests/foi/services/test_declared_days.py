"""Days the government declares non-working move the deadlines of the open requests they touch
(foi.services.declared_days), through the clock, on the trail, with notices."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from core.errors import InvalidInput, NotPermitted
from foi import deadlines, services
from foi.models import CaseEvent, DeclaredDay, FOIRequest, State
from foi.services.clock import clock_recompute
from mail.models import OutboundEmail

pytestmark = pytest.mark.django_db

BAKU = ZoneInfo("Asia/Baku")
# Received Monday 5 April 2027: seven working days from Tuesday 6 April end on Wednesday 14.
RECEIVED = datetime.datetime(2027, 4, 5, 10, 0, tzinfo=BAKU)
DUE = datetime.date(2027, 4, 14)
INSIDE = datetime.date(2027, 4, 8)  # a Thursday inside the window
OUTSIDE = datetime.date(2027, 4, 26)


def received(world, state=State.IN_PROGRESS, at=RECEIVED, **overrides):
    foi_request = world.request(
        state,
        first_received_at=at,
        received_at=at,
        submitted_at=at,
        assignee=world.officer,
        **overrides,
    )
    foi_request.clock_history = []
    clock_recompute(foi_request)
    foi_request.save()
    return foi_request


def declare(world, day=INSIDE, **overrides):
    values = {
        "country": "AZ",
        "day": day,
        "kind": "mourning",
        "name_az": "Ümumxalq hüzn günü",
        "name_en": "Day of national mourning",
        "name_ru": "День общенационального траура",
        "legal_basis": "Presidential Decree No. 123 of 7 April 2027",
        **overrides,
    }
    return services.declared_day_save(actor=world.admin, declared_day=DeclaredDay(**values))


def local_day(moment):
    return moment.astimezone(BAKU).date()


def test_the_request_starts_due_on_the_expected_day(world):
    assert local_day(received(world).due_at) == DUE


def test_a_mourning_day_in_the_window_moves_the_due_date_by_one_working_day(world, committed):
    foi_request = received(world)
    version = foi_request.version
    with committed():
        result = declare(world)
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == datetime.date(2027, 4, 15)
    assert foi_request.version > version
    assert [moved.pk for moved in result.moved] == [foi_request.pk]
    event = CaseEvent.objects.get(foi_request=foi_request, kind="due_date_moved")
    assert event.actor == world.admin
    assert event.data["day"] == "2027-04-08"
    assert event.data["basis"] == "Presidential Decree No. 123 of 7 April 2027"
    assert event.data["old_due"].startswith("2027-04-14")
    assert event.data["new_due"].startswith("2027-04-15")
    assert "Day of national mourning" in event.label
    assert "Presidential Decree No. 123" in event.label
    mails = OutboundEmail.objects.filter(foi_request=foi_request)
    assert set(mails.values_list("kind", "to_user")) == {
        ("due_date_moved", world.requester.pk),
        ("due_date_moved_body", world.officer.pk),
    }
    # The requester is told in their language, with the day and its basis.
    notice = mails.get(kind="due_date_moved")
    assert "2027" in notice.body_text and "123" in notice.body_text


def test_the_case_page_names_the_declared_day(client, world):
    foi_request = received(world, visibility="public")
    declare(world)
    foi_request.refresh_from_db()
    explanation = deadlines.explain(foi_request.law, foi_request.due_explanation)
    assert "Day of national mourning" in explanation
    page = client.get(reverse("foi:request_detail", args=[foi_request.reference]))
    assert "Day of national mourning" in page.content.decode()


def test_the_explanation_names_it_in_the_readers_language(world):
    from django.utils import translation

    foi_request = received(world)
    declare(world)
    foi_request.refresh_from_db()
    with translation.override("ru"):
        assert "День общенационального траура" in deadlines.explain(
            foi_request.law, foi_request.due_explanation
        )


def test_a_closed_request_is_untouched(world):
    foi_request = received(world, state=State.ANSWERED)
    before = FOIRequest.objects.get(pk=foi_request.pk)
    declare(world)
    after = FOIRequest.objects.get(pk=foi_request.pk)
    assert (after.due_at, after.version) == (before.due_at, before.version)
    assert not CaseEvent.objects.filter(foi_request=foi_request, kind="due_date_moved").exists()


def test_removing_the_day_moves_it_back(world, committed):
    foi_request = received(world)
    with committed():
        day = declare(world).declared_day
        result = services.declared_day_delete(actor=world.admin, declared_day=day)
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == DUE
    assert [moved.pk for moved in result.moved] == [foi_request.pk]
    events = CaseEvent.objects.filter(foi_request=foi_request, kind="due_date_moved")
    assert [event.data["change"] for event in events] == ["added", "removed"]
    assert "working day again" in events.last().label
    assert not DeclaredDay.objects.exists()


def test_moving_a_declared_day_out_of_the_window_moves_the_due_date_back(world):
    foi_request = received(world)
    day = declare(world).declared_day
    day.day = OUTSIDE
    services.declared_day_save(actor=world.admin, declared_day=day)
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == DUE


def test_a_day_outside_the_window_changes_nothing(world, committed):
    foi_request = received(world)
    version = FOIRequest.objects.get(pk=foi_request.pk).version
    with committed():
        result = declare(world, day=OUTSIDE)
    assert result.moved == []
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (local_day(row.due_at), row.version) == (DUE, version)
    assert not CaseEvent.objects.filter(kind="due_date_moved").exists()
    assert not OutboundEmail.objects.filter(kind__startswith="due_date_moved").exists()


def test_another_countrys_day_changes_nothing(world):
    foi_request = received(world)
    declare(world, country="GE")
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == DUE


def test_the_working_day_cache_is_invalidated(world):
    law = world.law
    assert deadlines.is_working_day(law, INSIDE)
    day = declare(world).declared_day
    assert not deadlines.is_working_day(law, INSIDE)
    assert "Day of national mourning" in deadlines.non_working_reason(law, INSIDE, "en")
    services.declared_day_delete(actor=world.admin, declared_day=day)
    assert deadlines.is_working_day(law, INSIDE)


@pytest.mark.parametrize("role", ["requester", "officer", "coordinator", "editor"])
def test_only_administrators_may_declare_a_day(world, role):
    foi_request = received(world)
    with pytest.raises(NotPermitted):
        services.declared_day_save(
            actor=getattr(world, role),
            declared_day=DeclaredDay(
                country="AZ", day=INSIDE, name_az="Hüzn günü", legal_basis="Decree"
            ),
        )
    assert not DeclaredDay.objects.exists()
    assert deadlines.is_working_day(world.law, INSIDE)
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == DUE


def test_a_day_without_a_legal_basis_is_refused(world):
    received(world)
    with pytest.raises(InvalidInput):
        declare(world, legal_basis="  ")
    assert not DeclaredDay.objects.exists()
    assert not CaseEvent.objects.filter(kind="due_date_moved").exists()


def test_the_same_day_twice_is_refused(world):
    declare(world)
    with pytest.raises(InvalidInput):
        declare(world, name_az="Başqa")
    assert DeclaredDay.objects.count() == 1


def test_a_history_the_clock_cannot_replay_keeps_its_date_and_the_others_move(world):
    good = received(world)
    broken = received(world)
    FOIRequest.objects.filter(pk=broken.pk).update(
        clock_history=[{"kind": "extension", "at": "2020-01-01T00:00:00+04:00"}]
    )
    result = declare(world)
    assert [moved.pk for moved in result.moved] == [good.pk]
    broken.refresh_from_db()
    assert local_day(broken.due_at) == DUE
    assert not CaseEvent.objects.filter(foi_request=broken, kind="due_date_moved").exists()
