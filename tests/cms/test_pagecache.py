"""The CMS's pages in the anonymous page cache (cms/pagecache.py): a publication shows on the
next anonymous read of the pages that list it."""

import pytest

from foi.models import State

pytestmark = pytest.mark.django_db


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_a_published_disclosure_shows_on_the_next_read(client, tree):
    for url in (tree.hub.url, tree.section.url):
        read(client, url)
        assert read(client, url)["X-Page-Cache"] == "hit"
    tree.disclosure(category="statistics", title="Air quality 2026")
    for url in (tree.hub.url, tree.section.url):
        response = read(client, url)
        assert response["X-Page-Cache"] == "miss"
        assert "Air quality 2026" in response.content.decode()


def test_an_unpublished_disclosure_leaves_the_next_read(client, tree):
    page = tree.disclosure(category="statistics", title="Withdrawn table")
    assert "Withdrawn table" in read(client, tree.section.url).content.decode()
    page.refresh_from_db()
    page.unpublish()
    assert "Withdrawn table" not in read(client, tree.section.url).content.decode()


def test_the_home_page_is_cached_and_shows_a_new_request(client, tree, world):
    read(client, tree.home.url)
    assert read(client, tree.home.url)["X-Page-Cache"] == "hit"
    world.request(State.ANSWERED)
    assert read(client, tree.home.url)["X-Page-Cache"] == "miss"
