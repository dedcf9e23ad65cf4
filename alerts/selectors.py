"""Every read on saved searches, and what a saved search finds now.

What a saved search finds comes from ``search.search`` and nothing else: the index holds only
what an anonymous visitor may see (docs/permissions.md's first column), so a digest or a feed
can never carry a private request, a draft or an unpublished page, whoever owns the search."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext as _

import search
from alerts.models import SavedSearch
from core.errors import NotVisible
from core.inputs import parse_int

# Items dated up to this long before the last digest are looked at again (and those already
# sent left out): an answer indexed a little after its date still reaches the next digest.
LOOK_BACK = timedelta(days=3)
PAGE = 50
DIGEST_MAX_ITEMS = 50
FEED_ITEMS = 30


def saved_search_list(*, user):
    if not getattr(user, "is_authenticated", False):
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(user=user).order_by("-created_at", "-pk")


def saved_search_get(*, user, pk) -> SavedSearch:
    """The person's own saved search; anyone else's (or none) is NotVisible (404)."""
    number = parse_int(pk, minimum=1)
    found = saved_search_list(user=user).filter(pk=number).first() if number else None
    if found is None:
        raise NotVisible(_("There is no such saved search."))
    return found


def saved_search_of_feed_token(*, token: str) -> SavedSearch:
    """The saved search whose feed address carries ``token``; an unknown or reset token, or an
    inactive owner's, is NotVisible (404)."""
    token = str(token or "")
    found = None
    if 20 <= len(token) <= 64:
        found = (
            SavedSearch.objects.filter(feed_token=token, user__is_active=True)
            .select_related("user")
            .first()
        )
    if found is None:
        raise NotVisible(_("There is no such feed."))
    return found


def newest_hits(saved_search: SavedSearch, *, limit: int = FEED_ITEMS, user=None):
    """The search's newest results, newest first (the feed)."""
    results = search.search(
        saved_search.query, saved_search.filters, 1, user, sort="date", page_size=limit
    )
    return results


def new_hits(
    saved_search: SavedSearch, *, since: datetime, already: set[str], limit=DIGEST_MAX_ITEMS
) -> tuple[list, bool]:
    """Results dated after ``since`` whose key is not in ``already``, newest first, at most
    ``limit`` (and whether there were more)."""
    found: list = []
    page = 1
    while True:
        results = search.search(
            saved_search.query, saved_search.filters, page, None, sort="date", page_size=PAGE
        )
        for hit in results.hits:
            if hit.date is None or hit.date <= since:
                return found, False
            if hit.key in already:
                continue
            if len(found) == limit:
                return found, True
            found.append(hit)
        if not results.has_next:
            return found, False
        page += 1


def describe(results) -> list[tuple[str, str]]:
    """The filters of a search in words, from the labels the search gave them."""
    described = []
    for name, values in results.facets.items():
        for value in values:
            if value.selected:
                described.append((name, value.label))
    return described
