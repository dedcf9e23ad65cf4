"""The client's address: X-Forwarded-For is believed only from the proxies named in
TRUSTED_PROXIES, read from the right; allauth's rate limits and the API's throttle use it."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from foi.auth.client_ip import client_ip
from foi.auth.throttling import ClientScopedRateThrottle


def request_from(peer: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded", "client"),
    [
        # No proxies configured: the header is whatever the caller typed; ignored.
        ([], "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        ([], "203.0.113.7", "198.51.100.1, 10.0.0.1", "203.0.113.7"),
        # A proxy of ours appended the address it saw.
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.7", "203.0.113.7"),
        # ... after what the client itself wrote, which is not believed.
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 5.6.7.8, 203.0.113.7", "203.0.113.7"),
        # Two proxies of ours in a row (a load balancer, then nginx).
        (
            ["10.0.0.0/8", "192.0.2.10"],
            "10.0.0.2",
            "1.2.3.4, 203.0.113.7, 192.0.2.10",
            "203.0.113.7",
        ),
        # A caller that reaches the app server directly is its own address, header or not.
        (["10.0.0.0/8"], "203.0.113.9", "10.0.0.5", "203.0.113.9"),
        # Garbage where a proxy would have written an address: the last hop we trust.
        (["10.0.0.0/8"], "10.0.0.2", "not-an-address", "10.0.0.2"),
        (["10.0.0.0/8"], "10.0.0.2", "", "10.0.0.2"),
        (["10.0.0.0/8"], "10.0.0.2", None, "10.0.0.2"),
        # Ports, IPv6, and IPv4 peers seen by a server listening on IPv6.
        (["10.0.0.0/8"], "::ffff:10.0.0.2", "203.0.113.7", "203.0.113.7"),
        ([], "::ffff:203.0.113.7", None, "203.0.113.7"),
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.7:5123", "203.0.113.7"),
        (["2001:db8:1::/48"], "2001:db8:1::2", "2001:db8:ffff::9", "2001:db8:ffff::9"),
        (["2001:db8:1::/48"], "2001:db8:1::2", "[2001:db8:ffff::9]:443", "2001:db8:ffff::9"),
    ],
)
def test_the_client_address(settings, proxies, peer, forwarded, client):
    settings.TRUSTED_PROXIES = proxies
    assert client_ip(request_from(peer, forwarded)) == client


def test_allauth_and_the_api_throttle_read_the_same_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = request_from("10.0.0.2", "6.6.6.6, 203.0.113.7")
    assert get_adapter(request).get_client_ip(request) == "203.0.113.7"
    assert ClientScopedRateThrottle().get_ident(request) == "203.0.113.7"


def test_without_trusted_proxies_a_forged_header_changes_nothing(settings):
    settings.TRUSTED_PROXIES = []
    idents = {
        ClientScopedRateThrottle().get_ident(request_from("203.0.113.7", f"198.51.100.{n}"))
        for n in range(50)
    }
    assert idents == {"203.0.113.7"}


def test_an_ipv6_client_is_counted_by_its_network_as_allauth_does(settings):
    settings.TRUSTED_PROXIES = []
    idents = {
        ClientScopedRateThrottle().get_ident(request_from(f"2001:db8:aa:bb::{n:x}"))
        for n in range(1, 50)
    }
    assert idents == {"2001:db8:aa:bb::"}
    assert ClientScopedRateThrottle().get_ident(request_from("203.0.113.7")) == "203.0.113.7"
