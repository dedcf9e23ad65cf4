"""Two officers acting at once: exactly one wins; the other gets a clear conflict and nothing
of theirs is saved."""

import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path

import pytest
from django.db import connection, connections
from django_fsm.signals import pre_transition

from core.errors import Conflict
from foi import services
from foi.models import CaseEvent, FOIRequest, Message, State


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


@pytest.fixture
def database_as_deployed(transactional_db, world):
    """Makes the calling thread's connection lock as the deployed database's does.

    PostgreSQL: as it is. SQLite: the test database is in memory, where connections share one
    cache whose table locks fail at once instead of waiting, unlike the file ``db.sqlite3``; so
    the test's data is copied to a file, and the test and every thread that calls this use it.
    """
    if connection.vendor != "sqlite":
        yield lambda: None
        return
    path = Path(tempfile.mkdtemp(prefix="sorgu-locks-")) / "db.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    on_file = {**connection.settings_dict, "NAME": str(path)}
    in_memory = connections["default"]  # kept open: closing it would drop the test database

    def use_the_file():
        connections["default"] = in_memory.__class__(on_file, "default")

    use_the_file()
    try:
        yield use_the_file
    finally:
        connections["default"].close()
        connections["default"] = in_memory
        shutil.rmtree(path.parent)


def extend(copy, actor):
    return services.foi_request_extend(foi_request=copy, actor=actor, reason="volume")


def answer(copy, actor):
    return services.foi_request_answer(
        foi_request=copy, actor=actor, outcome="full", text="Here it is."
    )


def refuse(copy, actor):
    return services.foi_request_refuse(
        foi_request=copy, actor=actor, grounds=[{"code": "official"}], text="No."
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "first_action, second_action",
    # Two different decisions (the state alone would tell the second it is late), and the same
    # step twice, which the state allows again: only the version tells the second that they act
    # on a request they did not see (two extensions, each meant as the only one).
    [(answer, refuse), (extend, extend)],
)
def test_two_connections_at_once_one_wins(world, database_as_deployed, first_action, second_action):
    """On SQLite and on PostgreSQL: the second waits for the first's lock, then is refused."""
    foi_request = world.request(State.IN_PROGRESS)
    events_before = CaseEvent.objects.filter(foi_request=foi_request).count()
    messages_before = Message.objects.filter(foi_request=foi_request).count()
    both_loaded = threading.Barrier(2)
    first_holds_lock = threading.Event()
    outcomes = {}

    def hold_the_lock(sender, instance, name, **kwargs):
        # The first transition has the row lock: let the second one start and block on it.
        if threading.current_thread().name == "first":
            first_holds_lock.set()
            threading.Event().wait(0.5)

    def run(name, action, actor):
        database_as_deployed()
        try:
            copy = FOIRequest.objects.get(pk=foi_request.pk)
            both_loaded.wait(10)  # both officers have the page before either acts
            if name == "second":
                assert first_holds_lock.wait(10)
            outcomes[name] = action(copy, actor)
        except Exception as error:
            outcomes[name] = error
        finally:
            connections.close_all()

    pre_transition.connect(hold_the_lock)
    try:
        threads = [
            threading.Thread(target=run, args=("first", first_action, world.officer), name="first"),
            threading.Thread(
                target=run, args=("second", second_action, world.coordinator), name="second"
            ),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        pre_transition.disconnect(hold_the_lock)

    assert isinstance(outcomes["first"], FOIRequest), outcomes["first"]
    assert isinstance(outcomes["second"], Conflict), outcomes["second"]
    assert "changed this request meanwhile" in str(outcomes["second"])
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.state, row.version, row.extensions_count) == (
        outcomes["first"].state,
        outcomes["first"].version,
        outcomes["first"].extensions_count,
    )
    assert CaseEvent.objects.filter(foi_request=foi_request).count() == events_before + 1
    assert Message.objects.filter(foi_request=foi_request).count() == messages_before + 1


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
