"""Migration 0005 adds the fee facts to the statistics' rows of requests that already have
them: a database whose facts were stored before fees were counted gets its fee facts copied from
the requests (the sums follow with the daily sweep)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from foi.models import State
from publicstats import store
from publicstats.models import CaseStat

BEFORE_FEES = [("publicstats", "0004_duty_stats")]


@pytest.mark.django_db(transaction=True)
def test_existing_facts_get_their_fees(world):
    now = timezone.now()
    paid = world.request(State.ANSWERED, fee_class="paid", fee_amount="5", fee_estimated_at=now)
    plain = world.request(State.IN_PROGRESS)
    store.rebuild()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_FEES)  # the fee columns go, the rows stay
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    facts = {row.request_id: row for row in CaseStat.objects.all()}
    assert (facts[paid.pk].fee_class, facts[paid.pk].fee_estimated) == ("paid", True)
    assert (facts[paid.pk].fee_paid, facts[paid.pk].fee_waived) == (False, False)
    assert (facts[plain.pk].fee_class, facts[plain.pk].fee_estimated) == ("", False)
