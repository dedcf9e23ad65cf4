"""Reads for the suggestions of bodies and corrections (``foi.services.body_suggestions``)."""

from __future__ import annotations

from django.db.models import QuerySet

from core.errors import NotPermitted, NotVisible
from foi import permissions
from foi.models import BodyContactChange, BodySuggestion, BodySuggestionStatus


def body_suggestion_queue(*, user) -> QuerySet[BodySuggestion]:
    """The suggestions waiting for a moderator, oldest first; moderators only."""
    if not permissions.can_decide_body_suggestion(user):
        raise NotPermitted("Moderators only.")
    return (
        BodySuggestion.objects.filter(status=BodySuggestionStatus.PENDING)
        .select_related("body", "parent", "suggested_by")
        .order_by("created_at", "pk")
    )


def body_suggestion_get(*, user, suggestion_id: int) -> BodySuggestion:
    if not permissions.can_decide_body_suggestion(user):
        raise NotPermitted("Moderators only.")
    found = (
        BodySuggestion.objects.select_related(
            "body", "parent", "suggested_by", "decided_by", "created_body"
        )
        .filter(pk=suggestion_id)
        .first()
    )
    if found is None:
        raise NotVisible("No such suggestion.")
    return found


def body_contact_history(*, body, public: bool = False) -> list[BodyContactChange]:
    """The changes of a body's e-mail address, website and names, newest first. The public
    history leaves out the e-mail addresses and never says who changed anything."""
    changes = BodyContactChange.objects.filter(body=body)
    if public:
        return list(
            changes.exclude(field="request_email").only("field", "old", "new", "changed_at")
        )
    return list(changes.select_related("changed_by", "suggestion"))
