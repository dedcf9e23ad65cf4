"""A small CMS world on top of ``tests.conftest.world``: the page tree of the default locale,
the law's categories, Wagtail's editors and moderators, and the review workflow."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Site

from cms.models import (
    DisclosureCategory,
    DisclosureHubPage,
    DisclosureIndexPage,
    DisclosureLogIndexPage,
    DisclosurePage,
    HomePage,
)
from cms.services import disclosure_categories_load
from demo.cms import build_roles
from tests.factories import UserFactory
from tests.wagtail_base import wagtail_base_ensure


@dataclass
class Tree:
    home: HomePage
    hub: DisclosureHubPage
    log: DisclosureLogIndexPage
    section: DisclosureIndexPage  # the ministry's
    editor: object
    moderator: object

    def category(self, code):
        return DisclosureCategory.objects.get(law=self.section.body.law, code=code)

    def disclosure(self, *, category="statistics", section=None, live=True, **fields):
        section = section or self.section
        page = DisclosurePage(
            title=fields.pop("title", f"{category} publication"),
            category=self.category(category),
            **fields,
        )
        section.add_child(instance=page)
        revision = page.save_revision(user=self.editor)
        if live:
            revision.publish(user=self.moderator)
        else:
            page.live = False
            page.save()
        page.refresh_from_db()
        return page


def add_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def tree(world):
    disclosure_categories_load(law=world.law)
    root = wagtail_base_ensure()
    home = add_child(root, HomePage(title="Sorğu", slug="home-test", locale=Locale.get_default()))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    hub = add_child(home, DisclosureHubPage(title="Proactive disclosures", slug="disclosures"))
    log = add_child(home, DisclosureLogIndexPage(title="Disclosure log", slug="disclosure-log"))
    section = add_child(
        hub,
        DisclosureIndexPage(title="Ministry of Finance", slug="ministry", body=world.ministry),
    )
    editors, moderators = build_roles.groups_ensure([home])
    build_roles.workflow_ensure(moderators, [hub, log])
    world.editor.groups.add(editors)
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return Tree(
        home=home, hub=hub, log=log, section=section, editor=world.editor, moderator=moderator
    )
