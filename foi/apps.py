from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoiConfig(AppConfig):
    name = "foi"
    verbose_name = _("Requests for information")
    default_auto_field = "django.db.models.BigAutoField"
