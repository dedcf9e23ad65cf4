"""Production's background work, for real: a transition schedules its e-mails on Redis and the
documented worker command (``rqworker --job-class django_tasks_rq.Job``), run in burst mode,
sends them. Uses Redis database 5 on 127.0.0.1:6379."""

import io

import pytest
import redis
from django.core import mail
from django.core.management import call_command
from django_rq.management.commands.rqworker import Command as RQWorkerCommand
from rq.worker import SimpleWorker

from foi import services
from foi.models import State
from mail.models import OutboundEmail, OutboundStatus

REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def rq_backend(settings):
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    # One test at a time on the shared queue, also across pytest-xdist's processes.
    with connection.lock("tests:rq-worker", timeout=300, blocking_timeout=300):
        clear_queues(connection)
        settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
        settings.TASKS = {
            "default": {"BACKEND": "django_tasks_rq.backend.RQBackend", "QUEUES": ["default"]}
        }
        yield connection
        clear_queues(connection)


def clear_queues(connection):
    for key in connection.scan_iter("rq:*"):
        connection.delete(key)


class BurstWorker(SimpleWorker):
    """rq's in-process worker without its command channel. A burst run takes no commands, and
    redis-py 8 joins the channel's thread with no timeout at teardown while the thread waits
    up to 60 s for a message: the run hung there now and then."""

    def subscribe(self):
        pass

    def unsubscribe(self):
        pass


def run_worker():
    # In-process (SimpleWorker, no fork) so that it shares the test database and mail outbox.
    call_command(
        RQWorkerCommand(),
        "default",
        burst=True,
        job_class="django_tasks_rq.Job",
        worker_class="tests.mail.test_rq_worker.BurstWorker",
        verbosity=0,
        stdout=io.StringIO(),
    )


@pytest.mark.django_db(transaction=True)
def test_a_real_rq_worker_sends_the_email_a_transition_scheduled(world, rq_backend):
    foi_request = world.request(State.IN_PROGRESS)
    services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="full", text="Attached."
    )
    # Committed: the work waits on Redis, nothing was sent in the request.
    import django_rq

    # The e-mail's task, and the search index's (which also listens to the transition).
    assert django_rq.get_queue("default").count >= 1
    assert mail.outbox == [] and not OutboundEmail.objects.exists()

    run_worker()

    outbound = OutboundEmail.objects.get()
    assert (outbound.kind, outbound.to_email) == ("answered", world.requester.email)
    assert outbound.status == OutboundStatus.SENT
    assert [email.to for email in mail.outbox] == [[world.requester.email]]
    assert foi_request.reference in mail.outbox[0].subject
    assert django_rq.get_queue("default").count == 0


@pytest.mark.django_db(transaction=True)
def test_on_rq_a_failed_send_schedules_its_own_retry(world, rq_backend, settings):
    import django_rq
    from rq.registry import ScheduledJobRegistry

    settings.EMAIL_BACKEND = "tests.mail.failing_backend.EmailBackend"
    foi_request = world.request(State.IN_PROGRESS)
    services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="full", text="Attached."
    )
    run_worker()
    outbound = OutboundEmail.objects.get()
    assert outbound.status == OutboundStatus.RETRYING
    registry = ScheduledJobRegistry(queue=django_rq.get_queue("default"))
    assert registry.count == 1
    scheduled_at = registry.get_scheduled_time(registry.get_job_ids()[0])
    assert abs((scheduled_at - outbound.next_attempt_at).total_seconds()) < 1
