"""Which addresses a delivery may go to. A webhook makes the portal send requests where a user
says, so a careless check would let anyone reach the portal's own network (SSRF): the host is
resolved and every address it resolves to must be a public one, unless a setting allows more
(``WEBHOOKS_ALLOW_PRIVATE_ADDRESSES``, on in DEBUG and tests). Checked when a subscription is
saved and again before each attempt, since a name can resolve elsewhere later."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from core.errors import InvalidInput


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def url_check(url: str) -> None:
    """Raises InvalidInput with one sentence if the portal must not send to ``url``."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise InvalidInput(_("That is not a valid address.")) from error
    allowed = ("https", "http") if settings.WEBHOOKS_ALLOW_HTTP else ("https",)
    if parts.scheme not in allowed:
        raise InvalidInput(_("The address must start with https://."))
    if not parts.hostname:
        raise InvalidInput(_("The address names no host."))
    if parts.username or parts.password:
        raise InvalidInput(_("Put no user name or password in the address; use the secret."))
    if settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES:
        return
    try:
        infos = socket.getaddrinfo(
            parts.hostname,
            port or (443 if parts.scheme == "https" else 80),
            proto=socket.IPPROTO_TCP,
        )
    except (OSError, UnicodeError) as error:
        raise InvalidInput(_("The address's host could not be found.")) from error
    if not infos or not all(_is_public(info[4][0]) for info in infos):
        raise InvalidInput(
            _("The address points to a private, local or reserved network; use a public one.")
        )
