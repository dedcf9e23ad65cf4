"""E-mail tests run on anymail's test backend (sent mail lands in ``mail.outbox`` with the
parameters anymail would send), with webhook credentials set as production requires."""

import pytest
from django.core import mail
from django.core.cache import cache

from mail.models import OutboundEmail

WEBHOOK_SECRET = "anymail:webhook-secret-for-tests"
MAILGUN_SIGNING_KEY = "mailgun-webhook-signing-key-for-tests"
MAIL_DOMAIN = "sorgu.example"


@pytest.fixture(autouse=True)
def mail_settings(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = {
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "MAILGUN_WEBHOOK_SIGNING_KEY": MAILGUN_SIGNING_KEY,
    }
    settings.FOI_MAIL_DOMAIN = MAIL_DOMAIN
    settings.FOI_SITE_URL = "https://sorgu.example"
    settings.DEFAULT_FROM_EMAIL = "Sorğu <noreply@sorgu.example>"
    mail.outbox = []
    cache.clear()  # the webhook tokens seen (mail/webhooks.py) belong to one test
    return settings


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block and then what it scheduled on commit (and what that scheduled), as a
    real commit would: the case event's signal, the notify task, each send."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        return result

    return run


def sent(kind=None):
    """(kind, to) of every logged e-mail, optionally of one kind."""
    rows = OutboundEmail.objects.order_by("pk")
    if kind:
        rows = rows.filter(kind=kind)
    return [(row.kind, row.to_email) for row in rows]


def outbox_to(address):
    return [email for email in mail.outbox if address in email.to]
