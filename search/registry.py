"""Kinds of public documents and where they come from.

A provider knows one kind (``request``, ``disclosure``, ...): it lists every public document of
that kind, builds one on demand, and tells the index when one changes by listening to its own
signals. Apps plug in with ``search.registry.register(provider)`` in their ``ready()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from search.documents import IndexDocument

OnChange = Callable[[str, str], None]
"""``on_change(kind, object_id)``: schedule this object to be indexed again (or removed)."""


class Provider(Protocol):
    kind: str
    label: str  # shown as the "kind" facet's value, translatable

    def count(self) -> int:
        """How many documents ``iter_documents`` will yield (for progress)."""

    def iter_documents(self) -> Iterator[IndexDocument]:
        """Every document of this kind the public may find, built in batches."""

    def document_for(self, object_id: str) -> IndexDocument | None:
        """The document for one object, or None if it must not be in the index."""

    def connect(self, on_change: OnChange, on_remove: OnChange) -> None:
        """Listen to this kind's own signals. ``on_change`` schedules indexing in a task after
        commit; ``on_remove`` takes a document out of the index at once (after commit)."""


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> Provider:
    _providers[provider.kind] = provider
    return provider


def get(kind: str) -> Provider | None:
    return _providers.get(kind)


def providers() -> list[Provider]:
    return list(_providers.values())


def kinds() -> list[str]:
    return list(_providers)
