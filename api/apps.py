from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public REST API (/api/v1/) over requests, search and the statistics."""

    name = "api"
    verbose_name = _("REST API")
