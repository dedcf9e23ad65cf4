"""Background work for e-mail: thin wrappers that load by id and call a service."""

from django_tasks import task


@task()
def send_outbound_email(outbound_id: int) -> str:
    from mail.outbound import outbound_email_send

    return outbound_email_send(outbound_id=outbound_id)


@task()
def notify_case_event(event_id: int) -> int:
    """Work out who is told of an event and queue their e-mails. Returns how many."""
    from mail.notify import case_event_notify

    return case_event_notify(event_id=event_id)
