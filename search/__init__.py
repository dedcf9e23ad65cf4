"""One search interface over answered requests and disclosures.

Search's public interface, the only modules of ``search`` another app may import
(docs/architecture.md, "Search"; CI's import contract holds the other apps to it):

- ``search`` (this module): ``search(query, filters, page, user)`` returns plain data
  (``search.results``); ``similar_requests(text=, body=, limit=)`` and
  ``similar_disclosures(...)`` serve the filing wizard (``FOI_SIMILAR_REQUESTS_FINDER``,
  ``FOI_SIMILAR_DISCLOSURES_FINDER``).
- ``search.results``: what they return (``SearchResults``, ``Hit``, ``FacetValue``,
  ``Suggestion``).
- ``search.registry`` and ``search.documents``: how another source joins the index, by
  registering a provider that builds ``IndexDocument``s (Wagtail pages need neither: they
  declare ``search_kind``, see ``search/providers/pages.py``).
- ``search.urls``: the /search/ page, for the project's URLconf.

Everything else (backends, analysis, indexing, extraction, providers, tasks, the views and the
``search_index`` command) is the app's own. Backends: Elasticsearch (``ELASTICSEARCH_URL``) or
the database (PostgreSQL full text, SQLite FTS5). Documents come from providers registered in
``search.registry`` and are kept current on commit.

The functions import ``search.api`` when called, not here: this package is imported while Django
loads its apps, before any model may be.
"""


def search(query="", filters=None, page=1, user=None, **options):
    """Hits (with highlighted snippets), the total and the facets for one page of results.
    ``filters``: ``kind``, ``body`` (an id), ``outcome``, ``year``; ``options``: ``sort``
    ("relevance" or "date"), ``page_size``. Raises InvalidInput (400) for a filter that cannot
    be, and ``SearchUnavailable`` (a ServiceError, 503) when no backend answers."""
    from search.api import search as run

    return run(query, filters, page, user, **options)


def similar_requests(*, text: str, body=None, limit: int = 5) -> list:
    """Answered public requests most like ``text``, ``body``'s first among equals. Never
    raises: the filing wizard works even when search does not."""
    from search.api import similar_requests as find

    return find(text=text, body=body, limit=limit)


def similar_disclosures(*, text: str, body=None, limit: int = 3) -> list:
    """Published proactive disclosures most like ``text`` (``search.results.Suggestion``),
    ``body``'s first among equals. Never raises: the filing wizard works even when search
    does not."""
    from search.api import similar_disclosures as find

    return find(text=text, body=body, limit=limit)


def health() -> tuple[str, bool]:
    """Which backend answers searches, and whether it answers now: the cheapest question it
    can be asked (the cluster's ping; one indexed row's id). For ``/readyz``."""
    from search.api import health as check

    return check()
