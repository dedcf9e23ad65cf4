from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """A person following a request or a body, to hear of its public events."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    foi_request = models.ForeignKey(
        "foi.FOIRequest", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    body = models.ForeignKey(
        "foi.PublicBody", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        constraints = [
            models.CheckConstraint(
                condition=(Q(foi_request__isnull=False) & Q(body__isnull=True))
                | (Q(foi_request__isnull=True) & Q(body__isnull=False)),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "foi_request"],
                condition=Q(foi_request__isnull=False),
                name="follow_unique_request",
            ),
            models.UniqueConstraint(
                fields=["user", "body"], condition=Q(body__isnull=False), name="follow_unique_body"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.foi_request or self.body}"
