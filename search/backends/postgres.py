"""PostgreSQL: ``SearchVector`` over the analysed words, a GIN index, ``SearchRank``."""

from __future__ import annotations

from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Left

from search.analysis import ParsedQuery, QueryWord
from search.backends.database import word_alternatives

# Title (A) above text (B) above files (C): the weights SearchRank gives to D, C, B, A.
WEIGHTS = [0.05, 0.2, 0.4, 1.0]
CONFIG = "simple"  # the words are already folded and stemmed by search.analysis

VECTOR = (
    SearchVector("title_words", "title_variants", config=CONFIG, weight="A")
    + SearchVector("text_words", "text_variants", config=CONFIG, weight="B")
    + SearchVector("files_words", "files_variants", config=CONFIG, weight="C")
)
# Ranking reads one vector per match: a small one (the title and the opening of the text) keeps
# that fast with thousands of matches. Every word still decides whether a document matches.
RANK_OPENING = 240
RANK_VECTOR = SearchVector("title_words", "title_variants", config=CONFIG, weight="A") + (
    SearchVector(
        Left("text_words", RANK_OPENING),
        Left("text_variants", RANK_OPENING // 2),
        config=CONFIG,
        weight="B",
    )
)


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


class PostgresDialect:
    def after_write(self, objects: QuerySet, keys: list[str]) -> None:
        objects.filter(key__in=keys).update(search_vector=VECTOR, rank_vector=RANK_VECTOR)

    def match(self, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
        return qs.filter(search_vector=_query(tsquery(parsed)))

    def ranked(self, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
        return self._ranked(qs, _query(tsquery(parsed)))

    def scored_sql(self, qs: QuerySet, parsed: ParsedQuery):
        from search.backends.database import SCORED_COLUMNS

        scored = self.ranked(qs, parsed).order_by().values(*SCORED_COLUMNS)
        return scored.query.sql_with_params()

    def ranked_any(self, qs: QuerySet, words: list[QueryWord]) -> QuerySet:
        return self._ranked(qs, _query(tsquery_any(words)))

    def _ranked(self, qs: QuerySet, query: SearchQuery) -> QuerySet:
        return (
            qs.filter(search_vector=query)
            .annotate(score=SearchRank(F("rank_vector"), query, weights=WEIGHTS))
            .order_by("-score", F("date").desc(nulls_last=True), "-id")  # for similar()
        )

    @contextmanager
    def searching(self, using: str):
        """The planner cannot see that checking ``search_vector`` row by row means reading it
        from TOAST for every row, so with a few thousand matches it picks a sequential scan
        that is many times slower than the GIN index. Steer it, for these queries only."""
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield
            # SET LOCAL lasts until the outermost transaction ends: when a caller holds one,
            # give the rest of it the default back.
            cursor.execute("SET LOCAL enable_seqscan = on")

    def optimize(self, using: str) -> None:
        """After a rebuild: reclaim the old rows and refresh the planner's statistics (word
        frequencies decide whether it uses the GIN index)."""
        connection = connections[using]
        command = "VACUUM (ANALYZE) search_searchdocument"
        if connection.in_atomic_block:  # e.g. in tests: VACUUM cannot run in a transaction
            command = "ANALYZE search_searchdocument"
        with connection.cursor() as cursor:
            cursor.execute(command)
