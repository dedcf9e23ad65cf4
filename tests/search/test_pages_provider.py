"""Published Wagtail pages that declare ``search_kind`` are indexed, with their documents' text,
and leave the index when unpublished, deleted or made private. The CMS's disclosure pages adopt
the same interface (docs/architecture.md); these tests use a test-only page model."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, Site

from demo.files import demo_file
from search import search
from search.indexing import check
from tests.search.pages_app.models import SearchTestDisclosurePage, SearchTestPlainPage


def found(query, **filters):
    return [(hit.kind, hit.object_id) for hit in search(query, filters).hits]


@pytest.fixture
def home(db):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=Page(title="Home", slug="home"))
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return site.root_page


@pytest.fixture
def publish(committed):
    def run(page):
        with committed():
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return run


def disclosure(home, world=None, **fields):
    page = SearchTestDisclosurePage(
        title=fields.pop("title", "Dövlət satınalmaları 2025"),
        slug=fields.pop("slug", "satinalmalar-2025"),
        body_text=fields.pop("body_text", "<p>Satınalma <b>müqavilələri</b> siyahısı.</p>"),
        live=False,
        **fields,
    )
    home.add_child(instance=page)
    return page


def test_a_published_disclosure_is_found_with_its_document(home, world, publish):
    Document = get_document_model()
    document = Document(title="Büdcə icrası 2025")
    document.file.save("budget.pdf", ContentFile(demo_file("budget-execution-2025.pdf")))
    document.save()
    page = publish(disclosure(home, body_ref=world.ministry, document=document))
    assert found("müqavilələri") == [("disclosure", str(page.pk))]
    assert found("execution") == [("disclosure", str(page.pk))]  # text inside the PDF
    hit = search("satınalmaları").hits[0]
    assert hit.kind_label == "Disclosures"
    assert hit.body_name == "Ministry of Finance"
    assert hit.url == page.get_url()
    assert "<b>" not in "".join(hit.snippets)  # rich text indexed as plain text
    assert found("", kind="disclosure") == [("disclosure", str(page.pk))]


def test_drafts_and_pages_without_a_kind_are_not_indexed(home, publish, committed):
    draft = disclosure(home)
    with committed():
        draft.save_revision()
    plain = SearchTestPlainPage(title="Satınalmalar haqqında", slug="plain")
    home.add_child(instance=plain)
    publish(plain)
    assert found("satınalmalar") == []


def test_unpublishing_removes_the_page(home, publish, committed):
    page = publish(disclosure(home))
    assert found("satınalmaları")
    with committed():
        page.unpublish()
    assert found("satınalmaları") == []


def test_deleting_removes_the_page(home, publish, committed):
    page = publish(disclosure(home))
    with committed():
        page.delete()
    assert found("satınalmaları") == []


def test_a_private_page_leaves_and_returns_when_public_again(home, publish, committed):
    page = publish(disclosure(home))
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="secret"
        )
    assert found("satınalmaları") == []
    assert check().ok
    with committed():
        restriction.delete()
    assert found("satınalmaları") == [("disclosure", str(page.pk))]


def test_a_restricted_parent_hides_its_children(home, publish, committed):
    section = SearchTestPlainPage(title="Arxiv", slug="arxiv")
    home.add_child(instance=section)
    publish(section)
    page = disclosure(section)
    publish(page)
    with committed():
        PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert found("satınalmaları") == []


def test_rebuild_includes_published_pages(home, publish, backend):
    page = publish(disclosure(home))
    backend.clear()
    from search.indexing import rebuild

    assert rebuild() == 1
    assert found("satınalmaları") == [("disclosure", str(page.pk))]
