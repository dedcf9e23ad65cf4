"""The backend that answers: Elasticsearch when ``ELASTICSEARCH_URL`` names a cluster, the
database otherwise. ``SEARCH_BACKEND`` ("database" or "elasticsearch") overrides the choice.

With Elasticsearch, the database backend is kept as a fallback (``SEARCH_DATABASE_FALLBACK``,
on by default): every write goes to both, and when the cluster does not answer a search, the
database answers it and the page says so."""

from __future__ import annotations

from functools import cache

from django.conf import settings

from search.backends.base import SearchBackend


def backend_name() -> str:
    chosen = getattr(settings, "SEARCH_BACKEND", "") or ""
    if chosen:
        return chosen
    return "elasticsearch" if getattr(settings, "ELASTICSEARCH_URL", "") else "database"


@cache
def _backend(name: str, url: str) -> SearchBackend:
    if name == "elasticsearch":
        from search.backends.elastic import ElasticsearchBackend

        return ElasticsearchBackend(url=url)
    if name == "database":
        from search.backends.database import DatabaseBackend

        return DatabaseBackend()
    raise ValueError(f"Unknown search backend {name!r}: use 'database' or 'elasticsearch'.")


def get_backend() -> SearchBackend:
    return _backend(backend_name(), getattr(settings, "ELASTICSEARCH_URL", ""))


def fallback_backend() -> SearchBackend | None:
    """The database backend when Elasticsearch answers normally; None otherwise."""
    if backend_name() != "elasticsearch":
        return None
    if not getattr(settings, "SEARCH_DATABASE_FALLBACK", True):
        return None
    return _backend("database", "")
