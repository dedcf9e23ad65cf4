"""E-mail about batch requests: a moderator's decision on a batch that waited for one."""

from __future__ import annotations


def on_batch_decided(sender, *, batch, **kwargs) -> None:
    """A moderator approved or declined a batch (foi.services.batches), and it committed: its
    creator is told, in their language, with the batch's page."""
    from django.urls import reverse

    from foi.models import BatchStatus
    from mail.notices import absolute
    from mail.notify import tell_person

    person = batch.creator
    if not (person.is_active and person.email):
        return
    tell_person(
        person,
        "batch_approved" if batch.status == BatchStatus.FILED else "batch_declined",
        batch=batch,
        subject=batch.subject,
        body_count=batch.bodies.count(),
        batch_url=absolute(reverse("foi:batch_detail", args=[batch.reference])),
    )
