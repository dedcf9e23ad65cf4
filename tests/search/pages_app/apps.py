from django.apps import AppConfig


class PagesAppConfig(AppConfig):
    """A page model for the tests of search's page provider only (installed by test settings):
    the CMS's own disclosure pages adopt the same interface (docs/architecture.md)."""

    name = "tests.search.pages_app"
    label = "search_test_pages"
    default_auto_field = "django.db.models.BigAutoField"
