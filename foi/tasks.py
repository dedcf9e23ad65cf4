"""Background work (Django's Tasks API): thin wrappers that call a service."""

from django_tasks import task

from foi.services import foi_requests_lapse_due


@task()
def lapse_unclarified_requests() -> int:
    return foi_requests_lapse_due()
