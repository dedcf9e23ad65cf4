from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from .blocks import body_blocks


class HomePage(Page):
    """The portal's front page: what it is, how to ask, live figures, latest answers and
    disclosures. One per language, each the root of that language's tree."""

    intro = RichTextField(blank=True, verbose_name=_("introduction"))
    how_to_request = RichTextField(
        blank=True,
        verbose_name=_("how to make a request"),
        help_text=_("A few short steps; link to the full guide."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("how_to_request")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.DisclosureHubPage",
        "cms.DisclosureLogIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # URLs carry no language: the visitor's language picks the tree (site.root_page.localized).
        # A page not translated yet is served from the default language's tree instead of a 404.
        try:
            return super().route(request, path_components)
        except Http404:
            fallback = self._default_locale_home()
            if fallback is None:
                raise
            return fallback.route(request, path_components)

    def _default_locale_home(self):
        try:
            default = Locale.get_default()
        except Locale.DoesNotExist:
            return None
        if self.locale_id == default.pk:
            return None
        return HomePage.objects.filter(translation_key=self.translation_key, locale=default).first()

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_page_context(home=self))
        return context

    def __str__(self) -> str:
        return self.title


class StandardPage(Page):
    """A page of prose: the guide to making a request, the law explained, the privacy notice."""

    intro = RichTextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
