"""What every search backend does. No caller outside ``search`` knows which one answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from search.analysis import ParsedQuery
from search.documents import IndexDocument
from search.results import BackendResults

Progress = Callable[[int], None]


class SearchBackend:
    name = "base"

    def upsert(self, documents: list[IndexDocument]) -> None:
        raise NotImplementedError

    def delete(self, keys: list[str]) -> None:
        raise NotImplementedError

    def search(
        self,
        parsed: ParsedQuery,
        *,
        filters: dict,
        sort: str,
        offset: int,
        limit: int,
    ) -> BackendResults:
        raise NotImplementedError

    def similar(self, *, text: str, kind: str, body_id: int | None, limit: int) -> list[str]:
        """Object ids of the ``kind`` documents most like ``text``, best first."""
        raise NotImplementedError

    def indexed_hashes(self) -> dict[str, str]:
        """key → content hash of everything in the index (for ``search_index --check``)."""
        raise NotImplementedError

    def rebuild(self, documents: Iterable[IndexDocument], *, progress: Progress) -> int:
        """Replace the whole index with ``documents`` while searches go on; returns the count."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError
