"""An RFC 3161 timestamp of each published audit root, when ``FOI_AUDIT_TSA_URL`` names a
timestamping authority (standard library only: the request is a few bytes of DER).

The message imprint is the root's chained ``hash`` itself (SHA-256 of its canonical record), so
``openssl ts -verify -digest <hash> -token_in -in token.der -CAfile <the TSA's CA>`` checks the
stored token against the published root. Sorğu keeps the token the authority sent and checks only
that it answered "granted" for this digest; verifying its signature is for whoever relies on it.
"""

from __future__ import annotations

import logging
import secrets
import urllib.request

logger = logging.getLogger(__name__)

# AlgorithmIdentifier for SHA-256 (OID 2.16.840.1.101.3.4.2.1) with NULL parameters.
SHA256_ALGORITHM = bytes.fromhex("300d06096086480165030402010500")
CONTENT_TYPE = "application/timestamp-query"
TIMEOUT = 10


class TimestampError(Exception):
    pass


def _der(tag: int, content: bytes) -> bytes:
    length = len(content)
    if length < 0x80:
        return bytes([tag, length]) + content
    size = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + content


def _integer(value: int) -> bytes:
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def timestamp_request(digest: bytes, nonce: int | None = None) -> bytes:
    """A DER TimeStampReq (RFC 3161 2.4.1): version 1, the SHA-256 imprint, a nonce, and
    certReq so that the token carries the authority's certificate."""
    imprint = _der(0x30, SHA256_ALGORITHM + _der(0x04, digest))
    body = _integer(1) + imprint
    if nonce is not None:
        body += _integer(nonce)
    return _der(0x30, body + _der(0x01, b"\xff"))


def _element(data: bytes, start: int) -> tuple[int, int, int]:
    """(tag, content start, end) of the DER element at ``start``."""
    if start + 2 > len(data):
        raise TimestampError("truncated answer")
    tag, length = data[start], data[start + 1]
    position = start + 2
    if length & 0x80:
        count = length & 0x7F
        if not 0 < count <= 4 or position + count > len(data):
            raise TimestampError("bad length")
        length = int.from_bytes(data[position : position + count], "big")
        position += count
    if position + length > len(data):
        raise TimestampError("truncated answer")
    return tag, position, position + length


def token_from_response(response: bytes, digest: bytes) -> bytes:
    """The timeStampToken of a DER TimeStampResp (RFC 3161 2.4.2), if the authority granted it
    for ``digest``."""
    tag, start, end = _element(response, 0)
    if tag != 0x30:
        raise TimestampError("not a TimeStampResp")
    tag, status_start, status_end = _element(response, start)
    if tag != 0x30:
        raise TimestampError("no status")
    tag, value_start, value_end = _element(response, status_start)
    if tag != 0x02 or int.from_bytes(response[value_start:value_end], "big") not in (0, 1):
        raise TimestampError("the authority did not grant the timestamp")
    if status_end >= end:
        raise TimestampError("no token")
    _tag, _token_start, token_end = _element(response, status_end)
    token = response[status_end:token_end]
    if _der(0x04, digest) not in token:
        raise TimestampError("the token is for another digest")
    return token


def timestamp_digest(url: str, digest: bytes) -> bytes | None:
    """Ask the authority at ``url`` to timestamp ``digest``; the token, or None (logged) when
    it cannot be had: a root is published all the same."""
    request = urllib.request.Request(
        url,
        data=timestamp_request(digest, nonce=secrets.randbits(63)),
        headers={"Content-Type": CONTENT_TYPE},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return token_from_response(answer.read(1 << 20), digest)
    except (OSError, TimestampError) as error:
        logger.warning("No RFC 3161 timestamp from %s: %s", url, error)
        return None
