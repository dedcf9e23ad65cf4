"""The per-request reply address and the bodies' mail domains. Pure functions.

``req-<reference>-<hmac>@<FOI_MAIL_DOMAIN>``, and for a letter to an appeal's reviewing body
``apl-<appeal id>-<reference>-<hmac>@...`` (its replies land on the same case, from the
reviewing body when they come from its domains: mail.inbound). The check code is an HMAC of the
reference (and the appeal) keyed by the reply-address keys (FOI_REPLY_ADDRESS_KEYS: the first
signs, every one verifies; without them, SECRET_KEY and its fallbacks), so nobody can write onto
a case by guessing its reference, and SECRET_KEY can be rotated without sending later replies to
the holding pen. Mail servers may change the case of the local part, so references and codes are
compared without case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import constant_time_compare, salted_hmac

CODE_LENGTH = 12
_LOCAL = re.compile(
    rf"^req-(?P<reference>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<code>[0-9a-f]{{{CODE_LENGTH}}})$"
)
_APPEAL_LOCAL = re.compile(
    rf"^apl-(?P<appeal>[0-9]+)-(?P<reference>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<code>[0-9a-f]{{{CODE_LENGTH}}})$"
)
_DOMAIN_SPLIT = re.compile(r"[\s,;]+")


def mail_domain() -> str:
    return settings.FOI_MAIL_DOMAIN.lower()


def reply_keys() -> list[str]:
    """The keys reply addresses are checked with, the one that signs new ones first
    (docs/security.md, "Reply addresses")."""
    keys = [key for key in getattr(settings, "FOI_REPLY_ADDRESS_KEYS", None) or [] if key]
    if not keys:
        # Before the setting existed the codes were keyed by SECRET_KEY: they still check out.
        keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not keys or not keys[0]:
        raise ImproperlyConfigured("No key to sign reply addresses with.")
    return keys


def reply_code(reference: str, key: str | None = None) -> str:
    """The check code of a reference under ``key`` (by default the signing key)."""
    secret = reply_keys()[0] if key is None else key
    digest = salted_hmac("mail.reply-address", reference.upper(), secret=secret, algorithm="sha256")
    return digest.hexdigest()[:CODE_LENGTH]


def reply_address(reference: str) -> str:
    return f"req-{reference.lower()}-{reply_code(reference)}@{mail_domain()}"


def appeal_reply_code(reference: str, appeal_id: int, key: str | None = None) -> str:
    """The check code of an appeal's reply address: the reference and the appeal together."""
    return reply_code(f"{reference.upper()}:appeal:{int(appeal_id)}", key)


def appeal_reply_address(reference: str, appeal_id: int) -> str:
    """Where the reviewing body of appeal ``appeal_id`` on the request replies."""
    code = appeal_reply_code(reference, appeal_id)
    return f"apl-{int(appeal_id)}-{reference.lower()}-{code}@{mail_domain()}"


@dataclass(frozen=True)
class ParsedAddress:
    reference: str
    code_ok: bool
    appeal_id: int | None = None


def split(address: str) -> tuple[str, str]:
    local, _at, domain = (address or "").strip().rpartition("@")
    return local.lower(), domain.lower().rstrip(".")


def parse_reply_address(address: str) -> ParsedAddress | None:
    """The reference (and the appeal, for an appeal's address) and whether the code checks
    out, for an address of ours shaped like a reply address; None for anything else."""
    local, domain = split(address)
    if domain != mail_domain():
        return None
    found = _LOCAL.match(local)
    appeal = None
    if found is None:
        found = _APPEAL_LOCAL.match(local)
        if found is None:
            return None
        appeal = int(found["appeal"])
    reference = found["reference"].upper()
    code_ok = False
    for key in reply_keys():  # every key, so the time taken does not tell which one matched
        expected = (
            reply_code(reference, key)
            if appeal is None
            else appeal_reply_code(reference, appeal, key)
        )
        code_ok |= constant_time_compare(found["code"], expected)
    return ParsedAddress(reference, code_ok, appeal)


def body_mail_domains(body) -> set[str]:
    """The domains a body writes from: its listed ones and its request address's."""
    domains = {d.lower().strip(".@") for d in _DOMAIN_SPLIT.split(body.email_domains or "") if d}
    if body.request_email:
        domains.add(split(body.request_email)[1])
    return {d for d in domains if d}


def sender_belongs_to(address: str, body) -> bool:
    """The sender's domain is one of the body's, or a subdomain of one."""
    domain = split(address)[1]
    if not domain:
        return False
    return any(domain == d or domain.endswith("." + d) for d in body_mail_domains(body))
