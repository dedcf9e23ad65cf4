"""Days a government declared non-working on top of the ``holidays`` package (``DeclaredDay``).

The calendar stays free of database access: it asks this module, which keeps a snapshot of
every country's declared days in the process, filled by a loader that ``FoiConfig.ready()``
registers (``foi.selectors.declared_days_snapshot``). ``forget()`` drops the snapshot in this
process and moves a generation stamp in the shared cache, so that the other processes reload
theirs at their next look (at most every ``FOI_DECLARED_DAYS_CHECK_SECONDS``).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

GENERATION_KEY = "foi:declared-days:generation"
FALLBACK_ORDER = ("en", "az", "ru")


@dataclass(frozen=True)
class Declared:
    day: date
    kind: str
    basis: str
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, language: str | None = None) -> str:
        wanted = (language or translation.get_language() or "en")[:2]
        for code in (wanted, *FALLBACK_ORDER):
            if self.names.get(code):
                return self.names[code]
        return self.day.isoformat()


Snapshot = dict[str, dict[date, Declared]]

_loader: Callable[[], Snapshot] | None = None
_snapshot: Snapshot | None = None
_generation: str | None = None
_checked_at = 0.0
_lock = threading.Lock()


def set_loader(loader: Callable[[], Snapshot]) -> None:
    global _loader
    _loader = loader


def _shared_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY) or ""
    return generation


def _current() -> Snapshot:
    global _snapshot, _generation, _checked_at
    every = getattr(settings, "FOI_DECLARED_DAYS_CHECK_SECONDS", 10)
    now = time.monotonic()
    if _snapshot is not None and now - _checked_at < every:
        return _snapshot
    with _lock:
        generation = _shared_generation()
        if _snapshot is None or generation != _generation:
            _snapshot = _loader() if _loader else {}
            _generation = generation
        _checked_at = now
        return _snapshot


def declared_days(country: str) -> Mapping[date, Declared]:
    """The declared days of ``country`` (its ``holidays`` code), by date."""
    return _current().get(country, {})


def declared_on(country: str, day: date) -> Declared | None:
    return declared_days(country).get(day)


def forget() -> None:
    """The declared days changed: reload them here now, and elsewhere at the next look."""
    global _snapshot, _checked_at
    with _lock:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
        _snapshot, _checked_at = None, 0.0


def prime(snapshot: Snapshot) -> None:
    """Use ``snapshot`` as the current days (tests start each case from an empty one)."""
    global _snapshot, _generation, _checked_at
    with _lock:
        _snapshot, _generation, _checked_at = snapshot, _shared_generation(), time.monotonic()
