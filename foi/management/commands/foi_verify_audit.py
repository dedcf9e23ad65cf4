"""Verify the hash chains of the audit trail.

Exit 0 when every chain holds; exit 1 naming the first broken event otherwise.
"""

from django.core.management.base import BaseCommand, CommandError

from foi.models import FOIRequest
from foi.services import case_events_verify


class Command(BaseCommand):
    help = "Verify that no request's audit trail (CaseEvent chain) was altered."

    def add_arguments(self, parser):
        parser.add_argument("--reference", help="Verify only this request (e.g. AZ-2026-000123).")

    def handle(self, *args, reference=None, verbosity=1, **options):
        requests = FOIRequest.objects.order_by("pk")
        if reference:
            requests = requests.filter(reference=reference)
            if not requests.exists():
                raise CommandError(f"No request has the reference {reference}.", returncode=2)
        total = requests.count()
        checked = 0
        for foi_request in requests.iterator(chunk_size=500):
            broken = case_events_verify(foi_request=foi_request)
            if broken is not None:
                raise CommandError(f"Audit chain broken: {broken}", returncode=1)
            checked += 1
            if verbosity >= 2 and checked % 1000 == 0:
                self.stderr.write(f"{checked}/{total} requests verified")
        self.stdout.write(self.style.SUCCESS(f"{checked} audit chains verified; all hold."))
