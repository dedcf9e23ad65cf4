"""Elasticsearch through elasticsearch-dsl (``from elasticsearch.dsl import ...``).

Searches and writes go to an alias. ``rebuild`` fills a new index in bulk, then moves the alias
to it in one atomic ``_aliases`` call and drops the old index: searches never see a half-built
index. ``build_search`` makes the exact request body (tested without a cluster).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.utils.html import escape
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import Q, Search
from elasticsearch.helpers import bulk, scan, streaming_bulk

from search.analysis import ParsedQuery, QueryWord, salient_words
from search.backends.base import Progress, SearchBackend
from search.documents import MAX_STORED_TEXT, IndexDocument
from search.es_documents import PublicDocument, index_alias, index_definition
from search.results import HIT_FIELDS, BackendHit, BackendResults

logger = logging.getLogger(__name__)

CHUNK = 500
# Title above text above files; each in its Azerbaijani-folded form and English and Russian
# stems.
FIELDS = [
    "title^3",
    "title.en^3",
    "title.ru^3",
    "text^2",
    "text.en^2",
    "text.ru^2",
    "files",
    "files.en",
    "files.ru",
]
PREFIX_FIELDS = {"title": 1.5, "text": 1.0, "files": 0.5}
HIGHLIGHT_TEXT = ["text", "text.en", "text.ru", "files", "files.en", "files.ru"]
HIGHLIGHT_TITLE = ["title", "title.en", "title.ru"]
FACET_SIZES = {"kind": 20, "body": 200, "outcome": 10, "year": 100}
FACET_FIELDS = {"kind": "kind", "body": "body_id", "outcome": "outcome", "year": "year"}
FILTER_FIELDS = {"kind": "kind", "body": "body_id", "outcome": "outcome", "year": "year"}
SIMILAR_FIELDS = ["title", "title.en", "title.ru", "text", "text.en", "text.ru"]


def word_query(word: QueryWord) -> Q:
    """One word: in any field, in any of its analyses, or (long words) as a prefix of the
    folded form, as the database backend does."""
    alternatives = [
        Q("multi_match", query=word.text, fields=FIELDS, type="best_fields", tie_breaker=0.3)
    ]
    if word.prefix:
        alternatives += [
            Q("prefix", **{field: {"value": word.prefix, "boost": boost}})
            for field, boost in PREFIX_FIELDS.items()
        ]
    return Q("bool", should=alternatives, minimum_should_match=1)


def text_query(parsed: ParsedQuery) -> Q:
    if parsed.is_empty:
        return Q("match_all")
    must = [word_query(word) for word in parsed.words]
    must += [
        Q("multi_match", query=" ".join(w.text for w in phrase), fields=FIELDS, type="phrase")
        for phrase in parsed.phrases
    ]
    must_not = [
        Q("multi_match", query=word.text, fields=FIELDS, type="best_fields")
        for word in parsed.excluded
    ]
    return Q("bool", must=must, must_not=must_not)


def build_search(
    parsed: ParsedQuery, *, filters: dict, sort: str, offset: int, limit: int, index: str
) -> Search:
    search = Search(index=index).query(text_query(parsed))
    for name, field in FILTER_FIELDS.items():
        if filters.get(name):
            search = search.filter("term", **{field: filters[name]})
    if parsed.is_empty or sort == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    else:
        search = search.sort("_score", {"date": {"order": "desc", "missing": "_last"}})
    for name, field in FACET_FIELDS.items():
        search.aggs.bucket(name, "terms", field=field, size=FACET_SIZES[name])
    search = search.source(list(HIT_FIELDS)).extra(track_total_hits=True)
    search = search.highlight_options(
        pre_tags=["<mark>"],
        post_tags=["</mark>"],
        encoder="html",
        max_analyzed_offset=MAX_STORED_TEXT,
    )
    search = search.highlight(*HIGHLIGHT_TITLE, number_of_fragments=0)
    search = search.highlight(*HIGHLIGHT_TEXT, fragment_size=240, number_of_fragments=2)
    return search[offset : offset + limit]


def build_similar(*, text: str, kind: str, body_id: int | None, limit: int, index: str) -> Search:
    like = Q(
        "more_like_this",
        fields=SIMILAR_FIELDS,
        like=text[:5000],
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=25,
        minimum_should_match="30%",
    )
    query = Q("bool", must=[like], filter=[Q("term", kind=kind)])
    if body_id:
        query = Q(
            "bool",
            must=[like],
            filter=[Q("term", kind=kind)],
            should=[Q("term", body_id={"value": body_id, "boost": 1.5})],
        )
    return Search(index=index).query(query).source(["object_id"])[:limit]


def document_source(document: IndexDocument) -> dict:
    return PublicDocument.from_index_document(document).to_dict(include_meta=False)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, *, url: str = "", client: Elasticsearch | None = None):
        self.client = client or Elasticsearch(url, request_timeout=30)
        self._ready = False

    @property
    def alias(self) -> str:
        return index_alias()

    def new_index_name(self) -> str:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
        return f"{self.alias}-{stamp}"

    def ensure_index(self) -> None:
        """Before the first write or search: an index behind the alias, made with our mapping
        (never one Elasticsearch would make up from the first document)."""
        if self._ready:
            return
        if not self.client.indices.exists_alias(name=self.alias):
            name = self.new_index_name()
            index_definition(name).create(using=self.client)
            self.client.indices.update_aliases(
                actions=[{"add": {"index": name, "alias": self.alias}}]
            )
        self._ready = True

    # -- writing -------------------------------------------------------------------------------

    def upsert(self, documents: list[IndexDocument]) -> None:
        self.ensure_index()
        bulk(self.client, self._actions(documents, self.alias), chunk_size=CHUNK)

    def delete(self, keys: list[str]) -> None:
        if not keys:
            return
        self.ensure_index()
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys]
        # refresh: what was withdrawn must stop being found at once, not after a second.
        bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def clear(self) -> None:
        self.ensure_index()
        self.client.delete_by_query(
            index=self.alias, query={"match_all": {}}, refresh=True, conflicts="proceed"
        )

    def _actions(self, documents: Iterable[IndexDocument], index: str):
        for document in documents:
            yield {"_index": index, "_id": document.key, "_source": document_source(document)}

    def rebuild(self, documents: Iterable[IndexDocument], *, progress: Progress) -> int:
        name = self.new_index_name()
        definition = index_definition(name)
        definition.settings(refresh_interval="-1")  # no refreshes while filling it
        definition.create(using=self.client)
        count = 0
        try:
            for ok, item in streaming_bulk(
                self.client, self._actions(documents, name), chunk_size=CHUNK, max_retries=3
            ):
                if not ok:
                    raise RuntimeError(f"Indexing failed: {item}")
                count += 1
                if count % CHUNK == 0:
                    progress(CHUNK)
            progress(count % CHUNK)
            self.client.indices.put_settings(index=name, settings={"refresh_interval": None})
            self.client.indices.refresh(index=name)
        except Exception:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        self.swap_alias(name)
        return count

    def swap_alias(self, name: str) -> None:
        """Point the alias at ``name`` and drop the indices it pointed at, atomically for
        readers."""
        try:
            old = list(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            old = []
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            if index != name:
                self.client.indices.delete(index=index, ignore_unavailable=True)
        self._ready = True

    def indexed_hashes(self) -> dict[str, str]:
        self.ensure_index()
        return {
            hit["_id"]: hit["_source"].get("content_hash", "")
            for hit in scan(
                self.client,
                index=self.alias,
                query={"query": {"match_all": {}}, "_source": ["content_hash"]},
            )
        }

    # -- reading -------------------------------------------------------------------------------

    def search(self, parsed, *, filters, sort, offset, limit) -> BackendResults:
        self.ensure_index()
        request = build_search(
            parsed, filters=filters, sort=sort, offset=offset, limit=limit, index=self.alias
        )
        response = request.using(self.client).execute()
        facets = {
            name: {str(bucket.key): bucket.doc_count for bucket in getattr(response.aggs, name)}
            for name in FACET_FIELDS
        }
        return BackendResults(
            total=response.hits.total.value,
            hits=[hit_for(hit) for hit in response],
            facets=facets,
        )

    def similar(self, *, text, kind, body_id, limit) -> list[str]:
        if not salient_words(text):
            return []
        self.ensure_index()
        request = build_similar(
            text=text, kind=kind, body_id=body_id, limit=limit, index=self.alias
        )
        return [hit.object_id for hit in request.using(self.client).execute()]


def hit_for(hit) -> BackendHit:
    highlight = getattr(hit.meta, "highlight", None)
    highlighted = highlight.to_dict() if highlight is not None else {}
    title_html = next((highlighted[f][0] for f in HIGHLIGHT_TITLE if f in highlighted), None)
    snippets = []
    for field in HIGHLIGHT_TEXT:
        for fragment in highlighted.get(field, []):
            if fragment not in snippets and len(snippets) < 2:
                snippets.append(fragment)
    stored = hit.to_dict()
    if isinstance(stored.get("date"), str):
        stored["date"] = datetime.datetime.fromisoformat(stored["date"])
    return BackendHit.of_stored(
        stored,
        title_html=title_html or escape(hit.title),
        snippets=snippets,
        score=hit.meta.score,
    )
