"""Fee figures over what an anonymous visitor may see (for publicstats.fees)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from foi.models import State
from foi.models.law import FeeClass
from foi.selectors import foi_request_public_qs

CLASSES = tuple(FeeClass.values)
COUNTS = ("estimated", "paid", "waived", "closed_unpaid", "awaiting_payment")


def fee_counts(*, date_from: date, date_to: date, body=None) -> dict:
    """``{"by_class": {"free", "discounted", "paid", "unclassed": int}, "estimated", "paid",
    "waived", "closed_unpaid", "awaiting_payment": int}`` over the public requests first
    received in the period under laws with fees (of ``body`` if given), in one query."""
    requests = foi_request_public_qs().filter(
        law__fees_apply=True,
        first_received_at__date__gte=date_from,
        first_received_at__date__lte=date_to,
    )
    if body is not None:
        requests = requests.filter(body=body)
    closed_unpaid = Q(
        state=State.CLOSED,
        fee_estimated_at__isnull=False,
        fee_paid_at__isnull=True,
        fee_waived_at__isnull=True,
    )
    sums = requests.aggregate(
        **{f"class_{name}": Count("pk", filter=Q(fee_class=name)) for name in CLASSES},
        class_unclassed=Count("pk", filter=Q(fee_class="")),
        estimated=Count("pk", filter=Q(fee_estimated_at__isnull=False)),
        paid=Count("pk", filter=Q(fee_paid_at__isnull=False)),
        waived=Count("pk", filter=Q(fee_waived_at__isnull=False)),
        closed_unpaid=Count("pk", filter=closed_unpaid),
        awaiting_payment=Count("pk", filter=Q(state=State.AWAITING_PAYMENT)),
    )
    return {
        "by_class": {name: sums[f"class_{name}"] for name in (*CLASSES, "unclassed")},
        **{name: sums[name] for name in COUNTS},
    }
