"""A body's prepared letters (issue 25 item 7): the officer picks one in an action's form and
gets its text with the request's details filled in (``foi.letter_templates``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterAction(models.TextChoices):
    """The actions whose form has a letter to write; the names are the transitions'."""

    ANSWER = "answer", _("Answer")
    ASK_CLARIFICATION = "ask_clarification", _("Ask for clarification")
    EXTEND = "extend", _("Extend")
    TRANSFER = "transfer", _("Forward to another body")
    REFUSE = "refuse", _("Refuse")
    REJECT = "reject", _("Reject as not a valid request")


class LetterLanguage(models.TextChoices):
    AZ = "az", "Azərbaycanca"
    EN = "en", "English"
    RU = "ru", "Русский"


class LetterTemplate(models.Model):
    body = models.ForeignKey(
        "foi.PublicBody", on_delete=models.CASCADE, related_name="letter_templates"
    )
    law = models.ForeignKey(
        "foi.Law",
        on_delete=models.CASCADE,
        related_name="letter_templates",
        help_text=_("Offered on the body's requests under this law."),
    )
    action = models.CharField(_("action"), max_length=32, choices=LetterAction.choices)
    language = models.CharField(_("language"), max_length=2, choices=LetterLanguage.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["action", "language", "title"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "law", "action", "language", "title"],
                name="letter_template_unique_title",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def clean(self):
        from foi.letter_templates import PlaceholderError, placeholders_check

        try:
            placeholders_check(self.text or "")
        except PlaceholderError as error:
            raise ValidationError({"text": str(error)}) from error
