"""Pages in az, en and ru through Wagtail's locales: the visitor's language picks the version;
a page not translated yet is shown in the default language rather than a 404."""

import re

import pytest
from wagtail.models import Locale

from cms.models import StandardPage
from tests.cms.conftest import add_child


@pytest.fixture
def guide(tree):
    page = add_child(tree.home, StandardPage(title="How to make a request", slug="guide"))
    for code, title in (("az", "Sorğunu necə vermək olar"), ("ru", "Как подать запрос")):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        copy = page.copy_for_translation(locale, copy_parents=True)
        copy.title = title
        copy.save_revision().publish()
        home_copy = copy.get_parent()
        if not home_copy.live:
            home_copy.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "How to make a request"),
        ("az", "Sorğunu necə vermək olar"),
        ("ru", "Как подать запрос"),
    ],
)
def test_the_visitors_language_picks_the_page(client, guide, language, title, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/guide/")
    assert response.status_code == 200
    assert re.search(rf"<h1[^>]*>{re.escape(title)}</h1>", response.content.decode())


def test_a_page_not_translated_is_served_in_the_default_language(client, guide, tree):
    tree.disclosure(category="statistics", title="Air quality 2026", slug="air-quality")
    client.cookies["django_language"] = "ru"
    response = client.get(f"{tree.section.url}air-quality/")
    assert response.status_code == 200
    assert "Air quality 2026" in response.content.decode()
    assert client.get("/no-such-page/").status_code == 404


def test_lists_show_each_page_once_in_the_visitors_language(client, guide, tree):
    page = tree.disclosure(category="statistics", title="Air quality 2026", slug="air-quality")
    ru = Locale.objects.get(language_code="ru")
    copy = page.copy_for_translation(ru, copy_parents=True)
    copy.title = "Качество воздуха 2026"
    copy.save_revision().publish()
    client.cookies["django_language"] = "ru"
    text = client.get(tree.section.url).content.decode()
    assert "Качество воздуха 2026" in text
    assert "Air quality 2026" not in text
    client.cookies["django_language"] = "en"
    text = client.get(tree.section.url).content.decode()
    assert "Air quality 2026" in text and "Качество воздуха 2026" not in text


def test_a_bodys_section_not_translated_yet_is_titled_in_the_visitors_language(client, tree, world):
    # The section exists in the default language only; its <title> said that language's name.
    world.ministry.name_ru = "Министерство финансов"
    world.ministry.save()
    client.cookies["django_language"] = "ru"
    page = client.get(tree.section.url).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "Министерство финансов" in title and "Ministry of Finance" not in title
    assert re.search(r"<h1[^>]*>Министерство финансов</h1>", page)
