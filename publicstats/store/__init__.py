"""The public statistics' stored facts and sums (models in ``publicstats.models``):

- ``sums``: what a set of requests' facts sum to (``Sums``), and the SQL that sums them;
- ``refresh``: keeping the facts and the monthly and yearly sums current (on every committed
  change of a request, in the daily sweep, and ``rebuild`` after a bulk load);
- ``periods``: reading a period's sums for the pages and the API (``period_sums``).

The names callers use are here.
"""

from publicstats.store.periods import PeriodSums, period_sums, public_q
from publicstats.store.refresh import (
    rebuild,
    rebuild_months,
    refresh_months,
    refresh_recent,
    refresh_requests,
    schedule,
)
from publicstats.store.sums import Sums, median, month_start, sums_of

__all__ = [
    "PeriodSums",
    "Sums",
    "median",
    "month_start",
    "period_sums",
    "public_q",
    "rebuild",
    "rebuild_months",
    "refresh_months",
    "refresh_recent",
    "refresh_requests",
    "schedule",
    "sums_of",
]
