"""Reading batches (issue 24): one batch, the requests of it a person may see, its figures,
and the moderators' queue of batches waiting for approval."""

from __future__ import annotations

from collections import Counter

from core.errors import NotPermitted, NotVisible
from foi import permissions
from foi.models import Batch, BatchStatus, FOIRequest, Follow, Outcome, State


def batch_get(*, reference: str, user) -> Batch:
    """The batch if this person may see it (NotVisible, a 404, otherwise): its creator and the
    moderators always; anyone else once it was sent and while at least one of its requests is
    visible to them (a batch of private requests stays hidden until they become public)."""
    batch = Batch.objects.select_related("creator").filter(reference=reference).first()
    if batch is None:
        raise NotVisible("No such batch.")
    if permissions.can_view_batch_letter(batch, user):
        return batch
    if batch.status == BatchStatus.FILED and batch_requests(batch=batch, user=user):
        return batch
    raise NotVisible("No such batch.")


def batch_requests(*, batch: Batch, user) -> list[FOIRequest]:
    """The batch's requests this person may see, by body name: never a private one of
    someone else's."""
    from foi.selectors import foi_request_visible_qs

    return list(
        foi_request_visible_qs(user=user)
        .filter(batch=batch)
        .exclude(state=State.DRAFT)
        .select_related("body", "requester", "law")
        .order_by("body__name_az")
    )


def batch_figures(*, foi_requests: list[FOIRequest]) -> dict:
    """How many of these requests are in each state and have each outcome, and how many are
    overdue: the batch page's figures (of what the reader sees)."""
    states = Counter(r.state for r in foi_requests)
    outcomes = Counter(r.outcome for r in foi_requests if r.outcome)
    return {
        "total": len(foi_requests),
        "states": [(label, states[value]) for value, label in State.choices if states[value]],
        "outcomes": [
            (label, outcomes[value]) for value, label in Outcome.choices if outcomes[value]
        ],
        "overdue": sum(1 for r in foi_requests if r.is_overdue),
    }


def batch_followed_count(*, foi_requests: list[FOIRequest], user) -> int:
    """How many of these requests the person follows."""
    if not permissions.is_person(user) or not foi_requests:
        return 0
    return Follow.objects.filter(user=user, foi_request__in=foi_requests).count()


def batch_pending_queue(*, user):
    """Batches waiting for a moderator, oldest first (moderators only)."""
    if not permissions.can_decide_batch(user):
        raise NotPermitted("Only moderators see batches waiting for approval.")
    return (
        Batch.objects.filter(status=BatchStatus.PENDING)
        .select_related("creator")
        .prefetch_related("bodies")
        .order_by("created_at")
    )


def batches_of(*, user) -> list[Batch]:
    """The person's own batches, newest first."""
    if not permissions.is_person(user):
        return []
    return list(Batch.objects.filter(creator=user).order_by("-created_at"))
