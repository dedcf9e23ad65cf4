"""``load_demo_data`` builds the CMS part too (``cms_load_demo``): the page tree in three
languages without Wagtail's welcome page, categories, roles, the workflow, disclosures for
several bodies and disclosure-log entries; running it again creates nothing."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, Site, WorkflowState

from cms.models import (
    DisclosureCategory,
    DisclosureIndexPage,
    DisclosureLogPage,
    DisclosurePage,
    HomePage,
    StandardPage,
)
from foi.models import PublicBody

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_the_tree_in_three_languages(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert {page.locale.language_code for page in home.get_translations(inclusive=True)} == {
        "az",
        "en",
        "ru",
    }
    for slug in ("guide", "law", "privacy"):
        versions = StandardPage.objects.filter(slug=slug)
        assert sorted(page.locale.language_code for page in versions) == ["az", "en", "ru"]
        assert all(page.live for page in versions)
        assert len({page.title for page in versions}) == 3  # really translated
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_every_active_body_has_a_section_and_several_have_disclosures(demo):
    default = Locale.get_default()
    sections = DisclosureIndexPage.objects.filter(locale=default)
    assert sections.count() == PublicBody.objects.filter(is_active=True).count()
    bodies = set(DisclosurePage.objects.live().values_list("body__slug", flat=True))
    assert len(bodies) >= 4
    for page in DisclosurePage.objects.live():
        assert page.documents.count() == 1
        assert page.documents.get().document.file_size > 0


TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.mark.parametrize(
    ("language", "body", "disclosure", "foreign"),
    [
        ("az", "Maliyyə Nazirliyi", "Vəzifəli şəxslərin siyahısı", "Ministry of Finance"),
        ("en", "Ministry of Finance", "List of officials", "Maliyyə Nazirliyi"),
        ("ru", "Министерство финансов", "Список должностных лиц", "Maliyyə Nazirliyi"),
    ],
)
def test_a_bodys_disclosures_in_each_language(
    demo, client, settings, language, body, disclosure, foreign
):
    # The English page had the Azerbaijani title (the sections existed in az only).
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/disclosures/ministry-of-finance/").content.decode()
    title = TITLE.search(page).group(1)
    assert body in title and foreign not in title
    assert re.search(rf"<h1[^>]*>{re.escape(body)}</h1>", page)
    assert disclosure in page
    if language != "az":
        assert "Vəzifəli şəxslərin siyahısı" not in page


def test_every_section_and_disclosure_is_translated(demo):
    for model in (DisclosureIndexPage, DisclosurePage):
        for page in model.objects.filter(locale=Locale.get_default()):
            versions = {
                version.locale.language_code: version.title
                for version in page.get_translations(inclusive=True).filter(live=True)
            }
            assert set(versions) == {"az", "en", "ru"}, page
            assert len(set(versions.values())) == 3, versions


def test_categories_roles_and_workflow(demo):
    assert DisclosureCategory.objects.filter(law__code="az").count() == 11
    moderators = Group.objects.get(name="Moderators")
    editors = Group.objects.get(name="Editors")
    home = Site.objects.get(is_default_site=True).root_page
    assert GroupPagePermission.objects.filter(
        group=moderators, page=home, permission__codename="publish_page"
    ).exists()
    assert not GroupPagePermission.objects.filter(
        group=editors, permission__codename="publish_page"
    ).exists()
    assert moderators.user_set.filter(email="moderator@demo.example").exists()
    assert editors.user_set.filter(email="editor@demo.example").exists()


def test_log_entries_one_published_one_awaiting_a_moderator(demo):
    entries = DisclosureLogPage.objects.order_by("pk")
    assert entries.count() == 2
    published, waiting = entries
    assert published.live and not waiting.live
    assert WorkflowState.objects.filter(
        base_content_type__isnull=False, object_id=str(waiting.pk), status="in_progress"
    ).exists()
    assert published.documents.count() == 1


def test_running_it_again_creates_nothing(demo):
    before = (Page.objects.count(), DisclosureLogPage.objects.count())
    out = io.StringIO()
    call_command("cms_load_demo", stdout=out)
    assert (Page.objects.count(), DisclosureLogPage.objects.count()) == before
    assert "0 translations, 0 body sections, 0 disclosures, 0 disclosure-log entries" in (
        out.getvalue()
    )
