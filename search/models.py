"""The database backend's index: one denormalised row per public document.

The original text is kept for snippets; ``*_words`` (folded words in order) and
``*_variants`` (original spellings and stems) are what the database matches, made by
``search.analysis`` so that PostgreSQL and SQLite apply the same rules. PostgreSQL matches
``SearchMatch.search_vector`` (a GIN index; a narrow row per document, kept in step by triggers,
migration 0003); SQLite matches the FTS5 table ``search_fts`` kept in step by triggers
(migration 0002). Neither index is written on the other database.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    key = models.CharField(max_length=120, unique=True)  # "<kind>:<object id>"
    kind = models.CharField(max_length=32)
    object_id = models.CharField(max_length=64)
    url = models.CharField(max_length=500)
    reference = models.CharField(max_length=64, blank=True)
    title = models.TextField()
    text = models.TextField(blank=True)
    files_text = models.TextField(blank=True)
    file_refs = models.JSONField(default=list, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    body_id = models.BigIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=32, blank=True)
    language = models.CharField(max_length=8, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    title_words = models.TextField(blank=True)
    title_variants = models.TextField(blank=True)
    text_words = models.TextField(blank=True)
    text_variants = models.TextField(blank=True)
    files_words = models.TextField(blank=True)
    files_variants = models.TextField(blank=True)
    # PostgreSQL only (always NULL on SQLite, which ranks through FTS5 instead): the title and
    # the opening of the text, set by a trigger (migration 0003), for ranking.
    rank_vector = SearchVectorField(null=True, editable=False)

    content_hash = models.CharField(max_length=64)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            # The newest first: (date DESC NULLS LAST, id DESC), made by migration 0002.
            models.Index(fields=["body_id"], name="searchdoc_body"),
            # Facet counts without words to match read this index alone.
            models.Index(fields=["year", "kind", "outcome", "body_id"], name="searchdoc_facets"),
        ]

    def __str__(self) -> str:
        return self.key


class SearchMatch(models.Model):
    """PostgreSQL only: what matching, counting and facetting read, one narrow row per
    document (same id). The GIN index points here: a common word matches tens of thousands of
    documents, and reading them from ~100-byte rows (the vector itself lives out of line, in
    TOAST) costs a tenth of reading the documents' rows. Written only by the triggers of
    migration 0003 on ``search_searchdocument``; empty on SQLite."""

    id = models.BigIntegerField(primary_key=True)  # the SearchDocument's
    kind = models.CharField(max_length=32)
    object_id = models.CharField(max_length=64)
    date = models.DateTimeField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    body_id = models.BigIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=32, blank=True)
    search_vector = SearchVectorField(null=True)

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"
