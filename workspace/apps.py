from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The agency workspace inside the Wagtail admin: the queue, the case, the actions, the
    appeals and the reports of a body's officers, coordinators and appeal reviewers."""

    name = "workspace"
    verbose_name = _("Agency workspace")

    def ready(self):
        from workspace import sidebar

        sidebar.install()
