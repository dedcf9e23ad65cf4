"""``seed_bench --clear`` removes only bench data; the same seed gives the same data; the number
of queries grows with the batches, not the rows. (Apart from test_seed_bench.py, whose seeded
module fixture would be visible to these tests.)"""

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.seeder.setup import EMAIL_DOMAIN, SLUG_PREFIX
from foi.models import CaseEvent, FOIRequest, Message, PublicBody, State, User
from publicstats.models import BodyMonthStat, CaseStat
from tests.bench.test_seed_bench import seed_bench, table_counts
from tests.factories import FOIRequestFactory

pytestmark = pytest.mark.django_db


def test_clear_removes_only_bench_data():
    other = FOIRequestFactory(state=State.ANSWERED)
    seed_bench("--requests", "30", "--bodies", "20")
    assert FOIRequest.objects.count() == 31
    assert CaseStat.objects.exists() and BodyMonthStat.objects.exists()
    with pytest.raises(CommandError, match="--clear"):
        seed_bench("--requests", "30", "--bodies", "20")
    seed_bench("--clear", "--no-input", "--requests", "0")
    assert list(FOIRequest.objects.all()) == [other]
    assert not PublicBody.objects.filter(slug__startswith=SLUG_PREFIX).exists()
    assert not User.objects.filter(email__endswith=EMAIL_DOMAIN).exists()
    assert PublicBody.objects.filter(pk=other.body_id).exists()
    assert User.objects.filter(pk=other.requester_id).exists()
    assert not Message.objects.exists() and not CaseEvent.objects.exists()
    # The statistics' rows of bench requests and bodies went too; the other request's stay.
    assert set(CaseStat.objects.values_list("request_id", flat=True)) <= {other.pk}
    assert not BodyMonthStat.objects.exclude(body_id=other.body_id).exists()


def test_same_seed_same_data():
    seed_bench("--requests", "60", "--bodies", "20", "--seed", "3")
    first = table_counts()
    seed_bench("--clear", "--no-input", "--requests", "60", "--bodies", "20", "--seed", "3")
    assert table_counts() == first


def test_bad_input_changes_nothing():
    with pytest.raises(CommandError):
        seed_bench("--requests", "10", "--batch-size", "0")
    assert not FOIRequest.objects.exists() and not User.objects.exists()


def test_queries_grow_with_batches_not_rows(django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as small:
        seed_bench("--requests", "40", "--bodies", "20", "--batch-size", "20")
    seed_bench("--clear", "--no-input", "--requests", "0")
    # Six times the rows, in six times the batches: each batch adds a bounded number of
    # statements (a few per table), never one per row (the rows alone are over 1,500).
    per_batch = 25
    with django_assert_max_num_queries(len(small) + 10 * per_batch):
        seed_bench("--requests", "240", "--bodies", "20", "--batch-size", "20")
    assert FOIRequest.objects.count() == 240
