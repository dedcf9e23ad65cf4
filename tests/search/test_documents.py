"""One builder for what is stored of a document: the database row and the Elasticsearch source
are both made from ``StoredFields`` and differ only in what is each backend's own."""

import datetime
from unittest import mock

from search import documents, registry
from search.backends.database import row_for
from search.backends.elastic import document_source
from search.documents import MAX_STORED_TEXT, StoredFields
from tests.search.conftest import document

# What only the database row has: the words and variants it matches, and the provider's extra.
ROW_ONLY = {
    "extra",
    "title_words",
    "title_variants",
    "text_words",
    "text_variants",
    "files_words",
    "files_variants",
}


def stored_by_both(item):
    fields = StoredFields.of(item).as_dict()
    row = row_for(item)
    source = document_source(item)
    return fields, row, source


def test_both_backends_store_the_one_builders_fields_for_a_providers_item(answered):
    foi_request = answered(
        "Su tarifləri",
        answer="Tariflər əlavədədir.",
        files=[("tarif.csv", b"su;0.7\n")],
    )
    item = registry.get("request").document_for(str(foi_request.pk))
    assert item is not None and item.files

    fields, row, source = stored_by_both(item)

    for name, value in fields.items():
        assert getattr(row, name) == value, name
    # Elasticsearch leaves out None and empty lists, and calls files_text "files".
    expected = {("files" if k == "files_text" else k): v for k, v in fields.items()}
    assert source == {k: v for k, v in expected.items() if v not in (None, [])}
    assert row.extra == item.extra
    assert row.title_words and row.text_words and row.files_words

    # Every stored field of the row comes from the builder or is the row's own (id, the
    # trigger's rank_vector and auto_now indexed_at aside).
    own = ("id", "rank_vector", "indexed_at")
    row_fields = {f.name for f in row._meta.concrete_fields if f.name not in own}
    assert row_fields == set(fields) | ROW_ONLY


def test_each_backend_builds_through_the_one_builder():
    item = document(object_id="7", title="Başlıq", text="Mətn", files=(("a.txt", "b"),))
    with mock.patch.object(StoredFields, "of", wraps=StoredFields.of) as built:
        row_for(item)
        document_source(item)
    assert [call.args for call in built.call_args_list] == [(item,), (item,)]


def test_both_backends_cut_text_and_files_at_the_same_length():
    long_text = "söz " * (MAX_STORED_TEXT // 2)
    item = document(
        text=long_text,
        files=(("a.txt", "x" * (documents.MAX_FILE_TEXT)),) * 3,
        date=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
    )
    fields, row, source = stored_by_both(item)
    assert len(fields["text"]) == len(fields["files_text"]) == MAX_STORED_TEXT
    assert row.text == source["text"] == fields["text"]
    assert row.files_text == source["files"] == fields["files_text"]
    assert row.content_hash == source["content_hash"] == item.content_hash()


def test_a_hit_reads_back_the_same_stored_fields_from_either_backend():
    """What a result shows of a document (``HIT_FIELDS``) is the same whichever backend found it,
    an empty outcome and reference included (Elasticsearch leaves empty values out)."""
    from elasticsearch.dsl.response import Hit

    from search.analysis import parse_query
    from search.backends import database, elastic
    from search.highlight import Matcher
    from search.results import HIT_FIELDS

    for fields in (
        {"body_id": 4, "outcome": "full", "reference": "AZ-2026-000004"},
        {},  # a page: no body, outcome or reference
    ):
        item = document(
            object_id="4",
            title="Su tarifləri",
            text="Tariflər əlavədədir.",
            date=datetime.datetime(2026, 3, 18, 10, tzinfo=datetime.UTC),
            **fields,
        )
        source = elastic.document_source(item)
        source = {name: value for name, value in source.items() if value != ""}
        source["date"] = item.date.isoformat()  # as JSON brings it back
        from_elastic = elastic.hit_for(Hit({"_id": item.key, "_score": 1.0, "_source": source}))
        from_database = database.hit_for(
            database.row_for(item), Matcher.for_query(parse_query("su"))
        )
        for name in HIT_FIELDS:
            assert getattr(from_elastic, name) == getattr(from_database, name), name
        assert from_database.outcome == fields.get("outcome", "")
        assert from_database.reference == fields.get("reference", "")
