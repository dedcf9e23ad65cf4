"""The embedded default: full-text search in the project's own database.

PostgreSQL matches a ``tsvector`` (``SearchVector`` over the words and variants columns, config
``simple``, a GIN index) and ranks with ``SearchRank``; SQLite matches an FTS5 table and ranks
with ``bm25``. Both store and query the words that ``search.analysis`` made, so folding,
stemming and prefix matching are the same on both; only the ranking formulas differ.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections, transaction
from django.db.models import F, QuerySet

from search.analysis import QueryWord, index_terms, salient_words
from search.backends.base import Progress, SearchBackend
from search.documents import IndexDocument, StoredFields
from search.highlight import Matcher, fragments, highlight_title, opening
from search.models import SearchDocument
from search.results import HIT_FIELDS, BackendHit, BackendResults

BATCH = 500
SNIPPETS = 2
UPDATE_FIELDS = [
    f.name
    for f in SearchDocument._meta.concrete_fields
    if f.name not in ("id", "key", "rank_vector")  # rank_vector: set by a trigger
]
# What a hit is read from: its stored fields, and the texts its snippets come from.
HIT_COLUMNS = [*HIT_FIELDS, "text", "files_text"]


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using

    @property
    def dialect(self):
        vendor = connections[self.using].vendor
        if vendor == "postgresql":
            from search.backends.postgres import PostgresDialect

            return PostgresDialect()
        if vendor == "sqlite":
            from search.backends.sqlite import SqliteDialect

            return SqliteDialect()
        raise NotImplementedError(f"No full-text search for {vendor}; set ELASTICSEARCH_URL.")

    def objects(self) -> QuerySet[SearchDocument]:
        return SearchDocument.objects.using(self.using)

    # -- writing -------------------------------------------------------------------------------

    def upsert(self, documents: list[IndexDocument]) -> None:
        for start in range(0, len(documents), BATCH):
            rows = [row_for(document) for document in documents[start : start + BATCH]]
            with transaction.atomic(using=self.using):
                self.objects().bulk_create(
                    rows,
                    update_conflicts=True,
                    unique_fields=["key"],
                    update_fields=UPDATE_FIELDS,
                )

    def delete(self, keys: list[str]) -> None:
        if keys:
            self.objects().filter(key__in=list(keys)).delete()

    def clear(self) -> None:
        self.objects().all().delete()

    def rebuild(self, documents: Iterable[IndexDocument], *, progress: Progress) -> int:
        # Upsert everything, then drop what is no longer there: searches go on meanwhile and
        # no long transaction holds the (SQLite) database.
        seen: set[str] = set()
        batch: list[IndexDocument] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= BATCH:
                self.upsert(batch)
                seen.update(d.key for d in batch)
                progress(len(batch))
                batch = []
        if batch:
            self.upsert(batch)
            seen.update(d.key for d in batch)
            progress(len(batch))
        stale = [key for key in self.indexed_hashes() if key not in seen]
        for start in range(0, len(stale), BATCH):
            self.delete(stale[start : start + BATCH])
        self.dialect.optimize(self.using)
        return len(seen)

    def indexed_hashes(self) -> dict[str, str]:
        return dict(self.objects().values_list("key", "content_hash").iterator())

    # -- reading -------------------------------------------------------------------------------

    def search(self, parsed, *, filters, sort, offset, limit) -> BackendResults:
        dialect = self.dialect
        ranked_within = None
        if parsed.is_empty:
            # Browsing: the newest documents (an index), and facets over the filtered table.
            base = filtered(self.objects(), filters)
            total, facets = facet_counts(base, self.using)
            recent = base.order_by(F("date").desc(nulls_last=True), "-id")
            rows = list(recent.only(*HIT_COLUMNS)[offset : offset + limit])
        else:
            base = filtered(dialect.matchable(self.using), filters)
            with dialect.searching(self.using):
                total, facets, ids, ranked_within = dialect.page_and_facets(
                    base, parsed, sort=sort, offset=offset, limit=limit, using=self.using
                )
                found = self.objects().filter(id__in=ids).only(*HIT_COLUMNS).in_bulk()
            rows = [found[pk] for pk in ids if pk in found]
        matcher = Matcher.for_query(parsed)
        return BackendResults(
            total=total,
            hits=[hit_for(row, matcher) for row in rows],
            facets=facets,
            ranked_within=ranked_within,
        )

    def similar(self, *, text, kind, body_id, limit) -> list[str]:
        words = salient_words(text)
        if not words:
            return []
        dialect = self.dialect
        base = dialect.matchable(self.using).filter(kind=kind)
        with dialect.searching(self.using):
            candidates = dialect.similar(base, words, limit=limit * 3, using=self.using)
        # The same body's answers first among equals: a body answers alike what it was asked.
        candidates.sort(key=lambda c: -(c[2] or 0) * (1.5 if body_id and c[1] == body_id else 1))
        return [object_id for object_id, _, _ in candidates[:limit]]


def row_for(document: IndexDocument) -> SearchDocument:
    """The stored fields (``StoredFields``, as Elasticsearch has them), the provider's extra,
    and the words and variants each of title, text and files is matched by."""
    fields = StoredFields.of(document)
    analysed = {}
    matched = {"title": fields.title, "text": fields.text, "files": fields.files_text}
    for name, value in matched.items():
        terms = index_terms(value)
        analysed[f"{name}_words"] = terms.words
        analysed[f"{name}_variants"] = terms.variants
    return SearchDocument(**fields.as_dict(), extra=document.extra, **analysed)


def filtered(qs: QuerySet, filters: dict) -> QuerySet:
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("body"):
        qs = qs.filter(body_id=filters["body"])
    if filters.get("outcome"):
        qs = qs.filter(outcome=filters["outcome"])
    if filters.get("year"):
        qs = qs.filter(year=filters["year"])
    return qs


FACETS = (
    ("kind", "kind"),
    ("body", "CAST(body_id AS TEXT)"),
    ("outcome", "outcome"),
    ("year", "CAST(year AS TEXT)"),
)
# One facet's counts: a few hundred rows at most, where grouping by every (kind, body, outcome,
# year) at once returned tens of thousands of combinations for a common word.
FACET_SQL = "SELECT '{name}', {column}, COUNT(*) FROM {source} GROUP BY 2"
# One pass over the matches (one full-text lookup, one ranking): the page's ids in order (the
# best offset + limit only, not a sort of every match), and each facet's counts.
PAGE_AND_FACETS_SQL = """
WITH m AS MATERIALIZED ({scored})
SELECT 'hit', CAST(id AS TEXT), ROW_NUMBER() OVER (ORDER BY {order}) FROM (
    SELECT id, score, "date" FROM m ORDER BY {order} LIMIT %s OFFSET %s
) AS page
UNION ALL {facets}
"""


def _facets_sql(source: str) -> str:
    return " UNION ALL ".join(
        FACET_SQL.format(name=name, column=column, source=source) for name, column in FACETS
    )


def empty_facets() -> dict[str, dict[str, int]]:
    return {name: {} for name, _ in FACETS}


def _add_count(facets: dict, name: str, value, count: int) -> None:
    if value not in (None, ""):
        facets[name][value] = facets[name].get(value, 0) + count


def add_counts(facets: dict, values, count: int) -> None:
    """``values``: one per facet, in FACETS' order; None or empty where not counted."""
    for (name, _), value in zip(FACETS, values, strict=True):
        _add_count(facets, name, value, count)


# Browsing: every document of the filters, counted by one pass over an index (searchdoc_facets)
# into each combination of the four, summed here.
COMBINATIONS_SQL = (
    "SELECT kind, CAST(body_id AS TEXT), outcome, CAST(year AS TEXT), COUNT(*) "
    "FROM ({matched}) AS m GROUP BY 1, 2, 3, 4"
)


def facet_counts(matched: QuerySet, using: str) -> tuple[int, dict[str, dict[str, int]]]:
    sql, params = (
        matched.order_by().values("kind", "body_id", "outcome", "year").query.sql_with_params()
    )
    facets = empty_facets()
    with connections[using].cursor() as cursor:
        cursor.execute(COMBINATIONS_SQL.format(matched=sql), params)
        for *values, count in cursor.fetchall():
            add_counts(facets, values, count)
    return sum(facets["kind"].values()), facets


ORDER_BY_SCORE = 'score DESC, "date" DESC NULLS LAST, id DESC'
ORDER_BY_DATE = '"date" DESC NULLS LAST, id DESC'
SCORED_COLUMNS = ("id", "kind", "body_id", "outcome", "year", "date", "score")


def facets_and_page(scored, order: str, offset: int, limit: int, using: str):
    """``scored``: SQL and parameters selecting SCORED_COLUMNS for every match."""
    sql, params = scored
    facets = empty_facets()
    page: list[tuple[int, int]] = []
    with connections[using].cursor() as cursor:
        cursor.execute(
            PAGE_AND_FACETS_SQL.format(scored=sql, order=order, facets=_facets_sql("m")),
            (*params, limit, offset),
        )
        for tag, value, count in cursor.fetchall():
            if tag == "hit":
                page.append((count, int(value)))
            else:
                _add_count(facets, tag, value, count)
    ids = [pk for _, pk in sorted(page)]
    return sum(facets["kind"].values()), facets, ids


def hit_for(row: SearchDocument, matcher: Matcher) -> BackendHit:
    snippets = fragments(row.text, matcher, limit=SNIPPETS)
    if len(snippets) < SNIPPETS:
        snippets += fragments(row.files_text, matcher, limit=SNIPPETS - len(snippets))
    if not snippets and row.text:
        snippets = [opening(row.text)]
    return BackendHit.of_stored(
        {name: getattr(row, name) for name in HIT_FIELDS},
        title_html=highlight_title(row.title, matcher),
        snippets=snippets,
        score=getattr(row, "score", 0.0),
    )


def word_alternatives(word: QueryWord, *, quote: str, prefix_mark: str, with_prefix=True):
    """A query word's forms, each quoted for the database's query language."""
    alternatives = [f"{quote}{form}{quote}" for form in word.forms]
    if with_prefix and word.prefix:
        alternatives.append(f"{quote}{word.prefix}{quote}{prefix_mark}")
    return alternatives
