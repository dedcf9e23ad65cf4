"""Verify the hash chains of the audit trail.

Exit 0 when every chain holds; exit 1 naming every broken chain (its first broken event)
otherwise. The daily sweep runs the same check and writes to the administrators.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from foi.models import FOIRequest
from foi.services import case_events_verify, case_events_verify_all


class Command(BaseCommand):
    help = "Verify that no request's audit trail (CaseEvent chain) was altered."

    def add_arguments(self, parser):
        parser.add_argument("--reference", help="Verify only this request (e.g. AZ-2026-000123).")

    def handle(self, *args, reference=None, verbosity=1, **options):
        if reference:
            foi_request = FOIRequest.objects.filter(reference=reference).first()
            if foi_request is None:
                raise CommandError(f"No request has the reference {reference}.", returncode=2)
            broken = case_events_verify(foi_request=foi_request)
            breaks = [broken] if broken else []
            checked = 1
        else:
            breaks = list(case_events_verify_all(progress=self._progress if verbosity else None))
            checked = FOIRequest.objects.count()
        if breaks:
            lines = "\n".join(f"  {broken}" for broken in breaks)
            raise CommandError(
                f"Audit chain broken in {len(breaks)} request(s):\n{lines}", returncode=1
            )
        self.stdout.write(self.style.SUCCESS(f"{checked} audit chains verified; all hold."))

    def _progress(self, done, total):
        if sys.stderr.isatty() or done == total:
            self.stderr.write(f"\r{done}/{total} requests verified", ending="")
        if done == total:
            self.stderr.write("")
