"""Keeping the index current: one object at a time (from signals, in tasks after commit), the
whole index (``search_index --rebuild``), and the comparison behind ``search_index --check``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from search import registry
from search.backends import get_backend
from search.documents import IndexDocument, key_of, split_key

logger = logging.getLogger(__name__)


def index_object(kind: str, object_id: str) -> str:
    """Index one object again, or take it out if it may no longer be found."""
    provider = registry.get(kind)
    if provider is None:
        raise ValueError(f"No search provider for {kind!r}.")
    document = provider.document_for(str(object_id))
    backend = get_backend()
    if document is None:
        backend.delete([key_of(kind, object_id)])
        return "removed"
    backend.upsert([document])
    return "indexed"


def remove_object(kind: str, object_id: str) -> None:
    get_backend().delete([key_of(kind, object_id)])


def schedule(kind: str, object_id: str) -> None:
    """Index an object in a task once the current transaction commits."""
    from foi import taskqueue
    from search.tasks import index_object_task

    transaction.on_commit(lambda: taskqueue.enqueue(index_object_task, kind, str(object_id)))


def remove_now(kind: str, object_id: str) -> None:
    """Take an object out of the index as soon as the current transaction commits (at once
    outside one), without waiting for a task: what was withdrawn must not be found."""
    transaction.on_commit(lambda: remove_object(kind, str(object_id)))


def connect_providers() -> None:
    for provider in registry.providers():
        provider.connect(schedule, remove_now)


def all_documents(kinds: list[str] | None = None) -> Iterator[IndexDocument]:
    for provider in registry.providers():
        if kinds and provider.kind not in kinds:
            continue
        yield from provider.iter_documents()


def count_documents(kinds: list[str] | None = None) -> dict[str, int]:
    return {
        provider.kind: provider.count()
        for provider in registry.providers()
        if not kinds or provider.kind in kinds
    }


def rebuild(*, progress: Callable[[int], None] = lambda n: None) -> int:
    return get_backend().rebuild(all_documents(), progress=progress)


@dataclass
class CheckReport:
    expected: int = 0
    indexed: int = 0
    missing: list[str] = field(default_factory=list)  # should be found, is not
    stale: list[str] = field(default_factory=list)  # is found, with old content
    extra: list[str] = field(default_factory=list)  # is found, must not be

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def check(*, progress: Callable[[int], None] = lambda n: None) -> CheckReport:
    indexed = get_backend().indexed_hashes()
    report = CheckReport(indexed=len(indexed))
    expected: set[str] = set()
    for document in all_documents():
        key = document.key
        expected.add(key)
        report.expected += 1
        found = indexed.get(key)
        if found is None:
            report.missing.append(key)
        elif found != document.content_hash():
            report.stale.append(key)
        progress(1)
    report.extra = sorted(key for key in indexed if key not in expected)
    return report


def repair(report: CheckReport) -> int:
    """Index what is missing or stale and remove what must not be there."""
    backend = get_backend()
    if report.extra:
        backend.delete(report.extra)
    fixed = len(report.extra)
    for key in [*report.missing, *report.stale]:
        kind, object_id = split_key(key)
        index_object(kind, object_id)
        fixed += 1
    return fixed
