from django.db import IntegrityError, transaction

from foi.models import ReferenceCounter


def reference_next(*, law, year: int) -> str:
    """The next reference for a law's prefix and year, e.g. AZ-2026-000123, without gaps."""
    prefix = law.reference_prefix.upper()
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
