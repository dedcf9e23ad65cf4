"""The demo's CMS: locales, the page tree in az, en and ru (replacing Wagtail's welcome page,
as bakerydemo's loader does), the disclosure categories, editors' and moderators' rights, the
moderation workflow, a few disclosures and disclosure-log entries. Idempotent."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from demo.cms import build_disclosures, build_pages, build_roles

EDITOR_EMAIL = "editor@demo.example"


class Command(BaseCommand):
    help = "Create the demo's CMS pages, roles, workflow and disclosures (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("cms_load_categories", verbosity=0)
        locales = build_pages.locales_ensure()
        default = Locale.get_default()
        home = build_pages.home_ensure(default)
        sections = build_pages.sections_ensure(home)
        translated = build_pages.translations_ensure([home, *sections.values()], locales)
        bodies = build_pages.body_sections_ensure(sections["disclosures"])

        homes = [home, *home.get_translations()]
        _editors, moderators = build_roles.groups_ensure(homes)
        reviewed = []
        for slug in ("disclosures", "disclosure-log"):
            reviewed += [sections[slug], *sections[slug].get_translations()]
        build_roles.workflow_ensure(moderators, reviewed)
        moderator = build_roles.moderator_ensure(moderators)

        editor = get_user_model().objects.filter(email__iexact=EDITOR_EMAIL).first() or moderator
        disclosures = build_disclosures.disclosures_ensure(
            hub=sections["disclosures"], editor=editor, moderator=moderator
        )
        entries = build_disclosures.log_entries_ensure(editor=editor, moderator=moderator)
        self.stdout.write(
            f"CMS demo: {translated} translations, {bodies} body sections, "
            f"{disclosures} disclosures, {entries} disclosure-log entries created."
        )
