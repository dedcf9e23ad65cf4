"""allauth's account adapter, with our client address and one failed-login count per account."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from foi.auth.client_ip import client_ip


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
