from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BodySuggestionKind(models.TextChoices):
    NEW_BODY = "new_body", _("A new public body")
    CORRECTION = "correction", _("A correction")


class BodyField(models.TextChoices):
    """What of a body's contact details a person may suggest correcting (and whose changes the
    history keeps). ``name`` is the name in the suggester's language (``language``)."""

    REQUEST_EMAIL = "request_email", _("Request e-mail")
    WEBSITE = "website", _("Website")
    NAME = "name", _("Name")


class BodySuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class BodySuggestion(models.Model):
    """A signed-in person's suggestion of a new public body, or of a corrected e-mail address,
    website or name of one, for a moderator to accept or decline (``foi.services.
    body_suggestions``). Who suggested is for moderators only; never shown publicly."""

    kind = models.CharField(max_length=16, choices=BodySuggestionKind.choices)
    # A correction: the body, what to change and the new value.
    body = models.ForeignKey(
        "foi.PublicBody",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    field = models.CharField(max_length=16, choices=BodyField.choices, blank=True)
    value = models.CharField(_("new value"), max_length=300, blank=True)
    # A new body: its name (in ``language``), e-mail, website and superior body.
    name = models.CharField(_("name"), max_length=300, blank=True)
    request_email = models.EmailField(_("request e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    parent = models.ForeignKey(
        "foi.PublicBody", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=8, default="az")
    reason = models.TextField(_("why"), max_length=2000, blank=True)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_suggestions"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=16, choices=BodySuggestionStatus.choices, default=BodySuggestionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("moderator's reason"), max_length=2000, blank=True)
    created_body = models.ForeignKey(
        "foi.PublicBody", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("body suggestion")
        verbose_name_plural = _("body suggestions")
        indexes = [models.Index(fields=["suggested_by", "created_at"])]
        constraints = [
            # Two people (or two tabs) cannot both leave a pending change of the same field.
            models.UniqueConstraint(
                fields=["body", "field"],
                condition=Q(status="pending", kind="correction"),
                name="body_suggestion_one_pending_per_field",
            )
        ]

    def __str__(self) -> str:
        if self.kind == BodySuggestionKind.NEW_BODY:
            return f"+ {self.name}"
        return f"{self.body_id} {self.field} → {self.value}"

    @property
    def is_pending(self) -> bool:
        return self.status == BodySuggestionStatus.PENDING


class BodyContactChange(models.Model):
    """One change of a body's e-mail address, website or name: the history moderators read
    before deciding, and the public history of names and websites (never who made it)."""

    body = models.ForeignKey(
        "foi.PublicBody", on_delete=models.CASCADE, related_name="contact_changes"
    )
    field = models.CharField(max_length=16)
    old = models.CharField(max_length=300, blank=True)
    new = models.CharField(max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    suggestion = models.ForeignKey(
        BodySuggestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("change of a body's contact details")
        verbose_name_plural = _("changes of bodies' contact details")

    def __str__(self) -> str:
        return f"{self.body_id} {self.field}: {self.old} → {self.new}"
