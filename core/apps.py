from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app may use and that knows no domain: the clock, text folding, paging, the
    task queue and the tasks it keeps while the queue is down, the service error types, the CSV
    cell guard, file sniffing. It imports no other app of the project."""

    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"
