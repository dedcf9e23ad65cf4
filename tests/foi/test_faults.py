"""Faults: the queue (Redis) down, and a failure half-way through a transition.

Redis down: filing and answering still work, the work waits in the database (DeferredTask) and
runs once Redis answers again. A transition that fails half-way leaves no trace: no state
change, no CaseEvent, no e-mail, no queued work."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from core.models import DeferredTask
from foi import services
from foi.models import CaseEvent, FOIRequest, State
from mail.models import OutboundEmail
from tests.mail.test_rq_worker import REDIS_URL, clear_queues, run_worker

RQ = {"default": {"BACKEND": "django_tasks_rq.backend.RQBackend", "QUEUES": ["default"]}}
NOBODY_LISTENS = "redis://127.0.0.1:6398/5"  # a closed port: the broker is "down"


@pytest.fixture
def redis_down(settings):
    settings.RQ_QUEUES = {"default": {"URL": NOBODY_LISTENS}}
    settings.TASKS = RQ


@pytest.mark.django_db(transaction=True)
def test_with_redis_down_answering_works_and_the_work_waits_then_runs(world, settings):
    import django_rq
    import redis

    settings.RQ_QUEUES = {"default": {"URL": NOBODY_LISTENS}}
    settings.TASKS = RQ
    foi_request = world.request(State.IN_PROGRESS)
    answered = services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="full", text="Attached."
    )
    assert answered.state == State.ANSWERED
    waiting = list(DeferredTask.objects.values_list("task_path", flat=True))
    assert "mail.tasks.notify_case_event" in waiting  # the requester's notice waits
    assert mail.outbox == []
    with pytest.raises(CommandError):
        call_command("foi_requeue")  # still down: nothing is lost, it says so
    assert DeferredTask.objects.count() == len(waiting)
    assert DeferredTask.objects.order_by("id").first().attempts == 2

    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    with connection.lock("tests:rq-worker", timeout=300, blocking_timeout=300):
        clear_queues(connection)
        settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}  # Redis is back
        call_command("foi_requeue")
        assert not DeferredTask.objects.exists()
        assert django_rq.get_queue("default").count == len(waiting)
        run_worker()  # the notice's task queues the e-mail's task, which the worker also runs
        clear_queues(connection)
    outbound = OutboundEmail.objects.get()
    assert outbound.to_email == world.requester.email
    assert [email.to for email in mail.outbox] == [[world.requester.email]]


@pytest.mark.django_db(transaction=True)
def test_with_redis_down_a_citizen_can_still_file(client, world, redis_down):
    client.force_login(world.requester)
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="Budget", text="Please send it."
    )
    response = client.post(reverse("foi:filing_preview", args=[draft.pk]), {"submit": "1"})
    assert response.status_code == 302, response.content[:500]
    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED
    assert DeferredTask.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fault_at",
    [
        # the answer's message is written, its file not yet: outcomes' own name for it
        "foi.services.outcomes.attachment_create",
        # the message and its files are written, the state changed: the audit record fails
        "foi.services.base.case_event_record",
    ],
)
def test_a_failure_half_way_through_a_transition_leaves_no_trace(world, monkeypatch, fault_at):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    events = CaseEvent.objects.count()
    messages = foi_request.messages.count()

    def broken(**kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(fault_at, broken)
    with pytest.raises(RuntimeError):
        services.foi_request_answer(
            foi_request=foi_request,
            actor=world.officer,
            outcome="full",
            text="Attached.",
            files=[("a.txt", b"A file.")],
        )
    fresh = FOIRequest.objects.get(pk=foi_request.pk)
    assert (fresh.state, fresh.version, fresh.outcome) == (
        State.IN_PROGRESS,
        foi_request.version,
        "",
    )
    assert CaseEvent.objects.count() == events
    assert fresh.messages.count() == messages
    assert mail.outbox == []
    assert not OutboundEmail.objects.exists()
    assert not DeferredTask.objects.exists()
