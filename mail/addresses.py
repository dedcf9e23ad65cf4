"""The per-request reply address and the bodies' mail domains. Pure functions.

``req-<reference>-<hmac>@<FOI_MAIL_DOMAIN>``: the check code is an HMAC of the reference keyed
by SECRET_KEY, so nobody can write onto a case by guessing its reference. Mail servers may change
the case of the local part, so references and codes are compared without case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

CODE_LENGTH = 12
_LOCAL = re.compile(
    rf"^req-(?P<reference>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<code>[0-9a-f]{{{CODE_LENGTH}}})$"
)
_DOMAIN_SPLIT = re.compile(r"[\s,;]+")


def mail_domain() -> str:
    return settings.FOI_MAIL_DOMAIN.lower()


def reply_code(reference: str) -> str:
    digest = salted_hmac("mail.reply-address", reference.upper(), algorithm="sha256")
    return digest.hexdigest()[:CODE_LENGTH]


def reply_address(reference: str) -> str:
    return f"req-{reference.lower()}-{reply_code(reference)}@{mail_domain()}"


@dataclass(frozen=True)
class ParsedAddress:
    reference: str
    code_ok: bool


def split(address: str) -> tuple[str, str]:
    local, _at, domain = (address or "").strip().rpartition("@")
    return local.lower(), domain.lower().rstrip(".")


def parse_reply_address(address: str) -> ParsedAddress | None:
    """The reference and whether the code checks out, for an address of ours shaped like a
    reply address; None for anything else."""
    local, domain = split(address)
    if domain != mail_domain():
        return None
    found = _LOCAL.match(local)
    if found is None:
        return None
    reference = found["reference"].upper()
    return ParsedAddress(reference, constant_time_compare(found["code"], reply_code(reference)))


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
