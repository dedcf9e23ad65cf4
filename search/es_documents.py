"""The Elasticsearch mapping: one document type for every kind (requests, disclosures, ...), in
an index behind an alias (``SEARCH_INDEX_ALIAS``, default ``sorgu-search``).

Text fields use ``az_text``: Turkish lower case (``İ`` → ``i``, ``I`` → ``ı``) then ASCII folding
that keeps the original token (``ə ş ç ğ ö ü ı`` → ``e s c g o u i`` next to ``şəhər``), the rules
``search.analysis`` applies for the database backend. Sub-fields ``.en`` and ``.ru`` stem with
the built-in English and Russian analyzers.
"""

from __future__ import annotations

from django.conf import settings
from elasticsearch.dsl import (
    Date,
    Document,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    token_filter,
)

from search.documents import IndexDocument, StoredFields

az_lowercase = token_filter("az_lowercase", type="lowercase", language="turkish")
az_folding = token_filter("az_folding", type="asciifolding", preserve_original=True)
az_text = analyzer("az_text", tokenizer="standard", filter=[az_lowercase, az_folding])


def multilingual_text() -> Text:
    return Text(
        analyzer=az_text,
        fields={
            "en": Text(analyzer="english"),
            "ru": Text(analyzer="russian"),
        },
    )


def index_alias() -> str:
    return getattr(settings, "SEARCH_INDEX_ALIAS", "") or "sorgu-search"


class PublicDocument(Document):
    key = Keyword()
    kind = Keyword()
    object_id = Keyword()
    url = Keyword(index=False)
    reference = Keyword()
    title = multilingual_text()
    text = multilingual_text()
    files = multilingual_text()
    file_refs = Keyword()
    date = Date()
    year = Integer()
    body_id = Long()
    outcome = Keyword()
    language = Keyword()
    content_hash = Keyword(index=False)

    class Index:
        name = "sorgu-search"  # replaced by index_alias() wherever an index is made or read
        settings = {"number_of_shards": 1, "number_of_replicas": 1}

    @classmethod
    def from_index_document(cls, document: IndexDocument) -> PublicDocument:
        """The same fields as the database row (``StoredFields``); "files" is its files_text."""
        fields = StoredFields.of(document).as_dict()
        fields["files"] = fields.pop("files_text")
        return cls(meta={"id": fields["key"]}, **fields)


def index_definition(name: str):
    """The index ``name`` with our settings, analyzers and mapping (not created)."""
    return PublicDocument._index.clone(name=name)
