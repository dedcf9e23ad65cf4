from __future__ import annotations

from django.utils.translation import gettext as _

from core.errors import NotPermitted, TransitionNotAllowed
from foi import permissions
from foi.models import FOIRequest, Message, MessageKind, State
from foi.services.base import require_text
from foi.services.case import Entry, foi_request_append


def foi_request_add_note(*, foi_request: FOIRequest, actor, text: str) -> Message:
    """An internal note: seen by the body only, never by the requester or the public."""
    text = require_text(text, _("Write the note."))

    def write(locked, at):
        if locked.state == State.DRAFT:
            raise TransitionNotAllowed(_("A draft has no case file yet."))
        if not permissions.can_add_note(locked, actor):
            raise NotPermitted(_("Only the body's officers may add internal notes."))
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.INTERNAL_NOTE,
            audience="internal",
            author=actor,
            from_body=locked.body,
            text=text,
            created_at=at,
        )
        return Entry(message=message)

    # The event names the note, never its words: the trail is shown more widely than notes.
    return foi_request_append(
        foi_request=foi_request, actor=actor, kind="note", audience="internal", write=write
    ).message
