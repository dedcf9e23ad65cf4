"""Fees in the public statistics: how many public requests received in the period each fee
class holds, and how many estimates were sent, paid, waived and left unpaid (docs/laws.md,
"Fees"). Kept apart from ``publicstats.figures`` and its stored sums: one live query, cached
like the other figures, over what an anonymous visitor may see."""

from __future__ import annotations

from datetime import date, datetime

from foi.selectors.fees import fee_counts
from publicstats.figures import _cached


def fee_statistics(
    *, date_from: date, date_to: date, body=None, now: datetime | None = None
) -> dict:
    """``{"by_class": {"free", "discounted", "paid", "unclassed": int}, "estimated", "paid",
    "waived", "closed_unpaid", "awaiting_payment": int}`` over the public requests received
    (first) in the period, under laws with fees, of ``body`` if given."""

    def compute(now):
        return fee_counts(date_from=date_from, date_to=date_to, body=body)

    key = f"fees:{body.pk if body is not None else 'all'}:{date_from}:{date_to}"
    return _cached(key, now, compute)


def has_fees(result: dict) -> bool:
    """Whether there is anything to show: a class recorded or an estimate sent."""
    classed = sum(v for k, v in result["by_class"].items() if k != "unclassed")
    return bool(classed or result["estimated"])
