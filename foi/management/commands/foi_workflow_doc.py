from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from foi.workflow_doc import render

TARGET = Path(settings.BASE_DIR) / "docs" / "workflow.md"


class Command(BaseCommand):
    help = "Print docs/workflow.md from the transitions in the code (--write to save, --check)."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Write docs/workflow.md.")
        parser.add_argument("--check", action="store_true", help="Fail if the file is stale.")

    def handle(self, *args, write=False, check=False, **options):
        text = render()
        if check:
            if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
                raise CommandError("docs/workflow.md is stale: run foi_workflow_doc --write.")
            self.stdout.write("docs/workflow.md is current.")
        elif write:
            TARGET.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {TARGET}")
        else:
            self.stdout.write(text, ending="")
