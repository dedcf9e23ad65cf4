from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """E-mail in and out: notices on every committed case event, letters to bodies, replies
    and delivery reports from anymail's webhooks, the holding pen and the daily sweep."""

    name = "mail"
    verbose_name = _("E-mail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from anymail.signals import inbound, tracking
        from django.db.models.signals import post_save

        from foi.models import CaseEvent
        from foi.signals import (
            batch_decided,
            body_suggestion_decided,
            case_event_committed,
            requester_invited,
        )
        from mail.batches import on_batch_decided
        from mail.bodies import on_body_suggestion_decided
        from mail.inbound import on_inbound
        from mail.notify import on_case_event_committed, on_requester_invited
        from mail.suppression import remember_quiet_event
        from mail.tracking import on_tracking

        post_save.connect(remember_quiet_event, sender=CaseEvent, dispatch_uid="mail.quiet")
        case_event_committed.connect(on_case_event_committed, dispatch_uid="mail.notify")
        body_suggestion_decided.connect(
            on_body_suggestion_decided, dispatch_uid="mail.body_suggestion"
        )
        requester_invited.connect(on_requester_invited, dispatch_uid="mail.invitation")
        batch_decided.connect(on_batch_decided, dispatch_uid="mail.batch")
        inbound.connect(on_inbound, dispatch_uid="mail.inbound")
        tracking.connect(on_tracking, dispatch_uid="mail.tracking")
