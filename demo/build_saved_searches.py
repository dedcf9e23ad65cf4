"""Saved searches in the demo: Tural keeps two (one e-mailed daily, one weekly), saved a month
ago, so that ``manage.py alerts_digest`` after loading the demo e-mails him what was answered
since (to the console in development) and his feeds under /me/searches/ list it.

Made through the service; loading the demo again adds nothing (the same search is refused).
A search backend that does not answer leaves the demo without them."""

from __future__ import annotations

from datetime import timedelta

from alerts.services import saved_search_create
from core import clock
from core.errors import ServiceError

SEARCHES = [
    {"query": "büdcə", "frequency": "daily", "name": "Büdcə"},
    {"query": "", "filters": {"outcome": "full"}, "frequency": "weekly", "name": "Tam cavablar"},
]


def saved_searches_load(*, person) -> int:
    if person is None:
        return 0
    made = 0
    with clock.travel(clock.now() - timedelta(days=30)):
        for values in SEARCHES:
            try:
                saved_search_create(user=person, **values)
            except ServiceError:
                continue  # already saved, or search is down
            made += 1
    return made
