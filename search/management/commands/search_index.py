"""Build, check or repair the search index.

manage.py search_index --rebuild   # everything again; searches go on meanwhile
manage.py search_index --check     # what is missing, stale or must not be there (exit 1)
manage.py search_index --update    # fix what --check finds (run it daily, see docs)
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from core.progress import ProgressBar
from search import indexing
from search.backends import backend_name

SHOW = 10  # keys listed per problem; the counts are always complete


class Command(BaseCommand):
    help = "Rebuild (--rebuild), check (--check) or repair (--update) the search index."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="index everything again")
        action.add_argument(
            "--check", action="store_true", help="report documents missing or stale"
        )
        action.add_argument("--update", action="store_true", help="fix what --check reports")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        try:
            if options["rebuild"]:
                self.rebuild()
            else:
                self.check_index(repair=options["update"])
        except CommandError:
            raise
        except Exception as error:
            raise CommandError(f"The {backend_name()} search backend failed: {error}") from error

    def rebuild(self):
        counts = indexing.count_documents()
        total = sum(counts.values())
        self.note(f"Rebuilding the {backend_name()} index: {total:,} documents to index.")
        bar = ProgressBar(total, self.stderr, enabled=self.verbosity >= 1)
        started = time.monotonic()
        indexed = indexing.rebuild(progress=bar.advance)
        bar.finish()
        seconds = time.monotonic() - started
        by_kind = ", ".join(f"{kind}: {count:,}" for kind, count in counts.items())
        self.stdout.write(
            f"Indexed {indexed:,} documents ({by_kind}) in {seconds:.1f} s "
            f"({indexed / seconds if seconds else 0:,.0f}/s)."
        )

    def check_index(self, *, repair: bool):
        total = sum(indexing.count_documents().values())
        bar = ProgressBar(total, self.stderr, enabled=self.verbosity >= 1)
        report = indexing.check(progress=bar.advance)
        bar.finish()
        self.stdout.write(
            f"{report.expected:,} documents should be in the index; it holds {report.indexed:,}."
        )
        for label, keys in (
            ("missing from the index", report.missing),
            ("stale in the index", report.stale),
            ("in the index but must not be (no longer public)", report.extra),
        ):
            self.stdout.write(f"  {len(keys):,} {label}")
            for key in keys[:SHOW]:
                self.stdout.write(f"    {key}")
            if len(keys) > SHOW:
                self.stdout.write(f"    … and {len(keys) - SHOW:,} more")
        if report.ok:
            self.stdout.write(self.style.SUCCESS("The index is up to date."))
            return
        if repair:
            fixed = indexing.repair(report)
            self.stdout.write(self.style.SUCCESS(f"Repaired {fixed:,} documents."))
            return
        raise CommandError("The index is not up to date: run search_index --update.")

    def note(self, text: str) -> None:
        if self.verbosity >= 1:
            self.stderr.write(text, style_func=str)
