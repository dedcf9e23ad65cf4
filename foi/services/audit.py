"""Appending to a request's hash chain, and verifying chains."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.db import transaction

from core import clock
from foi.models import Attachment, CaseEvent, Message
from foi.models.audit import GENESIS, stored_file_digest, text_digest
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


@dataclass
class _Stored:
    """What version 2 events are checked against: the request's message texts and its files'
    storage names as they are now, and the digests of files already read in this run."""

    texts: dict
    names: dict
    digests: dict
    read_files: bool


def _content_break(event, stored: _Stored) -> str | None:
    """What no longer matches in what a version 2 event hashed, or None."""
    recorded = event.content if isinstance(event.content, dict) else {}
    if event.message_id is not None:
        text = stored.texts.get(event.message_id)
        if text is None or text_digest(text) != recorded.get("message"):
            return "its message's text was altered"
    if not stored.read_files:
        return None
    for key, digest in sorted((recorded.get("files") or {}).items(), key=lambda i: int(i[0])):
        pk = int(key)
        if pk not in stored.digests:
            stored.digests[pk] = stored_file_digest(stored.names.get(pk, ""))
        if stored.digests[pk] is None and digest is not None:
            return f"its file {pk} is missing"
        if stored.digests[pk] != digest:
            return f"its file {pk} was altered"
    return None


def _chain_break(reference, events, audit_length, audit_head, stored: _Stored) -> ChainBreak | None:
    """The first break in one request's events (in seq order), or None."""
    prev_hash = GENESIS
    expected_seq = 1
    for event in events:
        if event.seq != expected_seq:
            return ChainBreak(reference, expected_seq, None, "event is missing")
        if event.prev_hash != prev_hash:
            return ChainBreak(reference, event.seq, event.pk, "does not follow the previous event")
        if event.compute_hash() != event.hash:
            return ChainBreak(reference, event.seq, event.pk, "content was altered")
        if event.chain >= 2:
            problem = _content_break(event, stored)
            if problem:
                return ChainBreak(reference, event.seq, event.pk, problem)
        prev_hash = event.hash
        expected_seq += 1
    length = expected_seq - 1
    if length != audit_length or prev_hash != (audit_head or GENESIS):
        return ChainBreak(
            reference,
            length + 1,
            None,
            f"the request records {audit_length} events but {length} remain",
        )
    return None


def case_events_verify(*, foi_request, read_files: bool = True) -> ChainBreak | None:
    """The first break in one request's chain, or None when it holds. Version 2 events are
    checked against their message's text and (unless ``read_files`` is False) their files'
    bytes as stored now."""
    reference = foi_request.reference or f"draft {foi_request.pk}"
    events = list(CaseEvent.objects.filter(foi_request=foi_request).order_by("seq"))
    messages = Message.objects.filter(foi_request=foi_request)
    names = Attachment.objects.filter(message__foi_request=foi_request) if read_files else None
    stored = _Stored(
        texts=dict(messages.values_list("pk", "text")),
        names=dict(names.values_list("pk", "file")) if names is not None else {},
        digests={},
        read_files=read_files,
    )
    return _chain_break(reference, events, foi_request.audit_length, foi_request.audit_head, stored)


def _grouped(rows, key_index: int = 0):
    """(request id, {pk: value}) from rows ordered by request id: (request id, pk, value)."""
    current, group = None, {}
    for row in rows:
        if row[key_index] != current:
            if current is not None:
                yield current, group
            current, group = row[key_index], {}
        group[row[1]] = row[2]
    if current is not None:
        yield current, group


class _Cursor:
    """Walks one of the streams grouped by request id alongside the requests."""

    def __init__(self, groups):
        self.groups = iter(groups)
        self.pending = next(self.groups, None)

    def take(self, pk: int) -> dict:
        while self.pending is not None and self.pending[0] < pk:
            self.pending = next(self.groups, None)
        if self.pending is not None and self.pending[0] == pk:
            found = self.pending[1]
            self.pending = next(self.groups, None)
            return found
        return {}


def case_events_verify_all(*, progress=None, chunk_size: int = 2000, read_files: bool = True):
    """Every break in every request's chain, in one pass over the events (streamed queries
    whatever the number of requests: requests, events, message texts and file names, besides
    reading the files). ``progress(done, total)`` is called now and then."""
    from foi.models import FOIRequest

    requests = FOIRequest.objects.order_by("pk").values_list(
        "pk", "reference", "audit_length", "audit_head"
    )
    total = requests.count()
    events = iter(
        CaseEvent.objects.order_by("foi_request_id", "seq").iterator(chunk_size=chunk_size)
    )
    texts = _Cursor(
        _grouped(
            Message.objects.order_by("foi_request_id", "pk")
            .values_list("foi_request_id", "pk", "text")
            .iterator(chunk_size=chunk_size)
        )
    )
    names = _Cursor(
        _grouped(
            Attachment.objects.order_by("message__foi_request_id", "pk")
            .values_list("message__foi_request_id", "pk", "file")
            .iterator(chunk_size=chunk_size)
            if read_files
            else ()
        )
    )
    digests: dict = {}
    pending = next(events, None)
    for done, (pk, reference, audit_length, audit_head) in enumerate(
        requests.iterator(chunk_size=chunk_size), start=1
    ):
        reference = reference or f"draft {pk}"
        while pending is not None and pending.foi_request_id < pk:
            # An event whose request is gone cannot be: requests are never deleted (PROTECT).
            yield ChainBreak(f"request {pending.foi_request_id}", pending.seq, pending.pk, "orphan")
            pending = next(events, None)
        own = []
        while pending is not None and pending.foi_request_id == pk:
            own.append(pending)
            pending = next(events, None)
        stored = _Stored(texts.take(pk), names.take(pk), digests, read_files)
        broken = _chain_break(reference, own, audit_length, audit_head, stored)
        if broken is not None:
            yield broken
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
