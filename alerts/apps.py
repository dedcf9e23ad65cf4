from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Saved searches: their digests (``alerts_digest``, run by the daily sweep) and feeds."""

    name = "alerts"
    verbose_name = _("Saved searches")
    default_auto_field = "django.db.models.BigAutoField"
