"""SQLite: an FTS5 table over the analysed words (kept in step by triggers), ranked by bm25.

What SQLite cannot do as PostgreSQL does: its ranking is bm25 rather than ts_rank (so equal
results may come in a different order), and a phrase only matches within one column.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from search.analysis import ParsedQuery, QueryWord
from search.backends.database import SCORED_COLUMNS, word_alternatives

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
    def after_write(self, objects: QuerySet, keys: list[str]) -> None:
        """Nothing to do: the triggers of migration 0002 keep search_fts in step."""

    def match(self, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
        matching = RawSQL(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [fts_query(parsed)]
        )
        return qs.filter(pk__in=matching)

    def ranked(self, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
        return self._ranked(qs, fts_query(parsed))

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

    def ranked_any(self, qs: QuerySet, words: list[QueryWord]) -> QuerySet:
        return self._ranked(qs, fts_query_any(words))

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
