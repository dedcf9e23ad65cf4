"""Queue background work so that a queue outage loses nothing and breaks no request.

Every task the portal schedules (notices, e-mail, search indexing) goes through ``enqueue``.
When the queue's broker cannot be reached (Redis down: a connection or timeout error), the task
is written to the database as a ``DeferredTask`` instead and the request carries on: the filing
or the answer has already committed. ``requeue_deferred`` (the ``foi_requeue`` command, run by
cron every minute and by the daily sweep) hands the waiting tasks to the queue, oldest first,
once it answers again. Any other error is a bug and is raised as usual.
"""

from __future__ import annotations

import logging

from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def _broker_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [ConnectionError, TimeoutError]
    try:
        import redis.exceptions

        errors += [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError]
    except ImportError:  # pragma: no cover - redis comes with django-tasks-rq
        pass
    return tuple(errors)


BROKER_ERRORS = _broker_errors()


def _submit(task, args, kwargs, run_after):
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    return task.enqueue(*args, **kwargs)


def enqueue(task, *args, run_after=None, **kwargs):
    """``task.enqueue(*args, **kwargs)``, or a DeferredTask row when the broker is down."""
    try:
        return _submit(task, args, kwargs, run_after)
    except BROKER_ERRORS as error:
        logger.warning("Queue unreachable; %s kept in the database: %s", task.module_path, error)
        defer(task, args, kwargs, run_after=run_after, reason=f"{type(error).__name__}: {error}")
        return None


def defer(task, args=(), kwargs=None, *, run_after=None, reason: str = "") -> None:
    """Keep ``task`` waiting in the database (a DeferredTask row) for ``requeue_deferred`` to
    hand over, not before ``run_after``: for work that failed for now (``reason``) and is to
    be tried again later, such as indexing while the search cluster does not answer."""
    from core.models import DeferredTask

    DeferredTask.objects.create(
        task_path=task.module_path,
        args=list(args),
        kwargs=kwargs or {},
        run_after=run_after,
        attempts=1,
        last_error=reason[:500],
    )


def deferred_summary():
    """How many tasks wait in the database for the queue, and when the oldest was kept there
    (None when none waits): one aggregate, for the monitoring's gauges."""
    from django.db.models import Count, Min

    from core.models import DeferredTask

    summary = DeferredTask.objects.aggregate(count=Count("pk"), oldest=Min("created_at"))
    return summary["count"], summary["oldest"]


def requeue_deferred(*, limit: int = 1000) -> tuple[int, int]:
    """Hand waiting tasks to the queue, oldest first; stop at the first broker error.
    Returns (handed over, still waiting)."""
    from core.models import DeferredTask

    handed = 0
    for deferred in DeferredTask.objects.order_by("id")[:limit]:
        task = import_string(deferred.task_path)
        run_after = (
            deferred.run_after
            if deferred.run_after and deferred.run_after > timezone.now()
            else None
        )
        try:
            _submit(task, deferred.args, deferred.kwargs, run_after)
        except BROKER_ERRORS as error:
            DeferredTask.objects.filter(pk=deferred.pk).update(
                attempts=deferred.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:500]
            )
            break
        deferred.delete()
        handed += 1
    return handed, DeferredTask.objects.count()
