"""PostgreSQL: ``SearchVector`` over the analysed words, a GIN index, ``SearchRank``."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, QuerySet

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
        objects.filter(key__in=keys).update(search_vector=VECTOR)

    def match(self, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
        return qs.filter(search_vector=_query(tsquery(parsed)))

    def ranked(self, qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
        return self._ranked(qs, _query(tsquery(parsed)))

    def ranked_any(self, qs: QuerySet, words: list[QueryWord]) -> QuerySet:
        return self._ranked(qs, _query(tsquery_any(words)))

    def _ranked(self, qs: QuerySet, query: SearchQuery) -> QuerySet:
        return (
            qs.filter(search_vector=query)
            .annotate(score=SearchRank(F("search_vector"), query, weights=WEIGHTS))
            .order_by("-score", F("date").desc(nulls_last=True), "-id")
        )

    def optimize(self, using: str) -> None:
        from django.db import connections

        with connections[using].cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
