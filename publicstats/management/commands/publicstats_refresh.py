"""Bring the public statistics' stored facts and monthly sums up to date.

    manage.py publicstats_refresh           # requests changed in the last two days, every month
    manage.py publicstats_refresh --full    # every request's facts afresh (after a bulk load)

The daily sweep does the first; ``--full`` shows a progress bar.
"""

from django.core.management.base import BaseCommand

from core.progress import ProgressBar
from publicstats import store


class Command(BaseCommand):
    help = "Bring the public statistics' stored facts and monthly sums up to date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full", action="store_true", help="Recompute every request's facts afresh."
        )
        parser.add_argument(
            "--days",
            type=int,
            default=2,
            help="Without --full: refresh requests changed in this many days (default 2).",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if options["full"]:
            bar = None

            def progress(done, total):
                nonlocal bar
                if bar is None:
                    bar = ProgressBar(total, self.stderr, enabled=self.verbosity >= 1)
                bar.advance(done - bar.done)

            count = store.rebuild(progress=progress)
            if bar is not None:
                bar.finish()
            self.stdout.write(f"Statistics rebuilt from {count} request(s).")
            return
        refreshed, months = store.refresh_recent(days=options["days"])
        self.stdout.write(
            f"Statistics: {refreshed} request(s) refreshed, {months} body-month(s) counted."
        )
