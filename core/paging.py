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
