"""Facet counts and filters on a known set of documents."""

import datetime
import re

import pytest

from core.errors import InvalidInput
from search import search
from tests.search.conftest import document

YEAR = datetime.timedelta(days=365)


@pytest.fixture
def known_set(backend, world):
    from django.utils import timezone

    now = timezone.now().replace(month=6, day=15)
    ministry, health = world.ministry.pk, world.other_body.pk
    rows = [
        ("1", ministry, "full", now),
        ("2", ministry, "full", now),
        ("3", ministry, "partial", now - YEAR),
        ("4", health, "refused", now - YEAR),
        ("5", health, "full", now - 2 * YEAR),
    ]
    backend.upsert(
        [
            document(object_id=i, title=f"Hesabat {i}", body_id=b, outcome=o, date=d)
            for i, b, o, d in rows
        ]
        + [document(kind="disclosure", object_id="6", title="Hesabat 6", date=now)]
    )
    return {"now": now, "ministry": ministry, "health": health}


def counts(results, facet):
    return {value.value: value.count for value in results.facets[facet]}


def test_facet_counts_on_a_known_set(known_set):
    results = search("hesabat")
    year = known_set["now"].year
    assert results.total == 6
    assert counts(results, "kind") == {"request": 5, "disclosure": 1}
    assert counts(results, "body") == {str(known_set["ministry"]): 3, str(known_set["health"]): 2}
    assert counts(results, "outcome") == {"full": 3, "partial": 1, "refused": 1}
    assert counts(results, "year") == {str(year): 3, str(year - 1): 2, str(year - 2): 1}


def test_facets_have_labels_people_read(known_set):
    results = search("hesabat")
    labels = {value.value: value.label for value in results.facets["body"]}
    assert labels[str(known_set["ministry"])] == "Ministry of Finance"
    outcome = {value.value: value.label for value in results.facets["outcome"]}
    assert outcome["partial"] == "Information given in part"
    kinds = {value.value: value.label for value in results.facets["kind"]}
    assert kinds == {"request": "Requests", "disclosure": "Disclosures"}
    years = [value.value for value in results.facets["year"]]
    assert years == sorted(years, reverse=True)


def test_filters_narrow_results_and_facets(known_set):
    results = search("hesabat", {"body": str(known_set["health"]), "outcome": ""})
    assert sorted(hit.object_id for hit in results.hits) == ["4", "5"]
    assert counts(results, "outcome") == {"refused": 1, "full": 1}
    assert [v.selected for v in results.facets["body"]] == [True]
    results = search("", {"kind": "request", "year": known_set["now"].year, "outcome": "full"})
    assert sorted(hit.object_id for hit in results.hits) == ["1", "2"]


def test_browsing_without_words_lists_everything_newest_first(known_set):
    results = search("")
    assert results.total == 6
    assert results.hits[-1].object_id == "5"


def test_pages(known_set):
    first = search("hesabat", page=1, page_size=2)
    third = search("hesabat", page=3, page_size=2)
    assert first.num_pages == 3 and first.has_next and not first.has_previous
    assert third.has_previous and not third.has_next
    assert search("hesabat", page=99, page_size=2).page == 3
    assert search("hesabat", page="nonsense", page_size=2).page == 1


@pytest.mark.parametrize(
    "filters",
    [{"year": "abc"}, {"year": "1200"}, {"body": "-3"}, {"outcome": "lost"}, {"kind": "memo"}],
)
def test_impossible_filters_are_refused_with_a_sentence(known_set, filters):
    with pytest.raises(InvalidInput) as error:
        search("hesabat", filters)
    assert str(error.value).endswith(".")


def test_an_unknown_sort_is_refused(known_set):
    with pytest.raises(InvalidInput):
        search("hesabat", sort="random")


def test_results_are_plain_data(known_set):
    import json

    data = search("hesabat").to_dict()
    assert json.loads(json.dumps(data))["total"] == 6
    assert set(data) >= {"query", "filters", "page", "total", "hits", "facets", "num_pages"}


@pytest.fixture
def many_bodies(backend, world):
    """Twenty bodies with matches: body i has 20 - i, except that bodies 14 to 17 all have 6, a
    tie across the fifteenth place that their names decide: "Body 14" in English, body 17's
    "Qurum 03" in Azerbaijani."""
    from tests.factories import PublicBodyFactory

    bodies = [
        PublicBodyFactory(name_en=f"Body {index:02d}", name_az=f"Qurum {20 - index:02d}")
        for index in range(20)
    ]
    documents = []
    for index, body in enumerate(bodies):
        matches = 6 if 14 <= index <= 17 else 20 - index
        documents += [
            document(object_id=f"{index}-{n}", title="Hesabat", body_id=body.pk)
            for n in range(matches)
        ]
    backend.upsert(documents)
    return bodies


def test_the_body_facet_names_only_the_bodies_it_shows(many_bodies):
    """Fifteen bodies by count, ties by name in the page's language, and the selected body
    even when it is not among them; the names of the others are never loaded."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from foi.selectors.search import BODY_NAME_FIELDS

    bodies = many_bodies
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        results = search("hesabat", page_size=1)
    shown = [(value.label, value.count) for value in results.facets["body"]]
    expected = [(f"Body {i:02d}", 20 - i) for i in range(14)] + [("Body 14", 6)]
    assert shown == expected
    loaded = [q["sql"] for q in queries.captured_queries if '"foi_publicbody"' in q["sql"]]
    assert len(loaded) == 1
    ids = {int(pk) for pk in re.search(r"IN \(([^)]*)\)", loaded[0]).group(1).split(", ")}
    # the fifteen, the three tied with the last (their names decide the order), the hit's
    assert ids == {body.pk for body in bodies[:18]} | {hit.body_id for hit in results.hits}
    assert all(f'"{field}"' in loaded[0] for field in BODY_NAME_FIELDS)
    assert '"request_email"' not in loaded[0]

    with translation.override("az"):
        tied = [value.label for value in search("hesabat").facets["body"]][14:]
    assert tied == ["Qurum 03"]  # body 17's Azerbaijani name is first among the tied

    with translation.override("en"):
        picked = search("hesabat", {"body": str(bodies[19].pk)}).facets["body"]
    assert [(value.label, value.count, value.selected) for value in picked] == [
        ("Body 19", 1, True)
    ]


def test_shown_bodies_keep_ties_and_the_selected_one():
    from search.api import MAX_BODY_FACETS, _shown_bodies

    counts = {str(i): 100 - i for i in range(MAX_BODY_FACETS - 1)}
    counts.update({"500": 3, "501": 3, "502": 3, "900": 1})
    assert _shown_bodies(counts, None) == {int(v) for v in counts} - {900}
    assert _shown_bodies(counts, 900) == {int(v) for v in counts}
    assert _shown_bodies({"7": 2}, None) == {7}
    assert _shown_bodies({}, "4") == {4}
