""" "Asked N times": a body's answered public requests that ask alike, grouped, so an editor
can publish the information once, unasked, under the law's disclosure category that fits.

Likeness comes from the one similarity search (``search.similar_requests``, the filing
wizard's); two requests are in one cluster when either finds the other, and clusters join
through shared members. The category is a guess from shared words, which the editor may change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core import textfold
from foi import selectors as foi_selectors
from foi.models import State

from .models import DisclosureCategory

RECENT = 60  # the body's latest answered requests looked at (one similarity search each)
NEIGHBOURS = 8


@dataclass
class Cluster:
    requests: list = field(default_factory=list)
    category: DisclosureCategory | None = None

    @property
    def size(self) -> int:
        return len(self.requests)


def _stems(text: str) -> set[str]:
    return {word[:5] for word in textfold.words(text or "") if len(word) >= 4}


def guess_category(texts: list[str], categories: list[DisclosureCategory]):
    """The category whose names (az, en, ru) share most words with ``texts``; None on no
    overlap or a tie, for the editor to choose."""
    wanted = set().union(*(_stems(text) for text in texts)) if texts else set()
    scored = sorted(
        (
            (len(wanted & _stems(f"{c.name_az} {c.name_en} {c.name_ru}")), c.sort_order, c)
            for c in categories
        ),
        key=lambda item: (-item[0], item[1]),
    )
    if not scored or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][2]


def answered_requests_of(*, body, limit: int = RECENT) -> list:
    return list(
        foi_selectors.foi_request_public_qs()
        .filter(body=body, state=State.ANSWERED)
        .select_related("body")
        .order_by("-answered_at", "-pk")[:limit]
    )


def clusters_of(*, body, min_size: int = 2) -> list[Cluster]:
    """The body's clusters of at least ``min_size`` alike answered public requests, biggest
    first, each with its guessed category."""
    from search import similar_requests

    candidates = answered_requests_of(body=body)
    by_pk = {foi_request.pk: foi_request for foi_request in candidates}
    parent = {pk: pk for pk in by_pk}

    def root(pk):
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for foi_request in candidates:
        found = similar_requests(
            text=f"{foi_request.subject}\n{foi_request.text[:2000]}",
            body=body,
            limit=NEIGHBOURS,
        )
        for other in found:
            if other.pk in by_pk and other.pk != foi_request.pk:
                parent[root(other.pk)] = root(foi_request.pk)

    groups: dict[int, list] = {}
    for foi_request in candidates:
        groups.setdefault(root(foi_request.pk), []).append(foi_request)
    categories = list(DisclosureCategory.objects.filter(law_id=body.law_id))
    clusters = [
        Cluster(
            requests=members,
            category=guess_category([f"{r.subject} {r.text}" for r in members], categories),
        )
        for members in groups.values()
        if len(members) >= min_size
    ]
    clusters.sort(key=lambda cluster: -cluster.size)
    return clusters
