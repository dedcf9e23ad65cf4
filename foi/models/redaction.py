"""A redacted copy of a file: which file it was made from, what was blacked out and why, and
whether the result passed the checks that must hold before it may be published
(``redaction.verify``; docs/redaction.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The reason of a box that withholds personal data rather than invoking a ground of the law.
PERSONAL_DATA = "@personal-data"  # not a slug: no exemption's code can be it


class Redaction(models.Model):
    original = models.ForeignKey(
        "foi.Attachment", on_delete=models.PROTECT, related_name="redactions"
    )
    redacted = models.OneToOneField(
        "foi.Attachment", on_delete=models.CASCADE, related_name="redaction"
    )
    boxes = models.JSONField(
        default=list, help_text=_("Each box: its page, its rectangle (0 to 1) and its reason.")
    )
    grounds = models.JSONField(
        default=list,
        help_text=_("Per reason: the exemption (none for personal data), its article, passages."),
    )
    original_sha256 = models.CharField(max_length=64)
    redacted_sha256 = models.CharField(max_length=64)
    verified = models.BooleanField(
        default=False, help_text=_("Whether the redacted file passed the checks.")
    )
    problems = models.JSONField(default=list, blank=True)
    text_layer = models.BooleanField(
        default=False, help_text=_("Whether the redacted file has a text layer read by OCR.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.redacted} ← {self.original}"

    @property
    def passages(self) -> int:
        return len(self.boxes)

    @property
    def withheld_under(self) -> list[str]:
        """The grounds as the public page names them: each article, and "personal data"."""
        return [g["article"] or str(_("personal data")) for g in self.grounds]
