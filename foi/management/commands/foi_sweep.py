"""The daily sweep: close requests whose clarification lapsed. Run it from cron or a scheduler."""

from django.core.management.base import BaseCommand

from foi.services import foi_requests_lapse_due


class Command(BaseCommand):
    help = "Lapse requests whose requester did not clarify them within the law's period."

    def handle(self, *args, **options):
        count = foi_requests_lapse_due()
        self.stdout.write(f"{count} request(s) closed for want of a clarification.")
