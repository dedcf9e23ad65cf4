"""allauth's account adapter, with our client address and one failed-login count per account."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter

from foi.auth.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        # allauth's own reading trusts ALLAUTH_TRUSTED_PROXY_COUNT hops of X-Forwarded-For;
        # ours trusts only the proxies we name (TRUSTED_PROXIES), the same for the API.
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth keys the per-account count by host name too; without the host, asking under
        # another allowed host name (or the API's) cannot start a fresh count.
        login = credentials.get("email", credentials.get("username", "")) or ""
        return f"login:{login.strip().lower()}"
