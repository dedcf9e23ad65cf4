"""The daily sweep, for cron or a scheduler: lapse clarifications the law's period has passed,
send due-soon and overdue notices (each once per request and milestone), followers' digests,
and queue again e-mails whose retry is due. Running it twice the same day sends nothing new."""

from django.core.management.base import BaseCommand

from foi.mail.sweep import mail_sweep
from foi.services import foi_requests_lapse_due


class Command(BaseCommand):
    help = (
        "The daily sweep: lapse unclarified requests, send deadline notices and digests, "
        "retry failed e-mail."
    )

    def handle(self, *args, **options):
        lapsed = foi_requests_lapse_due()
        self.stdout.write(f"{lapsed} request(s) closed for want of a clarification.")
        report = mail_sweep()
        milestones = report.milestones
        self.stdout.write(f"{milestones.due_soon} request(s) due in two working days notified.")
        self.stdout.write(f"{milestones.overdue} overdue request(s) notified.")
        self.stdout.write(f"{milestones.emails} deadline e-mail(s) queued.")
        self.stdout.write(f"{report.digests} follower digest(s) queued.")
        self.stdout.write(f"{report.retried} failed e-mail(s) queued again.")
