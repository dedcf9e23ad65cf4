"""Publish the day's root over every request's chain head (foi.services.audit_roots).

Without --date: yesterday's root, and any day missed since the last one. The daily sweep
(foi_sweep) runs it; running it twice the same day publishes nothing new.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from core.errors import ServiceError
from foi.services.audit_roots import audit_root_publish, audit_roots_publish_due


class Command(BaseCommand):
    help = "Publish the daily Merkle root over every request's audit chain head."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Publish this day's root (YYYY-MM-DD), if it ended.")

    def handle(self, *args, date=None, **options):
        try:
            if date:
                try:
                    day = datetime.date.fromisoformat(date)
                except ValueError as error:
                    raise CommandError(f"Not a date: {date}", returncode=2) from error
                roots = [audit_root_publish(day=day)]
            else:
                roots = audit_roots_publish_due()
        except ServiceError as error:
            raise CommandError(str(error), returncode=2) from error
        if not roots:
            self.stdout.write("No day's root is due.")
        for root in roots:
            self.stdout.write(
                f"Audit root of {root.date}: {root.tree_root} over {root.leaf_count} "
                f"request(s); chained hash {root.hash}"
            )
