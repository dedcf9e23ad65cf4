"""Switching notices off for a stretch of work, e.g. while the demo loader replays months of
history: nobody should get sixty receipts for requests they never made.

Events are announced after their transaction commits, which may be after the block ends (when
an outer transaction holds them back), so the events themselves are remembered as quiet.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager

_suppressed: contextvars.ContextVar[bool] = contextvars.ContextVar("foi_mail_quiet", default=False)
# Hashes of events recorded while suppressed whose announcement is still to come (the process
# that records an event announces it). Hashes, not ids: a rolled-back id can be used again.
_quiet_events: set[str] = set()


@contextmanager
def notifications_suppressed():
    """Events recorded inside this block send no notices (the audit trail is unchanged)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def are_suppressed() -> bool:
    return _suppressed.get()


def remember_quiet_event(sender, instance, created=False, **kwargs) -> None:
    """post_save receiver for CaseEvent, connected in FoiConfig.ready()."""
    if created and are_suppressed():
        _quiet_events.add(instance.hash)


def is_quiet(event) -> bool:
    if are_suppressed():
        return True
    if event.hash in _quiet_events:
        _quiet_events.discard(event.hash)
        return True
    return False
