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
