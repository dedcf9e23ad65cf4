"""The Elasticsearch backend: its mapping and analyzers, the exact request bodies it builds, and
its alias swap, all without a cluster; then the same searches against a live cluster where
ELASTICSEARCH_URL is set (marked ``elasticsearch``)."""

import contextlib
import datetime
import json
import os
import uuid
from types import SimpleNamespace

import pytest
from elasticsearch.serializer import JSONSerializer

from search.analysis import parse_query
from search.backends.elastic import (
    FIELDS,
    ElasticsearchBackend,
    build_search,
    build_similar,
    document_source,
)
from search.es_documents import index_definition
from tests.search.conftest import document

# -- mapping and analyzers -------------------------------------------------------------------


def test_the_azerbaijani_analyzer_folds_and_keeps_the_original():
    analysis = index_definition("sorgu-search-x").to_dict()["settings"]["analysis"]
    assert analysis["analyzer"]["az_text"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["az_lowercase", "az_folding"],
    }
    assert analysis["filter"]["az_lowercase"] == {"type": "lowercase", "language": "turkish"}
    assert analysis["filter"]["az_folding"] == {"type": "asciifolding", "preserve_original": True}


def test_text_fields_have_english_and_russian_stemming_sub_fields():
    properties = index_definition("x").to_dict()["mappings"]["properties"]
    for name in ("title", "text", "files"):
        assert properties[name] == {
            "type": "text",
            "analyzer": "az_text",
            "fields": {
                "en": {"type": "text", "analyzer": "english"},
                "ru": {"type": "text", "analyzer": "russian"},
            },
        }
    assert properties["kind"] == {"type": "keyword"}
    assert properties["body_id"] == {"type": "long"}
    assert properties["year"] == {"type": "integer"}
    assert properties["date"] == {"type": "date"}
    assert properties["url"] == {"type": "keyword", "index": False}


def test_boosts_put_title_above_text_above_files():
    assert FIELDS[:3] == ["title^3", "title.en^3", "title.ru^3"]
    assert FIELDS[3:6] == ["text^2", "text.en^2", "text.ru^2"]
    assert FIELDS[6:] == ["files", "files.en", "files.ru"]


# -- the exact request bodies -----------------------------------------------------------------

HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "max_analyzed_offset": 300000,
    "fields": {
        "title": {"number_of_fragments": 0},
        "title.en": {"number_of_fragments": 0},
        "title.ru": {"number_of_fragments": 0},
        **{
            field: {"fragment_size": 240, "number_of_fragments": 2}
            for field in ("text", "text.en", "text.ru", "files", "files.en", "files.ru")
        },
    },
}
AGGS = {
    "kind": {"terms": {"field": "kind", "size": 20}},
    "body": {"terms": {"field": "body_id", "size": 200}},
    "outcome": {"terms": {"field": "outcome", "size": 10}},
    "year": {"terms": {"field": "year", "size": 100}},
}
SOURCE = ["key", "kind", "object_id", "url", "reference", "title", "date", "body_id", "outcome"]


def test_the_query_body_for_words_a_phrase_an_exclusion_and_filters():
    body = build_search(
        parse_query('İctimai "annual report" -draft büdcənin'),
        filters={"year": 2025, "kind": "request"},
        sort="relevance",
        offset=20,
        limit=20,
        index="sorgu-search",
    ).to_dict()
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "bool": {
                            "should": [
                                {
                                    "multi_match": {
                                        "query": "İctimai",
                                        "fields": FIELDS,
                                        "type": "best_fields",
                                        "tie_breaker": 0.3,
                                    }
                                },
                                {"prefix": {"title": {"value": "ictimai", "boost": 1.5}}},
                                {"prefix": {"text": {"value": "ictimai", "boost": 1.0}}},
                                {"prefix": {"files": {"value": "ictimai", "boost": 0.5}}},
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                    {
                        "bool": {
                            "should": [
                                {
                                    "multi_match": {
                                        "query": "büdcənin",
                                        "fields": FIELDS,
                                        "type": "best_fields",
                                        "tie_breaker": 0.3,
                                    }
                                },
                                # the Azerbaijani ending stripped: büdcə, büdcəsi, ... match
                                {"prefix": {"title": {"value": "budce", "boost": 1.5}}},
                                {"prefix": {"text": {"value": "budce", "boost": 1.0}}},
                                {"prefix": {"files": {"value": "budce", "boost": 0.5}}},
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                    {"multi_match": {"query": "annual report", "fields": FIELDS, "type": "phrase"}},
                ],
                "must_not": [
                    {"multi_match": {"query": "draft", "fields": FIELDS, "type": "best_fields"}}
                ],
                "filter": [{"term": {"kind": "request"}}, {"term": {"year": 2025}}],
            }
        },
        "sort": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
        "aggs": AGGS,
        "_source": SOURCE,
        "track_total_hits": True,
        "highlight": HIGHLIGHT,
        "from": 20,
        "size": 20,
    }


def test_browsing_without_words_is_match_all_newest_first():
    body = build_search(
        parse_query(""), filters={}, sort="relevance", offset=0, limit=20, index="sorgu-search"
    ).to_dict()
    assert body["query"] == {"match_all": {}}
    assert body["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, "_score"]


def test_the_more_like_this_body_for_similar_requests():
    body = build_similar(
        text="budget execution report", kind="request", body_id=7, limit=5, index="sorgu-search"
    ).to_dict()
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "more_like_this": {
                            "fields": [
                                "title",
                                "title.en",
                                "title.ru",
                                "text",
                                "text.en",
                                "text.ru",
                            ],
                            "like": "budget execution report",
                            "min_term_freq": 1,
                            "min_doc_freq": 1,
                            "max_query_terms": 25,
                            "minimum_should_match": "30%",
                        }
                    }
                ],
                "filter": [{"term": {"kind": "request"}}],
                "should": [{"term": {"body_id": {"value": 7, "boost": 1.5}}}],
            }
        },
        "_source": ["object_id"],
        "size": 5,
    }


def test_the_indexed_source_of_a_document():
    when = datetime.datetime(2026, 3, 18, 10, tzinfo=datetime.UTC)
    source = document_source(
        document(
            object_id="12",
            title="Su tarifləri",
            text="Mətn",
            files=(("tarif.csv", "su;0.7"),),
            date=when,
            body_id=3,
            outcome="full",
            reference="AZ-2026-000012",
        )
    )
    assert source["key"] == "request:12"
    assert source["files"] == "tarif.csv\n\nsu;0.7"
    assert source["year"] == 2026
    assert source["date"] == when
    assert len(source["content_hash"]) == 64


# -- writing, rebuilding and reading with a recorded client ----------------------------------


class FakeIndices:
    def __init__(self, client):
        self.client = client

    def __getattr__(self, name):
        def call(**kwargs):
            self.client.calls.append((f"indices.{name}", kwargs))
            return self.client.answers.get(f"indices.{name}", {})

        return call


class FakeResponse(dict):
    @property
    def body(self):
        return self


class FakeTelemetry:
    @contextlib.contextmanager
    def helpers_span(self, name):
        yield None

    @contextlib.contextmanager
    def use_span(self, span):
        yield


class FakeClient:
    """Records every call; answers what the backend needs."""

    _otel = FakeTelemetry()
    transport = SimpleNamespace(
        serializers=SimpleNamespace(get_serializer=lambda mimetype: JSONSerializer())
    )

    def __init__(self, answers=None):
        self.calls = []
        self.answers = answers or {}
        self.indices = FakeIndices(self)
        self.bulked = []

    def options(self, **kwargs):
        return self

    def bulk(self, operations, **kwargs):
        self.calls.append(("bulk", kwargs))
        items = []
        for raw in operations:
            line = json.loads(raw)
            action, meta = next(iter(line.items())) if len(line) == 1 else (None, None)
            if action in ("index", "delete", "create", "update"):
                items.append({action: {"_id": meta.get("_id"), "status": 200}})
            self.bulked.append(line)
        return FakeResponse({"errors": False, "items": items})

    def search(self, **kwargs):
        self.calls.append(("search", kwargs))
        return FakeResponse(self.answers["search"])


def test_rebuild_fills_a_new_index_then_swaps_the_alias_atomically(settings):
    settings.SEARCH_INDEX_ALIAS = "sorgu-search"
    client = FakeClient({"indices.get_alias": FakeResponse({"sorgu-search-old": {}})})
    backend = ElasticsearchBackend(client=client)
    progressed = []
    count = backend.rebuild(
        [document(object_id=n, title=f"Sorğu {n}") for n in range(3)],
        progress=progressed.append,
    )
    assert count == 3 and sum(progressed) == 3
    names = [name for name, _ in client.calls]
    assert names == [
        "indices.create",
        "bulk",
        "indices.put_settings",
        "indices.refresh",
        "indices.get_alias",
        "indices.update_aliases",
        "indices.delete",
    ]
    created = client.calls[0][1]
    new = created["index"]
    assert new.startswith("sorgu-search-") and new != "sorgu-search-old"
    assert created["body"]["settings"]["refresh_interval"] == "-1"
    assert created["body"]["settings"]["analysis"]["analyzer"]["az_text"]
    assert client.calls[5][1] == {
        "actions": [
            {"remove": {"index": "sorgu-search-old", "alias": "sorgu-search"}},
            {"add": {"index": new, "alias": "sorgu-search"}},
        ]
    }
    assert client.calls[6][1] == {"index": "sorgu-search-old", "ignore_unavailable": True}
    indexed = [line for line in client.bulked if "index" in line]
    assert [line["index"]["_id"] for line in indexed] == ["request:0", "request:1", "request:2"]
    assert all(line["index"]["_index"] == new for line in indexed)


def test_the_first_write_creates_the_index_behind_the_alias(settings):
    settings.SEARCH_INDEX_ALIAS = "sorgu-search"
    client = FakeClient({"indices.exists_alias": False})
    backend = ElasticsearchBackend(client=client)
    backend.upsert([document(object_id="1", title="Sorğu")])
    names = [name for name, _ in client.calls]
    assert names == ["indices.exists_alias", "indices.create", "indices.update_aliases", "bulk"]


def test_removal_waits_for_a_refresh_so_it_is_gone_at_once(settings):
    client = FakeClient({"indices.exists_alias": True})
    ElasticsearchBackend(client=client).delete(["request:9"])
    assert client.calls[-1] == ("bulk", {"refresh": "wait_for"})
    assert {"delete": {"_index": "sorgu-search", "_id": "request:9"}} in client.bulked


def test_a_response_becomes_hits_and_facets(settings):
    answer = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 2.5,
            "hits": [
                {
                    "_index": "sorgu-search-1",
                    "_id": "request:5",
                    "_score": 2.5,
                    "_source": {
                        "key": "request:5",
                        "kind": "request",
                        "object_id": "5",
                        "url": "/requests/AZ-2026-000005/",
                        "reference": "AZ-2026-000005",
                        "title": "İctimai nəqliyyat",
                        "date": "2026-03-18T10:00:00+00:00",
                        "body_id": 3,
                        "outcome": "full",
                    },
                    "highlight": {
                        "title": ["<mark>İctimai</mark> nəqliyyat"],
                        "text.en": ["the <mark>reports</mark>"],
                    },
                }
            ],
        },
        "aggregations": {
            "kind": {"buckets": [{"key": "request", "doc_count": 1}]},
            "body": {"buckets": [{"key": 3, "doc_count": 1}]},
            "outcome": {"buckets": [{"key": "full", "doc_count": 1}]},
            "year": {"buckets": [{"key": 2026, "doc_count": 1}]},
        },
    }
    client = FakeClient({"indices.exists_alias": True, "search": answer})
    results = ElasticsearchBackend(client=client).search(
        parse_query("ictimai reports"), filters={}, sort="relevance", offset=0, limit=20
    )
    assert results.total == 1
    assert results.facets == {
        "kind": {"request": 1},
        "body": {"3": 1},
        "outcome": {"full": 1},
        "year": {"2026": 1},
    }
    hit = results.hits[0]
    assert hit.title_html == "<mark>İctimai</mark> nəqliyyat"
    assert hit.snippets == ["the <mark>reports</mark>"]
    assert hit.date == datetime.datetime(2026, 3, 18, 10, tzinfo=datetime.UTC)
    assert (hit.object_id, hit.body_id, hit.score) == ("5", 3, 2.5)


# -- against a live cluster ------------------------------------------------------------------

live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL names no cluster"
)


@pytest.fixture
def cluster(settings, db):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.SEARCH_INDEX_ALIAS = f"sorgu-test-{uuid.uuid4().hex[:8]}"
    from search.backends import _backend

    _backend.cache_clear()
    backend = _backend("elasticsearch", settings.ELASTICSEARCH_URL)
    yield backend
    # Wildcard deletes are refused by default (action.destructive_requires_name): name each.
    for name in backend.client.indices.get(index=f"{settings.SEARCH_INDEX_ALIAS}-*"):
        backend.client.indices.delete(index=name)
    _backend.cache_clear()


@pytest.mark.elasticsearch
@live
def test_live_relevance_folding_stems_and_alias_swap(cluster):
    from search import search
    from tests.search.test_relevance import CORPUS

    documents = [document(object_id=i, title=t, text=x, files=f) for i, t, x, f in CORPUS]
    assert cluster.rebuild(documents, progress=lambda n: None) == len(CORPUS)
    for query, first in [
        ("ictimai", "1"),
        ("İCTİMAİ", "1"),
        ("reporting", "5"),
        ("hospital", "6"),
        ("бюджетов", "8"),
        ("məktəblərin", "3"),
        ('"budget execution"', "5"),
    ]:
        hits = search(query).hits
        assert hits and hits[0].object_id == first, query
    assert "<mark>" in search("ictimai").hits[0].title_html
    cluster.delete(["request:1"])
    assert search("ictimai").hits == []
    assert cluster.rebuild(documents[:2], progress=lambda n: None) == 2
    assert search("").total == 2
    assert cluster.similar(text="budget report", kind="request", body_id=None, limit=3)
