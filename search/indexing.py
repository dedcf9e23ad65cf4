"""Keeping the index current: one object at a time (from signals, in tasks after commit), the
whole index (``search_index --rebuild``), and the comparison behind ``search_index --check``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import reset_queries, transaction
from django.utils import timezone

from core import pagecache
from search import registry
from search.backends import fallback_backend, get_backend
from search.documents import IndexDocument, key_of, split_key

logger = logging.getLogger(__name__)

# The anonymous page cache's generation of the search page (search/views.py): bumped after
# every write to the index, once the write can be found (Elasticsearch's writes wait for its
# refresh), and again on commit (core/pagecache.py).
SEARCH_GENERATION = "search"


def index_object(kind: str, object_id: str) -> str:
    """Index one object again, or take it out if it may no longer be found."""
    provider = registry.get(kind)
    if provider is None:
        raise ValueError(f"No search provider for {kind!r}.")
    document = provider.document_for(str(object_id))
    key = key_of(kind, object_id)
    _write(
        kind,
        object_id,
        lambda backend: backend.delete([key]) if document is None else backend.upsert([document]),
    )
    return "removed" if document is None else "indexed"


def remove_object(kind: str, object_id: str) -> None:
    key = key_of(kind, object_id)
    _write(kind, object_id, lambda backend: backend.delete([key]))


RETRY_AFTER = timedelta(minutes=1)


def _write(kind: str, object_id: str, change: Callable) -> None:
    """Apply a change to the index, and to the database fallback behind Elasticsearch. When
    Elasticsearch does not answer, the fallback is still written and the object is indexed
    again later (a DeferredTask that ``foi_requeue`` hands over): the index catches up."""
    fallback = fallback_backend()
    try:
        change(get_backend())
    except Exception:
        if fallback is None:
            raise
        logger.warning("Search index unreachable; %s:%s will be indexed later", kind, object_id)
        _index_later(kind, object_id)
    if fallback is not None:
        change(fallback)
    pagecache.bump(SEARCH_GENERATION)


def _index_later(kind: str, object_id: str) -> None:
    from core import taskqueue
    from search.tasks import index_object_task

    taskqueue.defer(
        index_object_task,
        [kind, str(object_id)],
        run_after=timezone.now() + RETRY_AFTER,
        reason="The search index did not answer.",
    )


def schedule(kind: str, object_id: str) -> None:
    """Index an object in a task once the current transaction commits."""
    from core import taskqueue
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
    """Rebuild the index (and, behind Elasticsearch, the database fallback after it)."""

    def advance(count: int) -> None:
        # With DEBUG on (the development settings), Django keeps the SQL of the last 9,000
        # queries, here each batch's whole text: 3 to 5 GiB at a million documents.
        reset_queries()
        progress(count)

    count = get_backend().rebuild(all_documents(), progress=advance)
    fallback = fallback_backend()
    if fallback is not None:
        fallback.rebuild(all_documents(), progress=advance)
    pagecache.bump(SEARCH_GENERATION)
    return count


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
        pagecache.bump(SEARCH_GENERATION)
    fixed = len(report.extra)
    for key in [*report.missing, *report.stale]:
        kind, object_id = split_key(key)
        index_object(kind, object_id)
        fixed += 1
    return fixed
