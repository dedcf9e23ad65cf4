"""Generate bench data at scale: ``manage.py seed_bench --requests 100000``.

Bodies, staff, requesters and N requests over the years since 2022 in every state, with their
messages, files, grounds, appeals and audit chains, by bulk inserts (see ``bench.seeder``). Bench
objects are marked (slug ``bench-``, e-mail ``@bench.invalid``) and ``--clear`` removes them and
nothing else. The search index is not built here.
"""

import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from bench.seeder.run import seed
from bench.seeder.setup import (
    DEFAULT_PASSWORD,
    EMAIL_DOMAIN,
    SLUG_PREFIX,
    bench_clear,
    bench_exists,
)
from core import clock


class Command(BaseCommand):
    help = "Generate bench data (bodies, accounts, N requests with their history) in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=1000)
        parser.add_argument("--bodies", type=int, default=300)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--law", default="az", help="Code of the law (default az).")
        parser.add_argument("--password", default=DEFAULT_PASSWORD)
        parser.add_argument(
            "--clear", action="store_true", help="Remove earlier bench data first (only it)."
        )
        parser.add_argument("--no-input", action="store_true", dest="no_input")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        count, batch_size = options["requests"], options["batch_size"]
        if count < 0 or batch_size < 1 or options["bodies"] < 1:
            raise CommandError("--requests must be 0 or more, --batch-size and --bodies 1 or more.")
        if options["clear"]:
            if not options["no_input"] and sys.stdin.isatty():
                answer = input(
                    "Remove all bench data (bench-* bodies, @bench.invalid accounts "
                    "and their requests)? [y/N] "
                )
                if answer.strip().lower() not in ("y", "yes"):
                    raise CommandError("Nothing was changed.")
            removed = bench_clear()
            self._note("Removed: " + ", ".join(f"{n} {label}" for label, n in removed.items()))
        elif bench_exists():
            raise CommandError("Bench data exists already; run again with --clear to replace it.")
        if count == 0:
            if options["clear"]:
                call_command("publicstats_refresh", verbosity=0)  # recount the months
            return
        self._started = time.monotonic()
        result = seed(
            requests=count,
            bodies=options["bodies"],
            seed=options["seed"],
            batch_size=batch_size,
            law_code=options["law"],
            password=options["password"],
            now=clock.now(),
            progress=self._progress,
        )
        if connection.vendor == "postgresql":
            # COPY leaves the planner without statistics (it then guesses one row per table
            # and picks nested loops) and the visibility map empty (no index-only scans).
            self._note("Vacuuming and analysing the tables…")
            with connection.cursor() as cursor:
                # VACUUM cannot run inside a transaction (a caller's, or a test's).
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self._note("Counting the public statistics…")
        # By name, so that foi never imports publicstats.
        call_command("publicstats_refresh", "--full", verbosity=self.verbosity, stderr=self.stderr)
        self._summary(result, options)

    def _note(self, text: str, ending: str = "\n") -> None:
        if self.verbosity >= 1:
            self.stderr.write(text, style_func=str, ending=ending)

    def _progress(self, done: int, total: int) -> None:
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = done / elapsed
        eta = (total - done) / rate if rate else 0
        width = 30
        filled = width * done // total
        line = (
            f"  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} requests "
            f"{rate:,.0f}/s ETA {int(eta) // 60}m{int(eta) % 60:02d}s"
        )
        if self.stderr.isatty():
            self._note("\r" + line, ending="\n" if done == total else "")
        else:
            self._note(line)

    def _summary(self, result, options) -> None:
        if self.verbosity < 1:
            return
        write = self.stdout.write
        write(
            self.style.SUCCESS(
                f"Seeded {result.requests} requests in {result.seconds:.1f} s "
                f"({result.requests / max(result.seconds, 1e-6):,.0f} requests/s)."
            )
        )
        write(f"  public bodies   {result.bodies} (slugs {SLUG_PREFIX}*)")
        write(f"  accounts        {result.users} (e-mail *@{EMAIL_DOMAIN})")
        for label, value in result.rows.items():
            write(f"  {label:<22}{value}")
        write("")
        write(f"Every bench account signs in with the password: {options['password']}")
        write(
            f"  requesters:   requester1@{EMAIL_DOMAIN} … requester{max(1, result.requests // 20)}"
            f"@{EMAIL_DOMAIN}"
        )
        write(
            f"  body staff:   body<n>.coordinator@{EMAIL_DOMAIN}, body<n>.officer1@{EMAIL_DOMAIN},"
            f" body<n>.officer2@{EMAIL_DOMAIN} (n = 1 … {result.bodies})"
        )
        write("The search index was NOT built: run `python manage.py search_index --rebuild`.")
        write(
            f"Generated at {timezone.localtime():%Y-%m-%d %H:%M}; remove with "
            "`python manage.py seed_bench --clear --requests 0 --no-input`."
        )
