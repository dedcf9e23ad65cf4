"""allauth's e-mails in the site's voice: our greeting and footer (never "Hello from <host>"),
an HTML alternative in the layout of our notices, and the recipient's language."""

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone, translation

from tests.factories import UserFactory

# Every e-mail we override, with what allauth puts in its context.
MAILS = {
    "account/email/email_confirmation": {
        "activate_url": "https://sorgu.example/accounts/confirm-email/k/"
    },
    "account/email/email_confirmation_signup": {
        "activate_url": "https://sorgu.example/accounts/confirm-email/k/"
    },
    "account/email/password_reset_key": {
        "password_reset_url": "https://sorgu.example/accounts/password/reset/key/1-x/"
    },
    "account/email/password_reset_code": {"code": "ABC123"},
    "account/email/login_code": {"code": "ABC123"},
    "account/email/account_already_exists": {
        "password_reset_url": "https://sorgu.example/accounts/password/reset/"
    },
    "account/email/unknown_account": {"signup_url": "https://sorgu.example/accounts/signup/"},
    "account/email/email_changed": {"from_email": "old@example.org", "to_email": "new@example.org"},
    "account/email/email_confirm": {},
    "account/email/email_deleted": {"deleted_email": "old@example.org"},
    "account/email/password_changed": {},
    "account/email/password_reset": {},
    "account/email/password_set": {},
    "mfa/email/totp_activated": {},
    "mfa/email/totp_deactivated": {},
    "mfa/email/recovery_codes_generated": {},
}
NOTIFICATIONS = {
    "email_changed",
    "email_confirm",
    "email_deleted",
    "password_changed",
    "password_reset",
    "password_set",
    "totp_activated",
    "totp_deactivated",
    "recovery_codes_generated",
}
FOOTER = "Sent by Sorğu, the tracker of requests for information: %(site_url)s"


def _send(prefix, email, *, page_language, user=None):
    request = RequestFactory().get("/accounts/", HTTP_HOST="127.0.0.1:8101")
    request.LANGUAGE_CODE = page_language
    context = dict(MAILS[prefix])
    if user is not None:
        context["user"] = user
    if prefix.rsplit("/", 1)[1] in NOTIFICATIONS:
        context.update(timestamp=timezone.now(), ip="203.0.113.7", user_agent="Firefox")
    mail.outbox.clear()
    with translation.override(page_language), request_context(request):
        get_adapter(request).send_mail(prefix, email, context)
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def _footer(language):
    with translation.override(language):
        return translation.gettext(FOOTER).split(":")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", sorted(MAILS))
@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_allauth_mail_is_ours_in_the_recipients_language(prefix, language, settings):
    settings.FOI_SITE_URL = "https://sorgu.example"
    user = UserFactory(email="nigar@example.org", preferred_language=language)
    # The page that sent it was in another language: the account's own language wins.
    page_language = "en" if language != "en" else "az"
    message = _send(prefix, user.email, page_language=page_language, user=user)

    html = dict((mime, body) for body, mime in message.alternatives)["text/html"]
    for body in (message.body, html):
        assert "Hello from" not in body
        assert "127.0.0.1" not in body and "8101" not in body
        assert "Sorğu" in body
        assert _footer(language) in body
    assert f'<html lang="{language}">' in html
    assert "https://sorgu.example" in message.body
    assert message.subject.startswith("[Sorğu] ")
    assert message.to == ["nigar@example.org"]
    for value in MAILS[prefix].values():
        assert value in message.body and value in html


@pytest.mark.django_db
def test_mail_to_a_known_address_without_user_in_context_uses_the_accounts_language():
    UserFactory(email="ru@example.org", preferred_language="ru")
    message = _send("account/email/account_already_exists", "RU@example.org", page_language="en")
    assert _footer("ru") in message.body
    assert _footer("ru") != _footer("en")


@pytest.mark.django_db
def test_mail_to_an_unknown_address_is_in_the_pages_language():
    message = _send("account/email/unknown_account", "nobody@example.org", page_language="ru")
    assert _footer("ru") in message.body
    message = _send("account/email/unknown_account", "nobody@example.org", page_language="az")
    assert _footer("az") in message.body


@pytest.mark.django_db
def test_a_language_the_site_does_not_have_falls_back_to_the_pages():
    user = UserFactory(email="xx@example.org", preferred_language="xx")
    message = _send("account/email/password_changed", user.email, page_language="ru", user=user)
    assert _footer("ru") in message.body
