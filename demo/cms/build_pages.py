"""The demo's page tree in az, en and ru: home, guide, law, privacy, the disclosures hub with a
section per body, the disclosure log, and the footer's about, contact and accessibility pages.
Idempotent: existing pages are kept as they are."""

from __future__ import annotations

from wagtail.models import Locale, Page, Site

from cms.models import (
    DisclosureHubPage,
    DisclosureIndexPage,
    DisclosureLogIndexPage,
    HomePage,
    StandardPage,
)
from foi.models import PublicBody

from . import content_az, content_en, content_ru

LANGUAGES = ("az", "en", "ru")
CONTENT = {"az": content_az, "en": content_en, "ru": content_ru}
WELCOME_TITLE = "Welcome to your new Wagtail site!"

# slug -> (model, content name, extra fields taken from the content)
SECTIONS = [
    ("guide", StandardPage, "GUIDE"),
    ("law", StandardPage, "LAW"),
    ("privacy", StandardPage, "PRIVACY"),
    ("disclosures", DisclosureHubPage, "HUB"),
    ("disclosure-log", DisclosureLogIndexPage, "LOG"),
    ("about", StandardPage, "ABOUT"),
    ("contact", StandardPage, "CONTACT"),
    ("accessibility", StandardPage, "ACCESSIBILITY"),
]
# Linked from every page's footer (templates/base.html), so not among the home page's sections.
FOOTER_ONLY = {"about", "contact", "accessibility"}


def _stream(blocks) -> list[dict]:
    """Content modules write (type, value) pairs; StreamField takes its raw JSON form."""
    return [{"type": kind, "value": value} for kind, value in blocks]


def _fill(page, content: dict) -> None:
    for name, value in content.items():
        setattr(page, name, _stream(value) if name == "body" else value)


def _publish(page) -> None:
    page.save_revision().publish()


def locales_ensure() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def home_ensure(default: Locale) -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=default, depth=2).first()
    if home is None:
        home = HomePage(slug="home-sorgu", locale=default, show_in_menus=False)
        _fill(home, CONTENT[default.language_code].HOME)
        root.add_child(instance=home)
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Wagtail's own welcome page, as bakerydemo's loader does: nothing points at it any more.
    for page in root.get_children().exclude(pk=home.pk).filter(title=WELCOME_TITLE):
        if type(page.specific) is Page:
            page.delete()
    return home


def sections_ensure(home: HomePage) -> dict[str, Page]:
    language = home.locale.language_code
    made = {}
    for slug, model, name in SECTIONS:
        page = home.get_children().filter(slug=slug).specific().first()
        if page is None:
            page = model(slug=slug, show_in_menus=slug not in FOOTER_ONLY)
            _fill(page, getattr(CONTENT[language], name))
            home.add_child(instance=page)
            _publish(page)
        made[slug] = page
    return made


def translations_ensure(pages: list[Page], locales: dict[str, Locale]) -> int:
    """Each page in every other language, parents first, with that language's content."""
    created = 0
    for page in pages:
        for code, locale in locales.items():
            if page.locale_id == locale.pk or page.has_translation(locale):
                continue
            copy = page.copy_for_translation(locale)
            content = CONTENT[code]
            name = (
                "HOME"
                if isinstance(page, HomePage)
                else dict((slug, name) for slug, _model, name in SECTIONS)[page.slug]
            )
            _fill(copy, getattr(content, name))
            copy.save()
            _publish(copy)
            created += 1
    return created


def _body_name(body, language: str) -> str:
    return getattr(body, f"name_{language}", "") or body.name_az


def body_sections_ensure(hub: DisclosureHubPage) -> int:
    """A disclosures section for every active body, in every language the hub is translated
    into, each titled with the body's name in that language."""
    created = 0
    language = hub.locale.language_code
    sections = {
        page.body_id: page for page in DisclosureIndexPage.objects.filter(locale=hub.locale)
    }
    for body in PublicBody.objects.filter(is_active=True).order_by("slug"):
        page = sections.get(body.pk)
        if page is None:
            page = DisclosureIndexPage(title=_body_name(body, language), slug=body.slug, body=body)
            hub.add_child(instance=page)
            _publish(page)
            created += 1
        for translation in hub.get_translations():
            locale = translation.locale
            if page.has_translation(locale):
                continue
            copy = page.copy_for_translation(locale)
            copy.title = _body_name(body, locale.language_code)
            copy.save()
            _publish(copy)
            created += 1
    return created
