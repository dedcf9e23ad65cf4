"""Two officers acting at once: exactly one wins; the other gets a clear conflict and nothing
of theirs is saved."""

import threading

import pytest
from django.db import connection, connections
from django_fsm.signals import pre_transition

from core.errors import Conflict
from foi import services
from foi.models import CaseEvent, FOIRequest, State


def test_a_stale_copy_is_refused(world):
    foi_request = world.request(State.IN_PROGRESS)
    stale = FOIRequest.objects.get(pk=foi_request.pk)
    services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="full", text="Here it is."
    )
    events = CaseEvent.objects.filter(foi_request=foi_request).count()
    with pytest.raises(Conflict) as conflict:
        services.foi_request_refuse(
            foi_request=stale,
            actor=world.officer,
            grounds=[{"code": "state-secret"}],
            text="Refused.",
        )
    assert "changed this request meanwhile" in str(conflict.value)
    assert FOIRequest.objects.get(pk=foi_request.pk).state == State.ANSWERED
    assert CaseEvent.objects.filter(foi_request=foi_request).count() == events


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_connections_at_once_one_wins(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks across connections need PostgreSQL")
    foi_request = world.request(State.IN_PROGRESS)
    events_before = CaseEvent.objects.filter(foi_request=foi_request).count()
    first_holds_lock = threading.Event()
    outcomes = {}

    def hold_the_lock(sender, instance, name, **kwargs):
        # The first transition has the row lock: let the second one start and block on it.
        if threading.current_thread().name == "first":
            first_holds_lock.set()
            threading.Event().wait(0.5)

    def run(name, action):
        try:
            outcomes[name] = action(FOIRequest.objects.get(pk=foi_request.pk))
        except Exception as error:
            outcomes[name] = error
        finally:
            connections.close_all()

    answer = lambda copy: services.foi_request_answer(  # noqa: E731
        foi_request=copy, actor=world.officer, outcome="full", text="Here it is."
    )
    refuse = lambda copy: services.foi_request_refuse(  # noqa: E731
        foi_request=copy, actor=world.coordinator, grounds=[{"code": "official"}], text="No."
    )
    pre_transition.connect(hold_the_lock)
    try:
        first = threading.Thread(target=run, args=("first", answer), name="first")
        # Both load the request before either acts.
        second = threading.Thread(target=run, args=("second", refuse), name="second")
        first.start()
        assert first_holds_lock.wait(10)
        second.start()
        first.join(20)
        second.join(20)
    finally:
        pre_transition.disconnect(hold_the_lock)

    assert getattr(outcomes["first"], "state", None) == State.ANSWERED
    assert isinstance(outcomes["second"], Conflict), outcomes["second"]
    assert "meanwhile" in str(outcomes["second"])
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert row.state == State.ANSWERED
    assert CaseEvent.objects.filter(foi_request=foi_request).count() == events_before + 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_transition_locks_the_request_row_and_nothing_it_joins(world):
    """Locking the joined requester, body or law rows made two officers answering two requests
    of one requester deadlock under load (bench/mixed_load.py): only the request is locked."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks across connections need PostgreSQL")
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from foi.models import PublicBody
    from foi.services.base import lock_request

    foi_request = world.request(State.IN_PROGRESS)
    locked = threading.Event()
    release = threading.Event()

    def hold():
        try:
            with transaction.atomic():
                lock_request(foi_request)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(10)
        with transaction.atomic():  # another connection: these rows are free
            get_user_model().objects.select_for_update(nowait=True).get(pk=world.requester.pk)
            PublicBody.objects.select_for_update(nowait=True).get(pk=world.ministry.pk)
        from django.db.utils import OperationalError

        with pytest.raises(OperationalError), transaction.atomic():  # the request's row is not
            FOIRequest.objects.select_for_update(nowait=True).get(pk=foi_request.pk)
    finally:
        release.set()
        holder.join(10)
