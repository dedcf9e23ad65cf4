"""Background work for webhooks: thin wrappers that load by id and call a service."""

from django_tasks import task


@task()
def fan_out_event(event_id: int) -> int:
    from webhooks.services import event_fan_out

    return event_fan_out(event_id=event_id)


@task()
def deliver(delivery_id: str) -> str:
    from webhooks.services import delivery_attempt

    return delivery_attempt(delivery_id=delivery_id)
