"""PostgreSQL's narrow match table (migration 0003) and the bound on ranking work.

The triggers write ``search_searchmatch`` and the ranking vector with the document's row; the
rows stay narrow whatever the text's size; and relevance ranks the newest SEARCH_RANK_CANDIDATES
matches when more match, saying so, with every match still counted and reachable by paging.
"""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from search import search
from search.models import SearchDocument, SearchMatch
from tests.search.conftest import document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the match table and its triggers are PostgreSQL's")


DAY = datetime.timedelta(days=1)
START = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def test_writing_a_document_writes_its_match_row_and_ranking_vector(backend, world):
    backend.upsert(
        [
            document(
                object_id="1",
                title="Su tarifləri",
                text="Azərsu tarifləri",
                body_id=world.ministry.pk,
                outcome="full",
                date=START,
            )
        ]
    )
    row = SearchDocument.objects.get(key="request:1")
    match = SearchMatch.objects.get(id=row.id)
    assert (match.kind, match.object_id, match.body_id, match.outcome, match.year) == (
        "request",
        "1",
        world.ministry.pk,
        "full",
        2025,
    )
    assert match.date == START
    assert "'tarif" in str(match.search_vector)
    assert "A" in str(row.rank_vector)

    backend.upsert(
        [document(object_id="1", title="Su tarifləri", outcome="partial", date=START - DAY)]
    )
    match.refresh_from_db()
    assert (match.outcome, match.year) == ("partial", 2024)
    assert [hit.outcome for hit in search("tarifləri").hits] == ["partial"]

    backend.delete(["request:1"])
    assert not SearchMatch.objects.filter(id=row.id).exists()
    assert search("tarifləri").total == 0


def test_match_rows_stay_narrow_whatever_the_text(backend):
    """Vectors under ~2 KB would stay in the row (PostgreSQL's toast threshold); the padding
    column makes every one leave it. 200 documents of 60 words (vectors of ~1 KB): ~95-byte
    rows fit in a few 8 KB blocks, where vectors in the row would take about thirty."""
    words = " ".join(f"söz{n} hesabat{n % 7}" for n in range(30))
    blocks_before = _match_table_blocks()  # rolled-back tests leave their rows' space behind
    backend.upsert(
        [document(object_id=str(n), title=f"Hesabat {n}", text=words) for n in range(200)]
    )
    blocks = _match_table_blocks() - blocks_before
    assert SearchMatch.objects.count() == 200
    assert blocks <= 6
    assert search("hesabat").total == 200


def _match_table_blocks() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size('search_searchmatch') / 8192")
        return cursor.fetchone()[0]


@pytest.fixture
def five(backend):
    """Five matches, one a day: the oldest has the word in its title (the best match); the
    others only in their text."""
    backend.upsert(
        [document(object_id="1", title="Büdcə hesabatı", text="büdcə", date=START)]
        + [
            document(object_id=str(n), title=f"Sənəd {n}", text="illik büdcə", date=START + n * DAY)
            for n in range(2, 6)
        ]
    )


def every_page(query, page_size=2, **options):
    pages = [search(query, page=page, page_size=page_size, **options) for page in (1, 2, 3)]
    return pages, [hit.object_id for results in pages for hit in results.hits]


def test_every_match_is_ranked_when_few_match(five):
    pages, order = every_page("büdcə")
    assert order[0] == "1"
    assert sorted(order) == ["1", "2", "3", "4", "5"]
    assert pages[0].ranked_within is None


def test_relevance_ranks_the_newest_when_more_match(five, settings):
    settings.SEARCH_RANK_CANDIDATES = 3
    pages, order = every_page("büdcə")
    # The three newest ranked (equal scores: newest first), then the rest by date: the
    # oldest, best match is not ranked, but it is counted and on the last page.
    assert order == ["5", "4", "3", "2", "1"]
    assert [results.total for results in pages] == [5, 5, 5]
    assert {results.ranked_within for results in pages} == {3}
    assert pages[0].facets["kind"][0].count == 5

    # A page across the bound: the third ranked, then the first by date.
    straddling = search("büdcə", page=2, page_size=2)
    assert [hit.object_id for hit in straddling.hits] == ["3", "2"]


def test_the_bound_puts_the_best_of_the_newest_first(backend, settings):
    settings.SEARCH_RANK_CANDIDATES = 3
    backend.upsert(
        [
            document(object_id="1", title="Büdcə", text="büdcə", date=START),
            document(object_id="2", title="Sənəd", text="büdcə", date=START + DAY),
            document(object_id="3", title="Büdcə icrası", text="büdcə", date=START + 2 * DAY),
            document(object_id="4", title="Sənəd", text="büdcə", date=START + 3 * DAY),
        ]
    )
    assert [hit.object_id for hit in search("büdcə").hits] == ["3", "4", "2", "1"]


def test_ordering_by_date_needs_no_bound(five, settings):
    settings.SEARCH_RANK_CANDIDATES = 3
    pages, order = every_page("büdcə", sort="date")
    assert order == ["5", "4", "3", "2", "1"]
    assert pages[0].ranked_within is None


def test_the_page_says_when_relevance_was_bounded(client, five, settings, no_page_cache):
    # The setting changes between two reads of one address, which no write announces: the
    # page is rendered afresh each time (the search page is otherwise stored for visitors).
    settings.SEARCH_RANK_CANDIDATES = 3
    page = client.get(reverse("search:search"), {"q": "büdcə"}).content.decode()
    assert "Relevance orders the newest 3 of them" in page
    page = client.get(reverse("search:search"), {"q": "büdcə", "sort": "date"}).content.decode()
    assert "Relevance orders the newest" not in page
    settings.SEARCH_RANK_CANDIDATES = 10
    page = client.get(reverse("search:search"), {"q": "büdcə"}).content.decode()
    assert "Relevance orders the newest" not in page


def test_the_newest_are_found_across_years_and_time_zones(backend, settings):
    """The newest N are bounded by the matches per year before they are sorted; years are read
    in each document's own zone. "b" is dated 2024 in Honolulu but is newer than "c", dated 2025
    in Baku: the bound (2025 holds three matches) must still let "b" in."""
    settings.SEARCH_RANK_CANDIDATES = 3
    honolulu = datetime.timezone(datetime.timedelta(hours=-10))
    baku = datetime.timezone(datetime.timedelta(hours=4))
    dated = {
        "a": datetime.datetime(2023, 6, 1, tzinfo=datetime.UTC),
        "b": datetime.datetime(2024, 12, 31, 23, 30, tzinfo=honolulu),  # 2025-01-01 09:30 UTC
        "c": datetime.datetime(2025, 1, 1, 1, 0, tzinfo=baku),  # 2024-12-31 21:00 UTC
        "d": datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
        "e": datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
    }
    backend.upsert(
        [
            document(object_id=key, title="Büdcə" if key == "a" else "Sənəd", text="büdcə", date=d)
            for key, d in dated.items()
        ]
        + [document(object_id="undated", title="Büdcə", text="büdcə")]
    )
    results = search("büdcə")
    order = [hit.object_id for hit in results.hits]
    # the newest three ranked (equal scores: newest first), then the rest newest first, the
    # undated last, although "a" and the undated one match best
    assert order == ["e", "d", "b", "c", "a", "undated"]
    assert results.ranked_within == 3
    assert {value.value: value.count for value in results.facets["year"]} == {
        "2023": 1,
        "2024": 1,
        "2025": 3,
    }


def test_a_year_begun_early_in_its_zone_keeps_its_first_match(backend, settings):
    """ "c" is in 2025 in Baku but still 2024 in UTC, and among the newest three: the bound
    (2025 holds three matches) lies a day before 2025 begins in UTC, so it is ranked."""
    settings.SEARCH_RANK_CANDIDATES = 3
    baku = datetime.timezone(datetime.timedelta(hours=4))
    dated = {
        "a": datetime.datetime(2023, 6, 1, tzinfo=datetime.UTC),
        "c": datetime.datetime(2025, 1, 1, 1, 0, tzinfo=baku),
        "d": datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
        "e": datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
    }
    backend.upsert(
        [
            document(object_id=key, title="Büdcə" if key == "c" else "Sənəd", text="büdcə", date=d)
            for key, d in dated.items()
        ]
    )
    assert [hit.object_id for hit in search("büdcə").hits] == ["c", "e", "d", "a"]


def test_without_enough_dated_matches_the_undated_are_ranked_too(backend, settings):
    settings.SEARCH_RANK_CANDIDATES = 3
    backend.upsert(
        [
            document(object_id="1", title="Sənəd", text="büdcə", date=START),
            document(object_id="2", title="Sənəd", text="büdcə", date=START + DAY),
            document(object_id="3", title="Sənəd", text="büdcə"),
            document(object_id="4", title="Büdcə", text="büdcə"),
        ]
    )
    # candidates: the two dated and the later undated ("4", the best match, ranked first);
    # "3" is the one left to follow
    results = search("büdcə")
    assert [hit.object_id for hit in results.hits] == ["4", "2", "1", "3"]
    assert results.ranked_within == 3
