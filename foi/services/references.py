from django.db import IntegrityError, transaction

from foi.models import ReferenceCounter

# A batch's references (foi.services.batches) have their own counter; no law uses this prefix.
BATCH_PREFIX = "BATCH"


def reference_next(*, law, year: int) -> str:
    """The next reference for a law's prefix and year, e.g. AZ-2026-000123, without gaps."""
    return _counter_next(prefix=law.reference_prefix.upper(), year=year)


def batch_reference_next(*, year: int) -> str:
    """The next batch reference, e.g. BATCH-2026-000007."""
    return _counter_next(prefix=BATCH_PREFIX, year=year)


def _counter_next(*, prefix: str, year: int) -> str:
    for _attempt in range(3):
        try:
            with transaction.atomic():
                counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(
                    prefix=prefix, year=year
                )
                counter.value += 1
                counter.save(update_fields=["value"])
                return f"{prefix}-{year}-{counter.value:06d}"
        except IntegrityError:
            # Two first requests of a year raced to create the counter; the loser retries.
            continue
    raise RuntimeError("Could not allocate a request reference.")
