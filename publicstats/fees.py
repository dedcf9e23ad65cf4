"""Fees in the public statistics: how many public requests received in the period each fee
class holds, and how many estimates were sent, paid, waived and left unpaid (docs/laws.md,
"Fees"). Counted with the other figures, from the stored sums (``publicstats.store``), over
the bodies whose law lets them charge fees."""

from __future__ import annotations

from publicstats.figures import fee_statistics

__all__ = ["fee_statistics", "has_fees"]


def has_fees(result: dict) -> bool:
    """Whether there is anything to show: a class recorded or an estimate sent."""
    classed = sum(v for k, v in result["by_class"].items() if k != "unclassed")
    return bool(classed or result["estimated"])
