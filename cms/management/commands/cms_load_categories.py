"""Load the proactive-disclosure categories of every law that ships some (idempotent)."""

from django.core.management.base import BaseCommand

from cms.services import disclosure_categories_load
from foi.models import Law


class Command(BaseCommand):
    help = "Create or update the disclosure categories of the shipped laws (Art. 29.1, 30.1)."

    def handle(self, *args, **options):
        for law in Law.objects.order_by("code"):
            created, updated = disclosure_categories_load(law=law)
            if created or updated:
                self.stdout.write(f"{law.code}: {created} created, {updated} updated")
