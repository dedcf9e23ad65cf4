"""The database backend's index: one denormalised row per public document.

The original text is kept for snippets; ``*_words`` (folded words in order) and
``*_variants`` (original spellings and stems) are what the database matches, made by
``search.analysis`` so that PostgreSQL and SQLite apply the same rules. PostgreSQL matches
``search_vector`` (a GIN index, migration 0002); SQLite matches the FTS5 table ``search_fts``
kept in step by triggers (migration 0002). Neither index exists on the other database.
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
    # PostgreSQL only (always NULL on SQLite, which matches through FTS5 instead): every word,
    # for matching (GIN index); and the title and the opening of the text, small enough to stay
    # in the row, for ranking thousands of matches quickly.
    search_vector = SearchVectorField(null=True, editable=False)
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
