"""Queue again the scans whose reading a restart or an outage left behind (``pending`` or
``running`` with no progress for FOI_OCR_STALE_MINUTES), and those marked ``unavailable`` once
Tesseract is installed. Safe to run as often as wanted (cron, every ten minutes); the daily
sweep runs it too."""

from django.core.management.base import BaseCommand

from core import ocr
from foi.services.ocr import attachments_ocr_resume


class Command(BaseCommand):
    help = "Queue again the scans waiting for text recognition (OCR)."

    def handle(self, *args, **options):
        queued = attachments_ocr_resume()
        self.stdout.write(f"{queued} scan(s) queued for text recognition.")
        if not ocr.tesseract_available():
            self.stderr.write(
                "Tesseract (or its language models) is not installed: scans stay searchable "
                "by their names only."
            )
