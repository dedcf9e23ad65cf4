"""``manage.py foi_deadline --law az --received 2026-03-18T10:00``: when is it due, and why."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import translation

from foi import deadlines
from foi.models import Law, Urgency

# argparse errors exit with 2 as well; every bad argument gets the same code.
BAD_ARGUMENT = 2


class Command(BaseCommand):
    help = (
        "Print when a request received at a given moment is due under a law (ISO 8601 on the "
        "first line), then how that date was reached."
    )

    def add_arguments(self, parser):
        parser.add_argument("--law", required=True, help="Code of the law, e.g. az.")
        parser.add_argument(
            "--received",
            required=True,
            help="ISO 8601 moment of receipt; without an offset it is the law's local time.",
        )
        parser.add_argument("--urgency", default=Urgency.NORMAL, help="normal, relevance or life.")
        parser.add_argument(
            "--extensions", type=int, default=0, help="How many extensions to apply."
        )
        parser.add_argument(
            "--language", help="Language of the explanation (default: LANGUAGE_CODE)."
        )

    def handle(self, *args, law: str, received: str, urgency: str, extensions: int, **options):
        law_row = self._law(law)
        received_at = self._received_at(law_row, received)
        if urgency not in Urgency.values:
            choices = ", ".join(Urgency.values)
            raise CommandError(
                f"Unknown urgency {urgency!r}; use one of {choices}.", returncode=BAD_ARGUMENT
            )
        if extensions < 0:
            raise CommandError("--extensions cannot be negative.", returncode=BAD_ARGUMENT)
        reasons = law_row.extension_reasons or [{}]
        extension = {"kind": "extension", "at": received_at, "reason": reasons[0].get("code", "")}
        try:
            deadline = deadlines.compute_due(
                law_row, received_at=received_at, urgency=urgency, history=[extension] * extensions
            )
        except deadlines.DeadlineError as error:
            raise CommandError(str(error), returncode=BAD_ARGUMENT) from error
        self.stdout.write(deadline.due_at.isoformat())
        with translation.override(options.get("language") or translation.get_language()):
            self.stdout.write(deadlines.explain(law_row, deadline.steps))

    def _law(self, code: str) -> Law:
        try:
            law = Law.objects.filter(code=code).first()
            known = ", ".join(Law.objects.values_list("code", flat=True)) or "none loaded"
        except DatabaseError as error:
            # Not a bad argument but a database without the laws; still no traceback.
            raise CommandError(f"Cannot read the laws: {error}.") from error
        if law is None:
            raise CommandError(f"Unknown law {code!r} (known: {known}).", returncode=BAD_ARGUMENT)
        return law

    def _received_at(self, law: Law, text: str) -> datetime:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError as error:
            raise CommandError(
                f"--received {text!r} is not an ISO 8601 date and time.", returncode=BAD_ARGUMENT
            ) from error
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=ZoneInfo(law.time_zone))
        return moment
