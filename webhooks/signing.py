"""The signature of a delivery: HMAC-SHA256, keyed with the subscription's secret, over
``<timestamp>.<body>`` (docs/webhooks.md shows a receiver checking it)."""

from __future__ import annotations

import hashlib
import hmac

# How old a delivery's timestamp may be when a receiver checks it (docs/webhooks.md).
REPLAY_WINDOW_SECONDS = 300


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-Sorgu-Signature`` header's value."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


def headers(*, secret: str, timestamp: int, body: bytes, kind: str, delivery_id: str) -> dict:
    return {
        "Content-Type": "application/json",
        "User-Agent": "Sorgu-Webhooks/1",
        "X-Sorgu-Event": kind,
        "X-Sorgu-Delivery": delivery_id,
        "X-Sorgu-Timestamp": str(timestamp),
        "X-Sorgu-Signature": signature(secret=secret, timestamp=timestamp, body=body),
    }
