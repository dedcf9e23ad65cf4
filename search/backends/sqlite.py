"""SQLite: an FTS5 table over the analysed words (kept in step by triggers), ranked by bm25.

What SQLite cannot do as PostgreSQL does: its ranking is bm25 rather than ts_rank (so equal
results may come in a different order), and a phrase only matches within one column.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connections
from django.db.models import QuerySet

from search.analysis import ParsedQuery, QueryWord
from search.backends.database import (
    ORDER_BY_DATE,
    ORDER_BY_SCORE,
    SCORED_COLUMNS,
    facets_and_page,
    word_alternatives,
)
from search.models import SearchDocument

# bm25 weights, in the FTS5 table's column order (migration 0002).
BM25 = "bm25(search_fts, 10.0, 5.0, 4.0, 2.0, 1.5, 0.75)"
PHRASE_COLUMNS = "{title_words text_words files_words}"


def _word(word: QueryWord, with_prefix=True) -> str:
    alternatives = word_alternatives(word, quote='"', prefix_mark="*", with_prefix=with_prefix)
    return "(" + " OR ".join(alternatives) + ")"


def fts_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression. Words hold only letters and digits, so quoting is safe."""
    parts = [_word(word) for word in parsed.words]
    for phrase in parsed.phrases:
        parts.append(f'{PHRASE_COLUMNS} : "' + " ".join(w.folded for w in phrase) + '"')
    expression = " AND ".join(parts)
    if parsed.excluded:
        excluded = " OR ".join(_word(word, with_prefix=False) for word in parsed.excluded)
        expression = f"({expression}) NOT ({excluded})"
    return expression


def fts_query_any(words: list[QueryWord]) -> str:
    return " OR ".join(_word(word) for word in words)


class SqliteDialect:
    def matchable(self, using: str) -> QuerySet:
        return SearchDocument.objects.using(using)

    def page_and_facets(self, qs, parsed: ParsedQuery, *, sort, offset, limit, using):
        """The page's ids in order, the facet counts and the total; every match is ranked
        (FTS5 computes bm25 as it matches), so ``ranked_within`` is None."""
        order = ORDER_BY_DATE if sort == "date" else ORDER_BY_SCORE
        total, facets, ids = facets_and_page(
            self.scored_sql(qs, parsed), order, offset, limit, using
        )
        return total, facets, ids, None

    def similar(self, qs: QuerySet, words: list[QueryWord], *, limit: int, using: str):
        ranked = self._ranked(qs, fts_query_any(words))
        return list(ranked.values_list("object_id", "body_id", "score")[:limit])

    def scored_sql(self, qs: QuerySet, parsed: ParsedQuery):
        """The matches with their scores. The full-text query runs once, first, into a
        materialised table: joined directly, SQLite may walk an index of a filter (year, body)
        and run the MATCH again for every row, which takes seconds instead of milliseconds."""
        columns = [c for c in SCORED_COLUMNS if c != "score"]
        base_sql, base_params = qs.order_by().values(*columns).query.sql_with_params()
        sql = (
            "WITH f AS MATERIALIZED (SELECT rowid AS fts_id, -" + BM25 + " AS score "
            "FROM search_fts WHERE search_fts MATCH %s) "
            'SELECT d.id, d.kind, d.body_id, d.outcome, d.year, d."date", f.score '
            f"FROM f JOIN ({base_sql}) AS d ON d.id = f.fts_id"
        )
        return sql, (fts_query(parsed), *base_params)

    def _ranked(self, qs: QuerySet, expression: str) -> QuerySet:
        table = qs.model._meta.db_table
        return qs.extra(
            tables=["search_fts"],
            where=[f"search_fts.rowid = {table}.id", "search_fts MATCH %s"],
            params=[expression],
            select={"score": f"-{BM25}"},
            order_by=["-score", "-date", "-id"],
        )

    @contextmanager
    def searching(self, using: str):
        yield

    def optimize(self, using: str) -> None:
        with connections[using].cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
