"""The one search interface (docs/design.md, Search). Pages, the filing wizard and the REST API call
these; none of them knows which backend answers.

The index holds only what an anonymous visitor may see, so every person gets the same results;
``user`` is taken so that callers need not change if that ever differs.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from core.errors import InvalidInput, ServiceError
from core.inputs import parse_int
from foi.selectors import search as foi_reads
from foi.selectors.search import FOIRequest
from search import registry
from search.analysis import parse_query
from search.backends import fallback_backend, get_backend
from search.results import FACETS, SORTS, FacetValue, Hit, SearchResults, Suggestion

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_PAGE = 500  # deep pages are for crawlers; people refine the query instead
MAX_BODY_FACETS = 15


class SearchUnavailable(ServiceError):
    """The search backend did not answer (HTTP 503)."""

    status = 503


def search(
    query: str = "",
    filters: dict | None = None,
    page: int | str = 1,
    user=None,
    *,
    sort: str = "relevance",
    page_size: int = PAGE_SIZE,
) -> SearchResults:
    """Hits (with highlighted snippets), the total and the facets for one page of results.

    ``filters``: ``kind`` (a registered kind), ``body`` (a body's id), ``outcome`` and ``year``;
    empty values are ignored. InvalidInput for a value that cannot be; SearchUnavailable when
    the backend fails.
    """
    clean = clean_filters(filters or {})
    if sort not in SORTS:
        raise InvalidInput(_("Sort by relevance or by date."))
    page = clean_page(page)
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    parsed = parse_query(query)
    degraded = False
    try:
        found, page = _search_page(get_backend(), parsed, clean, sort, page, page_size)
    except Exception as error:
        fallback = fallback_backend()
        if fallback is None:
            logger.exception("Search failed for %r", query)
            raise SearchUnavailable(
                _("Search is not available right now; try again soon.")
            ) from error
        logger.warning("Elasticsearch failed for %r; the database answered", query)
        try:
            found, page = _search_page(fallback, parsed, clean, sort, page, page_size)
        except Exception as fallback_error:
            logger.exception("The search fallback failed too for %r", query)
            raise SearchUnavailable(
                _("Search is not available right now; try again soon.")
            ) from fallback_error
        degraded = True
    return _label(
        SearchResults(
            query=parsed.text,
            filters=clean,
            sort=sort,
            page=page,
            page_size=page_size,
            total=found.total,
            hits=[Hit(**vars(hit)) for hit in found.hits],
            facets={},
            degraded=degraded,
            ranked_within=found.ranked_within,
        ),
        found.facets,
    )


def _search_page(backend, parsed, clean, sort, page, page_size):
    found = backend.search(
        parsed, filters=clean, sort=sort, offset=(page - 1) * page_size, limit=page_size
    )
    last_page = max(1, -(-found.total // page_size))
    if page > last_page:
        page = last_page
        found = backend.search(
            parsed, filters=clean, sort=sort, offset=(page - 1) * page_size, limit=page_size
        )
    return found, page


def clean_filters(filters) -> dict:
    get = filters.get
    clean = {}
    kind = str(get("kind") or "").strip()
    if kind:
        if kind not in registry.kinds():
            message = _("There is nothing of the kind %(kind)s to search.")
            raise InvalidInput(message % {"kind": kind[:20]})
        clean["kind"] = kind
    for name in ("body", "year"):
        value = get(name)
        if value in (None, ""):
            continue
        if name == "year":
            number = parse_int(value, minimum=1900, maximum=2200)
        else:
            number = parse_int(value, minimum=1)
        if number is None:
            raise InvalidInput(
                _("%(value)s is not a valid %(name)s.")
                % {"value": str(value)[:20], "name": _("body") if name == "body" else _("year")}
            )
        clean[name] = number
    outcome = get("outcome")
    if outcome:
        if outcome not in foi_reads.outcome_labels():
            message = _("There is no outcome called %(value)s.")
            raise InvalidInput(message % {"value": str(outcome)[:20]})
        clean["outcome"] = outcome
    return clean


def clean_page(page) -> int:
    number = parse_int(page or 1, minimum=1) or 1
    return min(number, MAX_PAGE)


def _shown_bodies(counts: dict[str, int], selected) -> set[int]:
    """The bodies whose names the body facet can show: the MAX_BODY_FACETS most frequent
    (with every body tied with the last of them, since ties are ordered by name) and the
    selected one. A common word matches in all 300 bodies; naming only these keeps loading
    300 bodies out of every search."""
    ordered = sorted(counts.values(), reverse=True)
    least = ordered[MAX_BODY_FACETS - 1] if len(ordered) >= MAX_BODY_FACETS else 0
    shown = {int(value) for value, count in counts.items() if count >= least}
    if selected:
        shown.add(int(selected))
    return shown


def _label(results: SearchResults, counts: dict[str, dict[str, int]]) -> SearchResults:
    """Add the names people read: kinds, bodies (in the current language) and outcomes."""
    body_ids = _shown_bodies(counts.get("body", {}), results.filters.get("body")) | {
        hit.body_id for hit in results.hits if hit.body_id
    }
    bodies = foi_reads.body_names(body_ids)
    kinds = {provider.kind: str(provider.label) for provider in registry.providers()}
    outcomes = foi_reads.outcome_labels()
    for hit in results.hits:
        hit.kind_label = kinds.get(hit.kind, hit.kind)
        hit.body_name = bodies.get(hit.body_id, "") if hit.body_id else ""
        hit.outcome_label = str(outcomes.get(hit.outcome, "")) if hit.outcome else ""

    labels = {
        "kind": lambda v: kinds.get(v, v),
        "body": lambda v: bodies.get(int(v), v),
        "outcome": lambda v: str(outcomes.get(v, v)),
        "year": lambda v: v,
    }
    facets = {}
    for facet in FACETS:
        selected = str(results.filters.get(facet, ""))
        values = [
            FacetValue(value, labels[facet](value), count, selected=value == selected)
            for value, count in counts.get(facet, {}).items()
        ]
        if facet == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        if facet == "body" and len(values) > MAX_BODY_FACETS:
            values = values[:MAX_BODY_FACETS] + [v for v in values[MAX_BODY_FACETS:] if v.selected]
        facets[facet] = values
    results.facets = facets
    return results


def similar_requests(*, text: str, body=None, limit: int = 5) -> list[FOIRequest]:
    """Answered public requests most like ``text`` (more-like-this on Elasticsearch, ranked full
    text on the database), the given body's first among equals. Never raises: the filing
    wizard must work even when search does not."""
    if not (text or "").strip() or limit <= 0:
        return []
    body_id = getattr(body, "pk", body)
    ids = None
    for choose in (get_backend, fallback_backend):
        try:
            backend = choose()
            if backend is None:
                continue
            ids = backend.similar(text=text, kind="request", body_id=body_id, limit=limit)
            break
        except Exception:
            logger.exception("Similar requests could not be found")
    if ids is None:
        return []
    found = foi_reads.public_requests_by_id(int(i) for i in ids)
    return [found[int(i)] for i in ids if int(i) in found][:limit]


def similar_disclosures(*, text: str, body=None, limit: int = 3) -> list[Suggestion]:
    """Published disclosures most like ``text`` (pages of kind "disclosure" whose class sets
    ``suggested_at_filing``: proactive disclosures, not the log of answers that similar
    requests already show), the given body's first among equals. Each is read back from the
    live, public pages, so one unpublished or made private since it was indexed is never
    offered. Never raises."""
    if not (text or "").strip() or limit <= 0:
        return []
    provider = registry.get("disclosure")
    if provider is None or not hasattr(provider, "public_pages"):
        return []
    body_id = getattr(body, "pk", body)
    try:
        ids = None
        for choose in (get_backend, fallback_backend):
            try:
                backend = choose()
                if backend is None:
                    continue
                # Ask for more than shown: the log's pages share the kind and are left out.
                ids = backend.similar(
                    text=text, kind="disclosure", body_id=body_id, limit=limit * 4
                )
                break
            except Exception:
                logger.exception("Similar disclosures could not be found")
        if not ids:
            return []
        pages = provider.public_pages(ids, flag="suggested_at_filing")
    except Exception:
        logger.exception("Similar disclosures could not be read")
        return []
    found = []
    for object_id in ids:
        page = pages.get(str(object_id))
        if page is not None:
            found.append(
                Suggestion(
                    title=page.title,
                    url=page.get_url() or page.url_path,
                    date=getattr(page, "publication_date", None) or page.first_published_at,
                    summary=getattr(page, "summary", "") or page.search_description or "",
                )
            )
    return found[:limit]


def health() -> tuple[str, bool]:
    """``search.health``: the backend's name and whether it answers now."""
    from search.backends import backend_name, get_backend
    from search.models import SearchDocument

    name = backend_name()
    try:
        if name == "elasticsearch":
            return name, bool(get_backend().client.ping())
        SearchDocument.objects.values_list("pk", flat=True).first()
        return name, True
    except Exception:
        return name, False
