"""Facet counts and filters on a known set of documents."""

import datetime

import pytest

from foi.services.errors import InvalidInput
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
