from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from core import clock
from core.errors import NotPermitted, TransitionNotAllowed
from foi import permissions
from foi.models import FOIRequest, Message, MessageKind, State
from foi.services.audit import case_event_record, save_audit_head
from foi.services.base import lock_request, require_text


def foi_request_add_note(*, foi_request: FOIRequest, actor, text: str) -> Message:
    """An internal note: seen by the body only, never by the requester or the public."""
    text = require_text(text, _("Write the note."))
    with transaction.atomic():
        locked = lock_request(foi_request)
        if locked.state == State.DRAFT:
            raise TransitionNotAllowed(_("A draft has no case file yet."))
        if not permissions.can_add_note(locked, actor):
            raise NotPermitted(_("Only the body's officers may add internal notes."))
        now = clock.now()
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.INTERNAL_NOTE,
            audience="internal",
            author=actor,
            from_body=locked.body,
            text=text,
            created_at=now,
        )
        # The event names the note, never its words: the trail is shown more widely than notes.
        case_event_record(
            foi_request=locked,
            kind="note",
            actor=actor,
            from_state=locked.state,
            to_state=locked.state,
            audience="internal",
            message=message,
            at=now,
        )
        save_audit_head(locked)
    return message
