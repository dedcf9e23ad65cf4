"""Background work for public statistics (Django's Tasks API): thin wrappers over
``publicstats.store``."""

from django_tasks import task

from publicstats import store


@task()
def refresh_request_task(request_id: int) -> int:
    return store.refresh_requests([request_id])
