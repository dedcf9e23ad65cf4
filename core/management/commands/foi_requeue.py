"""Hand background work that waited in the database (the queue was down) back to the queue.

Run it from cron every minute next to the workers; it does nothing while nothing waits, and
stops at once (exit 1) while the queue is still unreachable.
"""

from django.core.management.base import BaseCommand, CommandError

from core.taskqueue import requeue_deferred


class Command(BaseCommand):
    help = "Queue again the background tasks kept in the database while the queue was down."

    def handle(self, *args, **options):
        handed, waiting = requeue_deferred()
        self.stdout.write(f"{handed} waiting task(s) queued; {waiting} still waiting.")
        if waiting:
            raise CommandError("The queue is still unreachable.", returncode=1)
