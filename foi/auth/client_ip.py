"""The client's address, for rate limits and logs.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only as far as
our own proxies vouch for it: the peer (``REMOTE_ADDR``) must be one of ``TRUSTED_PROXIES``
(a list of addresses or CIDR networks), and the header is then read from the right, skipping
entries that are themselves trusted proxies; the first other address is the client. With no
trusted proxies configured the header is ignored and the peer is the client.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(configured: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in configured if entry)


def trusted_networks() -> tuple[Network, ...]:
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))


def _address(text: str):
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # "::ffff:10.0.0.2", from a server listening on IPv6, is the IPv4 peer 10.0.0.2.
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted(address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request) -> str:
    """The address of whoever sent ``request`` (a Django or DRF request), as text."""
    meta = request.META
    peer = _address(meta.get("REMOTE_ADDR", "") or "")
    if peer is None:
        return meta.get("REMOTE_ADDR", "") or "0.0.0.0"
    networks = trusted_networks()
    if not networks or not _is_trusted(peer, networks):
        return str(peer)
    client = peer
    for entry in reversed(meta.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(entry)
        if address is None:
            # Not written by a proxy of ours: the last hop we trust saw the real sender.
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)


def client_network(request) -> str:
    """What rate limits count by: the client's address, or for IPv6 its network of
    ALLAUTH_RATE_LIMIT_IPV6_PREFIX bits (/64), which one subscriber usually holds whole, as
    allauth's own limits do."""
    from allauth import app_settings

    text = client_ip(request)
    address = _address(text)
    if address is None or address.version == 4:
        return text
    prefix = app_settings.RATE_LIMIT_IPV6_PREFIX
    return str(ipaddress.IPv6Network(f"{address}/{prefix}", strict=False).network_address)
