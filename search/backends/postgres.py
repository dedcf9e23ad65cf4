"""PostgreSQL: a GIN index over each document's words in a narrow table, ``ts_rank`` to rank.

The words are matched in ``search_searchmatch`` (``SearchMatch``): one ~100-byte row per
document, its vector out of line, so a common word's tens of thousands of matches are counted,
facetted and ordered by date from a few thousand blocks. Ranking reads the document's own
``rank_vector`` (its title and the opening of its text), one row per ranked match: for the
``settings.SEARCH_RANK_CANDIDATES`` newest matches, all of them when fewer match. Triggers
(migration 0003) write both vectors with the document's row.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.db import connections, transaction
from django.db.models import QuerySet

from search.analysis import ParsedQuery, QueryWord
from search.backends.database import (
    ORDER_BY_DATE,
    ORDER_BY_SCORE,
    add_counts,
    empty_facets,
    word_alternatives,
)
from search.models import SearchMatch

# Title (A) above text (B) above files (C): the weights ts_rank gives to D, C, B, A.
WEIGHTS = "{0.05,0.2,0.4,1.0}"
CONFIG = "simple"  # the words are already folded and stemmed by search.analysis


def rank_candidates() -> int:
    """When more documents match, relevance orders the newest this many (the rest follow,
    newest first) and the page says so: ranking reads one wide row per ranked match, which at
    a million documents is most of a common word's time."""
    return max(0, int(settings.SEARCH_RANK_CANDIDATES))


SEARCH_SETTINGS = {"enable_seqscan": "off", "jit": "off", "work_mem": "64MB"}


def _word(word: QueryWord, with_prefix=True) -> str:
    alternatives = word_alternatives(word, quote="'", prefix_mark=":*", with_prefix=with_prefix)
    return "(" + " | ".join(alternatives) + ")"


def tsquery(parsed: ParsedQuery) -> str:
    """The raw tsquery for a parsed query. Words hold only letters and digits (analysis.WORD),
    so quoting them is safe."""
    parts = [_word(word) for word in parsed.words]
    for phrase in parsed.phrases:
        parts.append("(" + " <-> ".join(f"'{word.folded}'" for word in phrase) + ")")
    parts += [f"!{_word(word, with_prefix=False)}" for word in parsed.excluded]
    return " & ".join(parts)


def tsquery_any(words: list[QueryWord]) -> str:
    return " | ".join(_word(word) for word in words)


def _query(raw: str) -> SearchQuery:
    return SearchQuery(raw, search_type="raw", config=CONFIG)


def _matched_sql(qs: QuerySet, raw: str, columns=("id", "kind", "body_id", "outcome", "year")):
    matched = qs.filter(search_vector=_query(raw)).order_by().values(*columns, "date")
    return matched.query.sql_with_params()


RANKED_SQL = (
    "SELECT c.id, c.date, ts_rank(%s::float4[], d.rank_vector, to_tsquery('simple', %s)) "
    "AS score FROM c JOIN search_searchdocument AS d ON d.id = c.id"
)
# The matches (f), the newest rank_candidates() of them (c) and their scores (r); then the page
# (ranked positions first, dated positions after them) and the facets, from one full-text lookup.
# The facets count each combination of the four first (g: one hash lookup per match, a few
# thousand combinations for a common word), then sum those per facet: grouping every match into
# four sets at once took a third longer. g also gives the matches per year, which bounds the
# newest N before they are sorted (t): they all lie at or after the latest year whose matches,
# with the later years', reach N. Years are read in each document's own time zone, so the bound
# is a day before that year begins in UTC (no zone is a day off it). With 50,694 matches over
# five years, the top-N sort then reads a sixth of them (~15 → 2 ms). No such year (fewer dated
# matches than N): no bound, and undated matches sort last.
PAGE_SQL = """
WITH f AS MATERIALIZED ({matched}),
g AS MATERIALIZED (
    SELECT kind, body_id, outcome, year, COUNT(*) AS n FROM f GROUP BY kind, body_id, outcome, year
),
t AS (
    SELECT make_timestamptz(CAST(MAX(year) AS INTEGER), 1, 1, 0, 0, 0, 'UTC') - INTERVAL '1 day'
    AS since FROM (
        SELECT year, SUM(SUM(n)) OVER (ORDER BY year DESC) AS newer
        FROM g WHERE year IS NOT NULL GROUP BY year
    ) AS years WHERE newer >= %s
),
c AS (
    SELECT id, "date" FROM f WHERE (SELECT since FROM t) IS NULL OR "date" >= (SELECT since FROM t)
    ORDER BY {by_date} LIMIT %s
),
r AS ({ranked})
{pages}
UNION ALL SELECT 'facet', kind, CAST(body_id AS TEXT), outcome, CAST(year AS TEXT),
CAST(SUM(n) AS BIGINT) FROM g GROUP BY GROUPING SETS ((kind), (body_id), (outcome), (year))
"""
RANKED_PAGE = """SELECT 'hit', CAST(id AS TEXT), NULL, NULL, NULL, %s + ROW_NUMBER() OVER
(ORDER BY {by_score}) FROM (SELECT id, score, "date" FROM r ORDER BY {by_score} LIMIT %s OFFSET %s)
AS ranked"""
DATED_PAGE = """SELECT 'hit', CAST(id AS TEXT), NULL, NULL, NULL, %s + ROW_NUMBER() OVER
(ORDER BY {by_date}) FROM (SELECT id, "date" FROM f ORDER BY {by_date} LIMIT %s OFFSET %s)
AS dated"""


class PostgresDialect:
    def matchable(self, using: str) -> QuerySet:
        return SearchMatch.objects.using(using)

    def page_and_facets(self, qs, parsed: ParsedQuery, *, sort, offset, limit, using):
        """The page's ids in order, the facet counts and the total, in one query. Relevance
        ranks at most rank_candidates() matches, the newest; ``ranked_within`` is that number
        when more matched (None when every match was ranked, or the order is by date)."""
        raw = tsquery(parsed)
        matched, params = _matched_sql(qs, raw)
        ranking = rank_candidates() if sort == "relevance" else 0
        pages, page_params = [], []
        if offset < ranking:  # positions among the ranked newest
            pages.append(RANKED_PAGE.format(by_score=ORDER_BY_SCORE))
            page_params += [offset, min(limit, ranking - offset), offset]
        start = max(offset, ranking)
        if offset + limit > start:  # positions after them, by date
            pages.append(DATED_PAGE.format(by_date=ORDER_BY_DATE))
            page_params += [start, offset + limit - start, start]
        sql = PAGE_SQL.format(
            matched=matched,
            by_date=ORDER_BY_DATE,
            ranked=RANKED_SQL,
            pages=" UNION ALL ".join(pages),
        )
        facets = empty_facets()
        page = []
        with connections[using].cursor() as cursor:
            cursor.execute(sql, (*params, ranking, ranking, WEIGHTS, raw, *page_params))
            for tag, *row in cursor.fetchall():
                if tag == "hit":
                    page.append((row[4], int(row[0])))
                else:
                    add_counts(facets, row[:4], row[4])
        total = sum(facets["kind"].values())
        ranked_within = ranking if ranking and total > ranking else None
        return total, facets, [pk for _, pk in sorted(page)], ranked_within

    def similar(self, qs: QuerySet, words: list[QueryWord], *, limit: int, using: str):
        """(object id, body id, score) of the best ``limit`` among the newest rank_candidates()
        documents with any of ``words``."""
        raw = tsquery_any(words)
        matched, params = _matched_sql(qs, raw, columns=("id", "object_id", "body_id"))
        sql = (
            f"WITH c AS MATERIALIZED ({matched} ORDER BY {ORDER_BY_DATE} LIMIT %s) "
            "SELECT c.object_id, c.body_id, ts_rank(%s::float4[], d.rank_vector, "
            "to_tsquery('simple', %s)) AS score, c.date, c.id "
            "FROM c JOIN search_searchdocument AS d ON d.id = c.id "
            'ORDER BY score DESC, c."date" DESC NULLS LAST, c.id DESC LIMIT %s'
        )
        with connections[using].cursor() as cursor:
            cursor.execute(sql, (*params, rank_candidates(), WEIGHTS, raw, limit))
            return [(object_id, body_id, score) for object_id, body_id, score, *_ in cursor]

    @contextmanager
    def searching(self, using: str):
        """For these queries only: the planner cannot see that checking ``search_vector`` row
        by row means reading it from TOAST, so with a few thousand matches it picks a
        sequential scan many times slower than the GIN index; the matches are materialised
        (tens of thousands of rows: memory, not temporary files); and JIT compilation, which
        the row estimates of full-text matches trigger, costs more than the query."""
        names = list(SEARCH_SETTINGS)
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            # One statement each way: the settings' values before (read first), then these.
            cursor.execute(
                "SELECT "
                + ", ".join(
                    ["current_setting(%s)"] * len(names) + ["set_config(%s, %s, true)"] * len(names)
                ),
                [*names, *[part for name in names for part in (name, SEARCH_SETTINGS[name])]],
            )
            before = cursor.fetchone()[: len(names)]
            yield
            # SET LOCAL lasts until the outermost transaction ends: when a caller holds one,
            # give the rest of it the values back.
            cursor.execute(
                "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(names)),
                [part for name, value in zip(names, before, strict=True) for part in (name, value)],
            )

    def optimize(self, using: str) -> None:
        """After a rebuild: reclaim the old rows and refresh the planner's statistics (word
        frequencies decide whether it uses the GIN index)."""
        connection = connections[using]
        command = "VACUUM (ANALYZE) {}"
        if connection.in_atomic_block:  # e.g. in tests: VACUUM cannot run in a transaction
            command = "ANALYZE {}"
        with connection.cursor() as cursor:
            for table in ("search_searchdocument", "search_searchmatch"):
                cursor.execute(command.format(table))
