"""allauth's account adapter, with our client address, one failed-login count per account, and
allauth's e-mails in the site's voice and in the recipient's language."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from foi.auth.client_ip import client_ip


def recipient_language(user, fallback: str | None = None) -> str:
    """The language of an e-mail to ``user``: their preferred language when it is one of the
    site's, otherwise ``fallback`` (the request's language), otherwise the site's default."""
    known = {code for code, _name in settings.LANGUAGES}
    for language in (getattr(user, "preferred_language", ""), fallback):
        if language and language in known:
            return language
    return settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Letters and notices go out in the person's language: at first, the one they signed up
        # in (the page's active language). They change it on their profile.
        language = translation.get_language() or ""
        choices = {
            code for code, _label in type(user)._meta.get_field("preferred_language").choices
        }
        if language[:2] in choices:
            user.preferred_language = language[:2]
        return super().save_user(request, user, form, commit=commit)

    def get_client_ip(self, request) -> str:
        # allauth's own reading trusts ALLAUTH_TRUSTED_PROXY_COUNT hops of X-Forwarded-For;
        # ours trusts only the proxies we name (TRUSTED_PROXIES), the same for the API.
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth keys the per-account count by host name too; without the host, asking under
        # another allowed host name (or the API's) cannot start a fresh count.
        login = credentials.get("email", credentials.get("username", "")) or ""
        return f"login:{login.strip().lower()}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every allauth e-mail (templates/account/email/, templates/mfa/email/) in the layout of
        our own notices (templates/email/base.html): the site's name and address from settings,
        never the host the request came to; to a known account in its preferred language, to an
        unknown address in the language of the page that sent it."""
        user = context.get("user") or self._user_of(email)
        language = recipient_language(user, translation.get_language())
        values = {
            "site_name": "Sorğu",
            "site_url": settings.FOI_SITE_URL.rstrip("/"),
            "language": language,
            **context,
        }
        with translation.override(language):
            super().send_mail(template_prefix, email, values)

    @staticmethod
    def _user_of(email: str):
        if not email:
            return None
        return get_user_model().objects.filter(email__iexact=email).first()
