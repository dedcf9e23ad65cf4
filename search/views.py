"""The public search page. Thin: parse the query string, ask ``search.search``, render."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core import pagecache
from core.errors import InvalidInput
from core.paging import page_links
from search import search as run_search
from search.api import SearchUnavailable
from search.indexing import SEARCH_GENERATION
from search.results import FACETS

FACET_LABELS = {
    "kind": _("Kind"),
    "body": _("Public body"),
    "outcome": _("Outcome"),
    "year": _("Year answered or published"),
}
SORT_LABELS = {"relevance": _("Relevance"), "date": _("Newest first")}


def search_generations(**kwargs):
    """The anonymous page cache's generations of the search page (core/pagecache.py): the
    index's (bumped by every write to it, search/indexing.py) and the site's (the bodies'
    names in the facets)."""
    return ("site", SEARCH_GENERATION)


@pagecache.public_page(depends_on=search_generations, params=("q", "sort", "page", *FACETS))
def search_page(request):
    params = request.GET
    query = params.get("q", "")
    filters = {name: params.get(name, "") for name in FACETS}
    sort = params.get("sort") or "relevance"
    context = {
        "query": query,
        "sort": sort,
        "sorts": SORT_LABELS.items(),
        "active_filters": [],
        "hidden_filters": [(name, value) for name, value in filters.items() if value],
        "file_request_url": file_request_url(),
        "results": None,
        "error": "",
    }
    status = 200
    try:
        results = run_search(query, filters, params.get("page", 1), request.user, sort=sort)
    except InvalidInput as error:
        context["error"], status = str(error), 400
    except SearchUnavailable as error:
        context["error"], status = str(error), 503
    else:
        context["results"] = results
        context["facet_groups"] = facet_groups(request, results)
        context["active_filters"] = [
            {
                "label": FACET_LABELS[name],
                "value": value.label,
                "url": url_with(request, **{name: None}),
            }
            for name, values in results.facets.items()
            for value in values
            if value.selected
        ]
        context["first_number"] = (results.page - 1) * results.page_size + 1
        context["previous_url"] = (
            url_with(request, page=results.page - 1) if results.has_previous else ""
        )
        context["next_url"] = url_with(request, page=results.page + 1) if results.has_next else ""
        context["page_links"] = page_links(
            results.page, results.num_pages, lambda number: url_with(request, page=number)
        )
    return render(request, "search/search.html", context, status=status)


def facet_groups(request, results) -> list[dict]:
    groups = []
    for name in FACETS:
        values = results.facets.get(name, [])
        if not values:
            continue
        groups.append(
            {
                "name": name,
                "label": FACET_LABELS[name],
                "values": [
                    {
                        "label": value.label,
                        "count": value.count,
                        "selected": value.selected,
                        "url": url_with(request, **{name: None if value.selected else value.value}),
                    }
                    for value in values
                ],
            }
        )
    return groups


def url_with(request, **changes) -> str:
    """This page's URL with some parameters changed (None removes one). A new filter or sort
    starts again at page 1."""
    params = request.GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    encoded = params.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def file_request_url() -> str:
    """Where to file a new request (the citizen portal's wizard), or the request list."""
    name = getattr(settings, "SEARCH_FILE_REQUEST_URL_NAME", "") or "foi:filing_start"
    try:
        return reverse(name)
    except NoReverseMatch:
        return reverse("foi:request_list")
