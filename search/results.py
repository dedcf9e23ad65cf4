"""What a search returns: plain data, the same whichever backend answered (the REST API will
serialise it as it is). Snippets and ``title_html`` are HTML with the matched words in <mark>;
everything else in them is escaped."""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

FACETS = ("kind", "body", "outcome", "year")
SORTS = ("relevance", "date")
# What a hit shows of a stored document (``search.documents.StoredFields``): the one list both
# backends read back, the database's columns and Elasticsearch's ``_source``.
HIT_FIELDS = ("key", "kind", "object_id", "url", "reference", "title", "date", "body_id", "outcome")


@dataclass
class Hit:
    key: str
    kind: str
    object_id: str
    url: str
    title: str
    title_html: str
    snippets: list[str]
    date: datetime.datetime | None
    body_id: int | None
    outcome: str
    reference: str
    score: float = 0.0
    kind_label: str = ""
    body_name: str = ""
    outcome_label: str = ""


@dataclass
class Suggestion:
    """A published disclosure offered at filing (``search.similar_disclosures``)."""

    title: str
    url: str
    date: object = None  # a date or a datetime
    summary: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: str
    filters: dict
    sort: str
    page: int
    page_size: int
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # True when Elasticsearch did not answer and the database fallback did.
    degraded: bool = False
    # More matched than the backend ranks: relevance ordered the newest this many.
    ranked_within: int | None = None

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    def to_dict(self) -> dict:
        data = asdict(self)
        data["num_pages"] = self.num_pages
        for hit in data["hits"]:
            hit["date"] = hit["date"].isoformat() if hit["date"] else None
        return data


@dataclass
class BackendHit:
    """What a backend finds for one document, before labels are added."""

    key: str
    kind: str
    object_id: str
    url: str
    title: str
    title_html: str
    snippets: list[str]
    date: datetime.datetime | None
    body_id: int | None
    outcome: str
    reference: str
    score: float = 0.0

    @classmethod
    def of_stored(cls, stored: Mapping, *, title_html: str, snippets: list[str], score=0.0):
        """The hit for a document as a backend stored it: ``stored`` has ``HIT_FIELDS`` by name
        (Elasticsearch leaves the empty ones out)."""
        fields = {name: stored.get(name) for name in HIT_FIELDS}
        fields["outcome"] = fields["outcome"] or ""
        fields["reference"] = fields["reference"] or ""
        return cls(**fields, title_html=title_html, snippets=snippets, score=float(score or 0.0))


@dataclass
class BackendResults:
    total: int
    hits: list[BackendHit]
    facets: dict[str, dict[str, int]]
    # Relevance ordered only the newest this many matches (the rest follow by date): a
    # backend's bound on ranking work, None when every match was ranked.
    ranked_within: int | None = None
