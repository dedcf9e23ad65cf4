"""Paging long lists without counting them to the end."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """A paginator that counts at most ``cap`` rows: ``SELECT COUNT(*)`` over a million
    requests costs more than the page itself. Past the cap, ``count`` is the cap and ``capped``
    is true (the page says "more than …"), and pages stop at the cap; filters narrow the list."""

    cap = 10_000

    def __init__(self, *args, cap: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if cap is not None:
            self.cap = cap
        self.capped = False

    @cached_property
    def count(self) -> int:
        found = self.object_list[: self.cap + 1].count()
        self.capped = found > self.cap
        return min(found, self.cap)


def page_links(current: int, total: int, url_for, *, around: int = 1) -> list[dict]:
    """The numbered links of a GOV.UK pagination block: the first and last pages, the current
    one and ``around`` pages either side of it, an ellipsis (``{"ellipsis": True}``) for each
    gap. ``url_for(number)`` gives a page's address. Empty when there is one page."""
    if total <= 1:
        return []
    shown = {1, total, *range(current - around, current + around + 1)}
    items, previous = [], 0
    for number in sorted(n for n in shown if 1 <= n <= total):
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "url": url_for(number), "current": number == current})
        previous = number
    return items


def pagination(request, page) -> dict:
    """What templates/_pagination.html needs for a Django ``Page`` of ``request``'s list: the
    previous and next addresses ("" at the ends), the numbered links and "Page n of m". Every
    other parameter of the query string (the filters) is kept."""
    from django.utils.translation import gettext

    def url_for(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return f"{request.path}?{params.urlencode()}"

    total = page.paginator.num_pages
    return {
        "previous_url": url_for(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url_for(page.next_page_number()) if page.has_next() else "",
        "links": page_links(page.number, total, url_for),
        "position": gettext("Page %(number)s of %(total)s")
        % {"number": page.number, "total": total}
        if total > 1
        else "",
    }
