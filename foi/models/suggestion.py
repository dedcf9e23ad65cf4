from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClassificationSuggestion(models.Model):
    """A follower's suggestion of what a body's e-mailed reply is, for a moderator to confirm
    (``foi.services.suggestions``). One per letter and person (a second one replaces the first);
    closed once the letter is classified, by whoever did it."""

    letter = models.ForeignKey(
        "foi.Message", on_delete=models.CASCADE, related_name="classification_suggestions"
    )
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    outcome = models.CharField(_("what the reply is"), max_length=24)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("classification suggestion")
        verbose_name_plural = _("classification suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "suggested_by"], name="suggestion_once_per_letter_and_person"
            )
        ]

    @property
    def is_open(self) -> bool:
        return not self.letter.classified_as

    def __str__(self) -> str:
        return f"{self.letter_id} {self.outcome} ({self.suggested_by_id})"
