from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import AppealDecision


class Appeal(models.Model):
    foi_request = models.ForeignKey(
        "foi.FOIRequest", on_delete=models.CASCADE, related_name="appeals"
    )
    level = models.ForeignKey("foi.AppealLevel", on_delete=models.PROTECT, related_name="+")
    reviewing_body = models.ForeignKey(
        "foi.PublicBody",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals_to_review",
        help_text=_("Empty for a court: its judgment is recorded by an administrator."),
    )
    appealed_state = models.CharField(max_length=32, help_text=_("What was appealed against."))
    grounds = models.TextField()
    lodged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    lodged_at = models.DateTimeField()
    due_at = models.DateTimeField(null=True, blank=True)
    due_explanation = models.JSONField(default=list, blank=True)
    decision = models.CharField(max_length=20, choices=AppealDecision.choices, blank=True)
    reasons = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["lodged_at", "id"]

    def __str__(self) -> str:
        return f"{self.foi_request.reference} · {self.level}"
