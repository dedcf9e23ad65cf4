"""The workflow's notion of "now", which the demo loader and the tests can move.

Services and conditions read ``clock.now()``; ``clock.travel(moment)`` makes everything inside
it happen at ``moment`` (used to build a demo history that spans months, and in tests).
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from datetime import datetime

from django.utils import timezone

_travelled_to: contextvars.ContextVar[datetime | None] = contextvars.ContextVar(
    "foi_clock", default=None
)


def now() -> datetime:
    return _travelled_to.get() or timezone.now()


@contextmanager
def travel(moment: datetime):
    if timezone.is_naive(moment):
        raise ValueError("travel() needs an aware datetime")
    token = _travelled_to.set(moment)
    try:
        yield moment
    finally:
        _travelled_to.reset(token)
