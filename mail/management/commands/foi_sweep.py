"""The daily sweep, for cron or a scheduler: lapse clarifications and close unpaid
fee estimates the law's period has passed,
send due-soon and overdue notices (each once per request and milestone), reminders of bodies'
replies nobody has classified (once per letter), followers' digests, saved searches' digests,
queue again e-mails whose retry is due, mend the public statistics' stored sums, and verify
every audit chain, writing to the administrators when one is broken, then publish yesterday's
audit root (foi_publish_audit_root) and check the published roots. Running it twice the same
day sends nothing new (except a broken-chain alert, which repeats until someone looks)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from core import clock
from core.taskqueue import requeue_deferred
from foi.services import foi_requests_close_unpaid_due, foi_requests_lapse_due
from foi.services.audit_alerts import audit_roots_verify_and_alert, audit_verify_and_alert
from foi.services.ocr import attachments_ocr_resume
from mail.sweep import mail_sweep


class Command(BaseCommand):
    help = (
        "The daily sweep: lapse unclarified requests, send deadline notices and digests, "
        "retry failed e-mail, verify the audit trail."
    )

    def handle(self, *args, **options):
        lapsed = foi_requests_lapse_due()
        self.stdout.write(f"{lapsed} request(s) closed for want of a clarification.")
        unpaid = foi_requests_close_unpaid_due()
        self.stdout.write(f"{unpaid} request(s) closed for want of payment.")
        report = mail_sweep()
        milestones = report.milestones
        self.stdout.write(f"{milestones.due_soon} request(s) due in two working days notified.")
        self.stdout.write(f"{milestones.overdue} overdue request(s) notified.")
        self.stdout.write(f"{milestones.very_overdue} very overdue request(s) notified.")
        self.stdout.write(
            f"{milestones.reply_waiting} overdue request(s) with a reply waiting: not overdue."
        )
        self.stdout.write(f"{milestones.appeals_overdue} overdue appeal decision(s) notified.")
        self.stdout.write(f"{milestones.emails} deadline e-mail(s) queued.")
        self.stdout.write(f"{report.reply_reminders} reminder(s) of a reply waiting queued.")
        self.stdout.write(f"{report.digests} follower digest(s) queued.")
        self.stdout.write(f"{report.retried} failed e-mail(s) queued again.")
        handed, waiting = requeue_deferred()
        if handed or waiting:
            self.stdout.write(f"{handed} task(s) kept while the queue was down queued again.")
        if waiting:
            self.stderr.write(f"{waiting} task(s) still wait for the queue (is Redis up?).")
        resumed = attachments_ocr_resume()
        if resumed:
            self.stdout.write(f"{resumed} scan(s) queued again for text recognition.")
        # By name, so that foi never imports publicstats, nor mail the saved searches.
        call_command("alerts_digest", stdout=self.stdout, stderr=self.stderr)
        call_command("publicstats_refresh", stdout=self.stdout, stderr=self.stderr)
        breaks = audit_verify_and_alert()
        if breaks:
            self.stderr.write(
                f"{len(breaks)} audit chain(s) broken; the administrators were written to."
            )
            for broken in breaks:
                self.stderr.write(f"  {broken}")
        else:
            self.stdout.write("Every audit chain holds.")
        # By name too: the same command cron or an operator runs; idempotent per day.
        call_command("foi_publish_audit_root", stdout=self.stdout, stderr=self.stderr)
        root_breaks = audit_roots_verify_and_alert(today=timezone.localdate(clock.now()))
        if root_breaks:
            self.stderr.write(
                f"{len(root_breaks)} published audit root(s) do not hold; the administrators "
                "were written to."
            )
            for broken in root_breaks:
                self.stderr.write(f"  {broken}")
        else:
            self.stdout.write("Every published audit root holds.")
