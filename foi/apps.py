from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoiConfig(AppConfig):
    name = "foi"
    verbose_name = _("Requests for information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from foi.services.attachments import on_attachment_text_extracted
        from foi.signals import attachment_text_extracted

        # The text the search app reads from a released file, kept on the file (a write: ours).
        attachment_text_extracted.connect(
            on_attachment_text_extracted, dispatch_uid="foi.attachment_text"
        )

        # E-mail (foi/mail/): notices on every committed case event, replies and delivery
        # reports from anymail's webhooks, and the admin of the outbound log and holding pen.
        from anymail.signals import inbound, tracking
        from django.db.models.signals import post_save

        from foi.mail import admin as _mail_admin  # noqa: F401
        from foi.mail.inbound import on_inbound
        from foi.mail.notify import on_case_event_committed
        from foi.mail.suppression import remember_quiet_event
        from foi.mail.tracking import on_tracking
        from foi.models import CaseEvent
        from foi.signals import case_event_committed

        post_save.connect(remember_quiet_event, sender=CaseEvent, dispatch_uid="foi.mail.quiet")
        case_event_committed.connect(on_case_event_committed, dispatch_uid="foi.mail.notify")
        inbound.connect(on_inbound, dispatch_uid="foi.mail.inbound")
        tracking.connect(on_tracking, dispatch_uid="foi.mail.tracking")
