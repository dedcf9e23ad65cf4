"""Adding to a case file without changing the request's state: a note, an approved file, an
e-mail received, filed, bounced or sent again.

Every such addition goes through ``foi_request_append``, so there is one place that locks the
request, appends to its hash chain (``foi.services.audit``) and stores the chain's new head;
transitions have theirs in ``foi.services.base.run_transition``. The e-mail code in
``mail`` calls it too: mail may use the services, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from core import clock
from foi.models import CaseEvent, FOIRequest, Message
from foi.services.audit import case_event_record, save_audit_head
from foi.services.base import lock_request


@dataclass(frozen=True)
class Entry:
    """What an addition records: the timeline message its event names, if any, and the
    event's data."""

    message: Message | None = None
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Appended:
    foi_request: FOIRequest  # the locked row, its chain's head moved on
    message: Message | None
    event: CaseEvent


def foi_request_append(
    *,
    foi_request: FOIRequest,
    actor,
    kind: str,
    audience: str,
    write: Callable[[FOIRequest, datetime], Entry | None] | None = None,
    at=None,
) -> Appended | None:
    """Lock the request, let ``write(locked, at)`` check what it must against the locked row
    and make its addition (create the Message, approve the file), then append one CaseEvent of
    ``kind``; all in one transaction, so a refusal raised by ``write`` changes nothing.

    ``write`` returning None means there was nothing to add (a file already approved): no
    event, and None is returned. Those who follow the request hear of the event after commit
    (``case_event_committed``).

    An addition acts on no one's view of the request, so a copy read earlier is not a
    conflict: ``write`` sees the row as it is now, and the request's ``version`` does not
    move, so nobody else's copy goes stale either.
    """
    at = at or clock.now()
    with transaction.atomic():
        locked = lock_request(foi_request, refuse_stale=False)
        entry = write(locked, at) if write else Entry()
        if entry is None:
            return None
        event = case_event_record(
            foi_request=locked,
            kind=kind,
            actor=actor,
            from_state=locked.state,
            to_state=locked.state,
            audience=audience,
            message=entry.message,
            data=entry.data,
            at=at,
        )
        save_audit_head(locked)
    return Appended(foi_request=locked, message=entry.message, event=event)
