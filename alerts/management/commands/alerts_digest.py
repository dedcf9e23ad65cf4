"""The saved searches' digests (alerts/digest.py). The daily sweep (``foi_sweep``) runs it; it
can also run on its own, as often as one likes: a search is e-mailed once a day or once a week,
as its owner chose, and only what is new since its last digest."""

from django.core.management.base import BaseCommand

from alerts.digest import digests_send


class Command(BaseCommand):
    help = "E-mail each saved search's owner what newly matches it (daily or weekly)."

    def handle(self, *args, **options):
        report = digests_send()
        self.stdout.write(
            f"{report.sent} saved search digest(s) queued, {report.items} result(s) in them."
        )
        if report.failed:
            self.stderr.write(f"{report.failed} saved search(es) wait: search did not answer.")
