"""Verify the hash chains of the audit trail and the published daily roots.

Exit 0 when every chain and every published root holds; exit 1 naming every broken chain (its
first broken event) and every root that no longer matches the chains, or differs from a copy
saved earlier (--published). The daily sweep runs the chains' check and writes to the
administrators.
"""

import datetime
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from foi.models import AuditRoot, FOIRequest
from foi.services import case_events_verify, case_events_verify_all
from foi.services.audit_roots import audit_roots_verify


class Command(BaseCommand):
    help = (
        "Verify that no request's audit trail (CaseEvent chain, with the texts and files it "
        "hashes) was altered, and that every published daily root still matches the chains."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reference", help="Verify only this request (e.g. AZ-2026-000123).")
        parser.add_argument(
            "--no-files",
            action="store_true",
            help="Do not read the files' bytes again (texts and hashes are still checked).",
        )
        parser.add_argument(
            "--roots-since", help="Recompute only the roots from this day (YYYY-MM-DD) on."
        )
        parser.add_argument(
            "--published",
            help="A copy of /api/v1/audit/roots/ saved earlier (JSON): every root in it must "
            "still be published unchanged.",
        )

    def handle(self, *args, reference=None, verbosity=1, **options):
        read_files = not options.get("no_files")
        if reference:
            foi_request = FOIRequest.objects.filter(reference=reference).first()
            if foi_request is None:
                raise CommandError(f"No request has the reference {reference}.", returncode=2)
            broken = case_events_verify(foi_request=foi_request, read_files=read_files)
            breaks = [broken] if broken else []
            checked = 1
        else:
            progress = self._progress if verbosity else None
            breaks = list(case_events_verify_all(progress=progress, read_files=read_files))
            checked = FOIRequest.objects.count()
        since = self._day(options.get("roots_since"))
        root_breaks = [] if reference else list(audit_roots_verify(since=since))
        if options.get("published"):
            root_breaks += self._compare_published(options["published"])
        problems = [f"  {broken}" for broken in breaks] + [f"  {b}" for b in root_breaks]
        if problems:
            raise CommandError(
                f"Audit chain broken in {len(breaks)} request(s), "
                f"{len(root_breaks)} published root(s) do not hold:\n" + "\n".join(problems),
                returncode=1,
            )
        roots = 0 if reference else AuditRoot.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{checked} audit chains verified; all hold. {roots} published root(s) hold."
            )
        )

    def _day(self, value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(f"Not a date: {value}", returncode=2) from error

    def _compare_published(self, path) -> list[str]:
        try:
            with open(path, encoding="utf-8") as handle:
                saved = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path}: {error}", returncode=2) from error
        rows = saved.get("results", []) if isinstance(saved, dict) else saved
        stored = {root.date.isoformat(): root for root in AuditRoot.objects.all()}
        problems = []
        for row in rows if isinstance(rows, list) else []:
            day = row.get("date") if isinstance(row, dict) else None
            root = stored.get(day)
            if root is None:
                problems.append(f"root of {day}: published once, no longer there")
            elif (root.hash, root.tree_root) != (row.get("hash"), row.get("tree_root")):
                problems.append(f"root of {day}: differs from the copy saved in {path}")
        return problems

    def _progress(self, done, total):
        if sys.stderr.isatty() or done == total:
            self.stderr.write(f"\r{done}/{total} requests verified", ending="")
        if done == total:
            self.stderr.write("")
