"""Locking a request to append an e-mail event to its audit chain."""

from foi.models import FOIRequest


def lock_for_append(foi_request) -> FOIRequest:
    """The request's row, locked for this transaction and freshly read. Unlike a transition
    (``foi.services.base.lock_request``), appending an e-mail acts on no one's view of the
    request, so a copy read a moment earlier is not a conflict."""
    return (
        FOIRequest.objects.select_for_update(of=("self",))  # the request's row only
        .select_related("law", "body", "requester")
        .get(pk=foi_request.pk)
    )
