"""Fees in the public statistics (publicstats.fees): requests per class, estimates paid and
waived; only public requests count, and the block is absent where there is nothing to show.
They are read from the stored sums (publicstats.store), which ``store.rebuild()`` recounts here
(the requests below are made directly, not through the services that schedule a refresh)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from foi.models import State
from publicstats import store
from publicstats.fees import fee_statistics

pytestmark = pytest.mark.django_db


def _period():
    today = timezone.localdate()
    return today - timedelta(days=365), today


def test_counts_by_class_and_what_became_of_the_estimates(world):
    now = timezone.now()
    world.request(State.IN_PROGRESS, fee_class="free")
    world.request(State.IN_PROGRESS, fee_class="discounted")
    world.request(State.IN_PROGRESS)
    world.request(State.AWAITING_PAYMENT)
    world.request(
        State.ANSWERED, fee_class="paid", fee_amount="5", fee_estimated_at=now, fee_paid_at=now
    )
    world.request(
        State.ANSWERED, fee_class="paid", fee_amount="5", fee_estimated_at=now, fee_waived_at=now
    )
    world.request(State.CLOSED, fee_class="paid", fee_amount="5", fee_estimated_at=now)
    # Private until next year: left out of every figure.
    world.request(
        State.IN_PROGRESS,
        fee_class="free",
        visibility="private",
        private_until=date.today() + timedelta(days=200),
    )
    store.rebuild()
    date_from, date_to = _period()
    result = fee_statistics(date_from=date_from, date_to=date_to, now=now)
    assert result["by_class"] == {"free": 1, "discounted": 1, "paid": 4, "unclassed": 1}
    assert (result["estimated"], result["paid"], result["waived"]) == (4, 1, 1)
    assert (result["closed_unpaid"], result["awaiting_payment"]) == (1, 1)
    mine = fee_statistics(date_from=date_from, date_to=date_to, body=world.other_body, now=now)
    assert mine["by_class"]["free"] == 0


def test_the_pages_show_the_block_only_when_there_is_something(client, world):
    date_from, date_to = _period()
    query = f"date_from={date_from.isoformat()}&date_to={date_to.isoformat()}"
    world.request(State.IN_PROGRESS)
    store.rebuild()
    page = client.get(f"/statistics/?{query}").content.decode()
    assert 'id="fees-heading"' not in page
    world.request(State.AWAITING_PAYMENT)
    store.rebuild()
    from django.core.cache import cache

    cache.clear()
    page = client.get(f"/statistics/?{query}").content.decode()
    assert 'id="fees-heading"' in page and "Awaiting payment now" in page
    body_page = client.get(f"/statistics/bodies/{world.ministry.slug}/?{query}").content
    assert b'id="fees-heading"' in body_page


def test_under_laws_without_fees_nothing_is_counted(world):
    world.law.fees_apply = False
    world.law.save()
    world.request(State.IN_PROGRESS, fee_class="free")
    store.rebuild()
    date_from, date_to = _period()
    result = fee_statistics(date_from=date_from, date_to=date_to, now=timezone.now())
    assert sum(result["by_class"].values()) == 0


def test_a_change_of_fee_is_counted_once_the_request_is_refreshed(world):
    """A fee recorded on a request reaches the sums with the request's next refresh (every
    committed save schedules one), in the whole months read from the stored sums as in the
    days at the period's ends read from the facts."""
    now = timezone.now()
    whole_month = world.request(State.IN_PROGRESS)  # received 40 days ago
    store.rebuild()
    today = timezone.localdate()
    periods = [(today - timedelta(days=365), today), (today - timedelta(days=41), today)]
    for date_from, date_to in periods:
        result = fee_statistics(date_from=date_from, date_to=date_to, now=now)
        assert result["by_class"] == {"free": 0, "discounted": 0, "paid": 0, "unclassed": 1}
    whole_month.fee_class = "discounted"
    whole_month.fee_estimated_at = now
    whole_month.fee_waived_at = now
    whole_month.save()
    store.refresh_requests([whole_month.pk])
    for date_from, date_to in periods:
        result = fee_statistics(date_from=date_from, date_to=date_to, now=now)
        assert result["by_class"] == {"free": 0, "discounted": 1, "paid": 0, "unclassed": 0}
        assert (result["estimated"], result["paid"], result["waived"]) == (1, 0, 1)


def test_a_private_request_counts_once_its_date_has_passed(world):
    now = timezone.now()
    world.request(
        State.IN_PROGRESS,
        fee_class="free",
        visibility="private",
        private_until=timezone.localdate() - timedelta(days=1),
    )
    store.rebuild()
    date_from, date_to = _period()
    result = fee_statistics(date_from=date_from, date_to=date_to, now=now)
    assert result["by_class"]["free"] == 1
