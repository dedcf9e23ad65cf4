"""Each page type lives only where it belongs."""

import pytest
from wagtail.models import Page

from cms.models import (
    DisclosureHubPage,
    DisclosureIndexPage,
    DisclosureLogIndexPage,
    DisclosureLogPage,
    DisclosurePage,
    HomePage,
    StandardPage,
)

ALL = [
    HomePage,
    StandardPage,
    DisclosureHubPage,
    DisclosureIndexPage,
    DisclosurePage,
    DisclosureLogIndexPage,
    DisclosureLogPage,
]

# parent type -> the child types it may hold
ALLOWED = {
    Page: {HomePage},
    HomePage: {StandardPage, DisclosureHubPage, DisclosureLogIndexPage},
    StandardPage: {StandardPage},
    DisclosureHubPage: {DisclosureIndexPage},
    DisclosureIndexPage: {DisclosurePage},
    DisclosurePage: set(),
    DisclosureLogIndexPage: {DisclosureLogPage},
    DisclosureLogPage: set(),
}


@pytest.mark.parametrize("parent", list(ALLOWED), ids=lambda model: model.__name__)
@pytest.mark.parametrize("child", ALL, ids=lambda model: model.__name__)
def test_each_type_only_where_it_belongs(parent, child):
    allowed = child in ALLOWED[parent]
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_one_hub_and_one_log_per_home(tree):
    assert not DisclosureHubPage.can_create_at(tree.home)
    assert not DisclosureLogIndexPage.can_create_at(tree.home)
    assert StandardPage.can_create_at(tree.home)
    assert DisclosurePage.can_create_at(tree.section)
    assert not DisclosurePage.can_create_at(tree.hub)
    assert not DisclosureLogPage.can_create_at(tree.hub)
    # Log entries come only from a request's public answer, never written by hand.
    assert not DisclosureLogPage.can_create_at(tree.log)


def test_a_body_has_one_section_per_language(tree, world):
    clash = DisclosureIndexPage(title="Again", slug="again", body=world.ministry)
    with pytest.raises(Exception, match="already has a disclosures section"):
        tree.hub.add_child(instance=clash)
    assert DisclosureIndexPage.objects.filter(body=world.ministry).count() == 1


def test_a_disclosure_takes_its_body_from_its_section(tree, world):
    page = tree.disclosure(category="statistics")
    assert page.body == world.ministry


def test_the_admin_offers_only_allowed_types(client, tree):
    client.force_login(tree.editor)
    choose = client.get(f"/admin/pages/{tree.section.pk}/add_subpage/")
    assert choose.status_code == 302  # a single allowed type: straight to its form
    assert "/add/cms/disclosurepage/" in choose["Location"]
    refused = client.get(f"/admin/pages/add/cms/disclosurepage/{tree.home.pk}/")
    assert refused.status_code in (302, 403)
    assert not DisclosurePage.objects.exists()


def disclosure_form(category, **fields):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data(
        {
            "title": "Budget execution 2025",
            "slug": "budget-execution-2025",
            "category": category.pk,
            "publication_date": "2026-04-20",
            "period_start": "",
            "period_end": "",
            "summary": "",
            "text": streamfield([]),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
            **fields,
        }
    )


@pytest.mark.parametrize(
    ("code", "fields", "error"),
    [
        ("budget", {"period_start": "2025-12-31", "period_end": "2025-01-01"}, "ends before"),
        ("annual-financial-data", {}, "needs the period it covers"),
        ("budget", {"publication_date": "not a date"}, "Enter a valid date"),
    ],
)
def test_the_admin_refuses_a_bad_disclosure_and_saves_nothing(client, tree, code, fields, error):
    client.force_login(tree.editor)
    url = f"/admin/pages/add/cms/disclosurepage/{tree.section.pk}/"
    response = client.post(url, disclosure_form(tree.category(code), **fields))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not DisclosurePage.objects.exists()


def test_the_admin_saves_a_good_disclosure_as_a_draft(client, tree, world):
    client.force_login(tree.editor)
    url = f"/admin/pages/add/cms/disclosurepage/{tree.section.pk}/"
    response = client.post(url, disclosure_form(tree.category("budget")))
    assert response.status_code == 302
    page = DisclosurePage.objects.get()
    assert not page.live and page.body == world.ministry
