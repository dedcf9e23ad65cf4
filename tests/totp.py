"""TOTP in tests: a secret for a person, and the code their authenticator app would show.

allauth checks a code against the clock it reads (``time.time()`` in its TOTP module); tests
freeze that clock at ``NOW`` (the autouse fixture in tests/conftest.py), and ``totp_code``
computes the code for the same instant, so a test never straddles a 30-second step.
allauth has no public helper for either, hence the patched module path here only.
"""

import base64
import hashlib
import hmac
import secrets
import struct
import types

from allauth.mfa.models import Authenticator

PERIOD = 30
NOW = 1_800_000_015  # the middle of a step (1_800_000_000 is a multiple of 30)
ALLAUTH_CLOCK = "allauth.mfa.totp.internal.auth.time"


def freeze_totp_clock(monkeypatch, at: int = NOW) -> None:
    monkeypatch.setattr(ALLAUTH_CLOCK, types.SimpleNamespace(time=lambda: at))


def totp_code(secret: str, at: int = NOW) -> str:
    """RFC 6238, as authenticator apps compute it."""
    counter = struct.pack(">Q", int(at) // PERIOD)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def wrong_code(secret: str) -> str:
    """A six-digit code that is surely not the right one."""
    return "000000" if totp_code(secret) != "000000" else "111111"


def give_totp(user) -> str:
    secret = base64.b32encode(secrets.token_bytes(20)).decode()
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": secret})
    return secret
