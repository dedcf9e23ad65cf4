"""Appending to a request's hash chain, and verifying chains."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.db import transaction

from core import clock
from foi.models import CaseEvent
from foi.models.audit import GENESIS
from foi.signals import case_event_committed


def case_event_record(
    *,
    foi_request,
    kind: str,
    actor=None,
    from_state: str = "",
    to_state: str = "",
    audience: str = "public",
    message=None,
    data: dict | None = None,
    at=None,
) -> CaseEvent:
    """Append one event. The caller holds the request's row lock and saves the request after.

    An actor recording a body's move on its behalf (``foi.actors.OnBehalf``) is stored as the
    person who recorded it (none for a reply link), a label saying how, and in the data the
    letter or link it was recorded from."""
    from foi.actors import OnBehalf

    if isinstance(actor, OnBehalf):
        person = actor.person if getattr(actor.person, "pk", None) else None
        label = actor.label
        data = {**(data or {}), **actor.audit_data()}
    else:
        person = actor if getattr(actor, "pk", None) else None
        label = "" if person else str(actor or "system")
    event = CaseEvent(
        foi_request=foi_request,
        seq=foi_request.audit_length + 1,
        kind=kind,
        actor=person,
        actor_label=label,
        from_state=from_state,
        to_state=to_state,
        audience=audience,
        message=message,
        data=data or {},
        created_at=at or clock.now(),
        prev_hash=foi_request.audit_head or GENESIS,
    )
    event.save()
    foi_request.audit_length = event.seq
    foi_request.audit_head = event.hash
    transaction.on_commit(partial(_announce, event.pk))
    return event


def save_audit_head(foi_request) -> None:
    """Store the chain's new head without touching anything else on the request: an event
    that is not a transition (a note, an approval) must not make others' copies stale."""
    type(foi_request).objects.filter(pk=foi_request.pk).update(
        audit_length=foi_request.audit_length,
        audit_head=foi_request.audit_head,
        updated_at=clock.now(),
    )


def _announce(event_id: int) -> None:
    event = CaseEvent.objects.filter(pk=event_id).select_related("foi_request").first()
    if event is not None:
        case_event_committed.send(sender=CaseEvent, event=event)


@dataclass(frozen=True)
class ChainBreak:
    reference: str
    seq: int
    event_id: int | None
    reason: str

    def __str__(self) -> str:
        where = f"event #{self.seq}" + (f" (id {self.event_id})" if self.event_id else "")
        return f"{self.reference}: {where}: {self.reason}"


def case_events_verify(*, foi_request) -> ChainBreak | None:
    """The first break in one request's chain, or None when it holds."""
    reference = foi_request.reference or f"draft {foi_request.pk}"
    prev_hash = GENESIS
    expected_seq = 1
    for event in CaseEvent.objects.filter(foi_request=foi_request).order_by("seq").iterator():
        if event.seq != expected_seq:
            return ChainBreak(reference, expected_seq, None, "event is missing")
        if event.prev_hash != prev_hash:
            return ChainBreak(reference, event.seq, event.pk, "does not follow the previous event")
        if event.compute_hash() != event.hash:
            return ChainBreak(reference, event.seq, event.pk, "content was altered")
        prev_hash = event.hash
        expected_seq += 1
    length = expected_seq - 1
    if length != foi_request.audit_length or prev_hash != (foi_request.audit_head or GENESIS):
        return ChainBreak(
            reference,
            length + 1,
            None,
            f"the request records {foi_request.audit_length} events but {length} remain",
        )
    return None


def case_events_verify_all(*, progress=None, chunk_size: int = 2000):
    """Every break in every request's chain, in one pass over the events (two streamed queries
    whatever the number of requests). ``progress(done, total)`` is called now and then."""
    from foi.models import FOIRequest

    requests = FOIRequest.objects.order_by("pk").values_list(
        "pk", "reference", "audit_length", "audit_head"
    )
    total = requests.count()
    events = iter(
        CaseEvent.objects.order_by("foi_request_id", "seq").iterator(chunk_size=chunk_size)
    )
    pending = next(events, None)
    for done, (pk, reference, audit_length, audit_head) in enumerate(
        requests.iterator(chunk_size=chunk_size), start=1
    ):
        reference = reference or f"draft {pk}"
        while pending is not None and pending.foi_request_id < pk:
            # An event whose request is gone cannot be: requests are never deleted (PROTECT).
            yield ChainBreak(f"request {pending.foi_request_id}", pending.seq, pending.pk, "orphan")
            pending = next(events, None)
        prev_hash, expected_seq, broken = GENESIS, 1, None
        while pending is not None and pending.foi_request_id == pk:
            if broken is None:
                if pending.seq != expected_seq:
                    broken = ChainBreak(reference, expected_seq, None, "event is missing")
                elif pending.prev_hash != prev_hash:
                    broken = ChainBreak(
                        reference, pending.seq, pending.pk, "does not follow the previous event"
                    )
                elif pending.compute_hash() != pending.hash:
                    broken = ChainBreak(reference, pending.seq, pending.pk, "content was altered")
                prev_hash = pending.hash
                expected_seq += 1
            pending = next(events, None)
        if broken is None:
            length = expected_seq - 1
            if length != audit_length or prev_hash != (audit_head or GENESIS):
                broken = ChainBreak(
                    reference,
                    length + 1,
                    None,
                    f"the request records {audit_length} events but {length} remain",
                )
        if broken is not None:
            yield broken
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
