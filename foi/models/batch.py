"""A batch: one letter sent to many bodies, each copy its own request (issue 24).

The batch keeps the letter and the chosen bodies; each body's copy is an ordinary
``FOIRequest`` (``FOIRequest.batch``) with its own reference, clock and state. A batch to more
bodies than ``FOI_BATCH_APPROVAL_THRESHOLD`` waits for a moderator before any request exists.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .request import AccessForm, PublicNameChoice, Urgency, Visibility


class BatchStatus(models.TextChoices):
    PENDING = "pending_approval", _("Waiting for a moderator")
    DECLINED = "declined", _("Declined by a moderator")
    FILED = "filed", _("Sent")


class Batch(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="batches"
    )
    bodies = models.ManyToManyField("foi.PublicBody", related_name="batches")
    status = models.CharField(max_length=20, choices=BatchStatus.choices, db_index=True)
    # The letter and its details, copied into each body's request when it is sent.
    subject = models.CharField(max_length=250)
    text = models.TextField()
    urgency = models.CharField(max_length=16, choices=Urgency.choices, default=Urgency.NORMAL)
    urgency_justification = models.TextField(blank=True)
    access_form = models.CharField(
        max_length=16, choices=AccessForm.choices, default=AccessForm.ELECTRONIC
    )
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    private_until = models.DateField(null=True, blank=True)
    public_name_choice = models.CharField(
        max_length=16, choices=PublicNameChoice.choices, default=PublicNameChoice.NAME
    )
    pseudonym = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    filed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("batch request")
        verbose_name_plural = _("batch requests")

    def __str__(self) -> str:
        return f"{self.reference} · {self.subject}"

    DRAFT_FIELDS = (
        "subject",
        "text",
        "urgency",
        "urgency_justification",
        "access_form",
        "visibility",
        "private_until",
        "public_name_choice",
        "pseudonym",
    )

    def draft_fields(self) -> dict:
        """What each body's request is created with."""
        return {name: getattr(self, name) for name in self.DRAFT_FIELDS}
