"""``/me/webhooks/``: the signed-in person's subscriptions and how their deliveries went.
Read only: subscribing, changing and pinging are the API's (docs/webhooks.md)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from webhooks.models import Delivery
from webhooks.selectors import subscription_list

RECENT = 5


@login_required
def subscriptions(request):
    rows = []
    for subscription in subscription_list(user=request.user).prefetch_related(
        Prefetch("deliveries", queryset=Delivery.objects.prefetch_related("attempt_log"))
    ):
        rows.append((subscription, list(subscription.deliveries.all())[:RECENT]))
    return render(request, "webhooks/subscriptions.html", {"rows": rows})
