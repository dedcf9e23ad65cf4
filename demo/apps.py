from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Everything `load_demo_data` builds: bodies, accounts, requests through the real
    services, pages and disclosures. Only its management commands are imported from outside."""

    name = "demo"
    verbose_name = _("Demo data")
