from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import indexing, registry
        from search.providers.pages import PageProvider
        from search.providers.requests import RequestProvider

        registry.register(RequestProvider())
        # Disclosures are Wagtail pages that declare ``search_kind = "disclosure"`` (see
        # search/providers/pages.py and docs/architecture.md): cms plugs in without code here.
        registry.register(PageProvider(kind="disclosure", label=_("Disclosures")))
        indexing.connect_providers()
