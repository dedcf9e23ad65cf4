"""Load the demo: the laws, the 46 real public bodies of Azerbaijan, the appeal routes, demo
accounts for every role and about sixty requests in every state of the workflow.

Safe to run again: what exists already is kept and nothing is duplicated. The data and the
builders live in ``demo``; the CMS pages come from ``cms_load_demo``.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from demo.build_accounts import accounts_load, accounts_table
from demo.build_batches import batches_load
from demo.build_bodies import bodies_load
from demo.build_calendar import declared_day_load
from demo.build_letter_templates import letter_templates_load
from demo.build_requests import DemoError, requests_build
from demo.build_saved_searches import saved_searches_load
from demo.build_suggestions import body_suggestion_load
from demo.files import FIXTURES_DIR
from foi.models import OPEN_STATES, AppealLevel, FOIRequest, Law, PublicBody, State
from foi.services import case_events_verify
from foi.services.audit_roots import audit_roots_publish_due
from mail.suppression import notifications_suppressed


class Command(BaseCommand):
    help = (
        "Load the demo data: laws, public bodies, appeal routes, demo accounts and requests. "
        "Idempotent."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        try:
            # Replaying months of history must not mail sixty receipts and letters.
            with notifications_suppressed(), transaction.atomic():
                self._note("Loading the laws…")
                call_command("loaddata", str(FIXTURES_DIR / "laws.json"), verbosity=0)
                self._note("Loading the public bodies…")
                bodies = bodies_load(csv_path=FIXTURES_DIR / "az_public_bodies.csv")
                self._note("Loading the appeal routes…")
                # After the bodies: the Ombudsman's level names the ombudsman body.
                call_command("loaddata", str(FIXTURES_DIR / "appeal_levels.json"), verbosity=0)
                self._note("Creating the demo accounts…")
                accounts = accounts_load()
                self._note("Building the requests…")
                built = requests_build(
                    people=accounts.people,
                    bodies={body.slug: body for body in PublicBody.objects.select_related("law")},
                    progress=self._progress,
                )
                self._note("Declaring a day of mourning…")
                declared_day_load(admin=accounts.people["admin"])
                self._note("Writing the Ministry of Finance's letter templates…")
                letter_templates_load(coordinator=accounts.people.get("finance-coordinator"))
                self._note("Suggesting a body's new address…")
                body_suggestion_load(person=accounts.people["leyla"])
                self._note("Saving Tural's searches…")
                saved_searches_load(person=accounts.people.get("tural"))
                self._note("Sending two batch requests…")
                batches_load(people=accounts.people)
        except DemoError as error:
            raise CommandError(f"The demo could not be built: {error}") from error
        verified = self._verify_chains()
        # The CMS builds its own part of the demo (the home page); by name, so foi never
        # imports cms.
        call_command("cms_load_demo", verbosity=0)
        self._note("Counting the statistics…")
        call_command("publicstats_refresh", "--full", verbosity=0)
        # Yesterday's root over every chain, so that /audit/roots/ and a case's proof have one
        # to show (the daily sweep publishes the next; loading again changes nothing).
        self._note("Publishing yesterday's audit root…")
        audit_roots_publish_due()
        self._summary(bodies=bodies, accounts=accounts, built=built, verified=verified)

    # -- progress on stderr ------------------------------------------------------------------

    def _note(self, text: str, ending: str = "\n") -> None:
        if self.verbosity >= 1:
            # Plain, not the red Django gives stderr on a terminal: this is progress, not errors.
            self.stderr.write(text, style_func=str, ending=ending)

    def _progress(self, done: int, total: int) -> None:
        if self.stderr.isatty():
            # One line that counts up, on a terminal.
            self._note(f"\r  requests {done}/{total}", ending="\n" if done == total else "")
        elif done == total or done % 10 == 0:
            self._note(f"  requests {done}/{total}")

    # -- checks and summary ------------------------------------------------------------------

    def _verify_chains(self) -> int:
        self._note("Checking every audit chain…")
        count = 0
        for foi_request in FOIRequest.objects.order_by("pk").iterator():
            broken = case_events_verify(foi_request=foi_request)
            if broken is not None:
                raise CommandError(f"Audit chain broken: {broken}")
            count += 1
        return count

    def _summary(self, *, bodies, accounts, built, verified) -> None:
        if self.verbosity < 1:
            return
        by_state = dict(
            FOIRequest.objects.values_list("state").annotate(count=Count("pk")).order_by()
        )
        overdue = FOIRequest.objects.filter(
            state__in=OPEN_STATES, due_at__lt=timezone.now()
        ).count()
        write = self.stdout.write
        write(self.style.SUCCESS("Demo data loaded."))
        write(f"  laws            {Law.objects.count()}")
        write(
            f"  public bodies   {PublicBody.objects.count()} "
            f"({bodies.created} new, {bodies.updated} updated)"
        )
        write(f"  appeal levels   {AppealLevel.objects.count()}")
        write(f"  accounts        {len(accounts.people)} demo ({accounts.created} new)")
        write(f"  requests        {FOIRequest.objects.count()} ({built.created} new)")
        for state in State:
            write(f"    {state.value:<24}{by_state.get(state.value, 0)}")
        write(f"  overdue now     {overdue}")
        write(f"  audit chains    {verified} verified, all hold")
        write("")
        write("Demo accounts (for local use only; never load the demo on a public site):")
        rows = [("e-mail", "password", "role"), *accounts_table()]
        width = max(len(email) for email, _password, _role in rows) + 2
        for email, password, role in rows:
            write(f"  {email:<{width}}{password:<24}{role}")
