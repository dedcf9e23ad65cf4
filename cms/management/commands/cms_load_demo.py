"""The demo's page tree: a home page at the site root, replacing Wagtail's welcome page."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from cms.models import HomePage

INTRO = (
    "<p>Sorğu lets anyone ask Azerbaijan's public bodies for information under the Law "
    "“On the Right to Obtain Information”, follow the answer with its legal deadline, and "
    "read what others have already been told.</p>"
)


class Command(BaseCommand):
    help = "Create the demo home page (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            home = root.add_child(instance=HomePage(title="Sorğu", slug="home-sorgu", intro=INTRO))
            self.stdout.write("Created the home page.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        # Wagtail's own welcome page, once nothing points at it, is only clutter.
        for page in root.get_children().exclude(pk=home.pk).specific():
            if type(page) is Page and page.title.startswith("Welcome to your new Wagtail site"):
                page.delete()
        self.stdout.write("The home page is the site root.")
