from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoiConfig(AppConfig):
    name = "foi"
    verbose_name = _("Requests for information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from foi import pagecache
        from foi.deadlines import declared
        from foi.selectors.calendars import declared_days_snapshot
        from foi.services.attachments import on_attachment_text_extracted
        from foi.signals import attachment_text_extracted

        # The text the search app reads from a released file, kept on the file (a write: ours).
        attachment_text_extracted.connect(
            on_attachment_text_extracted, dispatch_uid="foi.attachment_text"
        )
        # The working calendar reads the declared non-working days through this loader.
        declared.set_loader(declared_days_snapshot)
        # Which writes make the anonymous page cache's public pages stale (foi/pagecache.py).
        pagecache.connect()
        # A name vouched for by the state identity provider, kept when its sign-in completes.
        from foi.auth import social

        social.connect()
