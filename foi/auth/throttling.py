"""DRF throttles keyed by the real client address (foi.auth.client_ip; an IPv6 client by its
/64), not by whatever ``X-Forwarded-For`` the caller sends (DRF's own reading without
NUM_PROXIES)."""

from __future__ import annotations

from rest_framework.throttling import ScopedRateThrottle

from foi.auth.client_ip import client_network


class ClientScopedRateThrottle(ScopedRateThrottle):
    def get_ident(self, request) -> str:
        return client_network(request)
