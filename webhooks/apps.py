from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Signed HTTP deliveries of committed case events to the systems that subscribed."""

    name = "webhooks"
    verbose_name = _("Webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from foi.signals import case_event_committed
        from webhooks.services import on_case_event_committed

        case_event_committed.connect(on_case_event_committed, dispatch_uid="webhooks.fanout")
