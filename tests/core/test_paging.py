"""core.paging.page_links: the numbered links of a GOV.UK pagination block."""

from core.paging import page_links


def numbers(current, total):
    return [
        "…" if item.get("ellipsis") else item["number"]
        for item in page_links(current, total, lambda n: f"?page={n}")
    ]


def test_one_page_has_no_links():
    assert page_links(1, 1, str) == []
    assert page_links(1, 0, str) == []


def test_first_last_and_neighbours_with_gaps():
    assert numbers(1, 3) == [1, 2, 3]
    assert numbers(5, 10) == [1, "…", 4, 5, 6, "…", 10]
    assert numbers(1, 10) == [1, 2, "…", 10]
    assert numbers(10, 10) == [1, "…", 9, 10]
    assert numbers(3, 10) == [1, 2, 3, 4, "…", 10]


def test_the_current_page_is_marked_and_each_has_its_address():
    items = page_links(2, 3, lambda n: f"?page={n}")
    assert [item["current"] for item in items] == [False, True, False]
    assert [item["url"] for item in items] == ["?page=1", "?page=2", "?page=3"]


def test_a_page_out_of_range_shows_no_number_outside_it():
    assert numbers(12, 10) == [1, "…", 10]
