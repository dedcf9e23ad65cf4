"""The working calendar's additions and a person's calendar feed.

``DeclaredDay``: a day the government declared non-working after the ``holidays`` package was
published (a day of mourning, an election day: Art. 24.3 of the Azerbaijani law excludes them),
kept per country on top of the package. It changes only through
``foi.services.declared_days``, which recomputes the deadlines of the open requests it touches.

``CalendarFeedToken``: the unguessable part of a person's private iCalendar address.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import translated


class DeclaredDayKind(models.TextChoices):
    MOURNING = "mourning", _("Day of mourning")
    ELECTION = "election", _("Election day")
    OTHER = "other", _("Other day declared non-working")


class DeclaredDay(models.Model):
    country = models.CharField(
        _("country"),
        max_length=8,
        help_text=_("The ISO code a law's holiday calendar uses (e.g. AZ)."),
    )
    day = models.DateField(_("day"))
    kind = models.CharField(
        _("kind"), max_length=16, choices=DeclaredDayKind.choices, default=DeclaredDayKind.OTHER
    )
    name_az = models.CharField(_("name (Azerbaijani)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    legal_basis = models.TextField(
        _("legal basis"),
        help_text=_("The decree or order that declared the day non-working, with its date."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["country", "-day"]
        verbose_name = _("declared non-working day")
        verbose_name_plural = _("declared non-working days")
        constraints = [
            models.UniqueConstraint(fields=["country", "day"], name="declared_day_unique_day")
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.day.isoformat()}: {self.name}"

    @property
    def name(self) -> str:
        return translated(self, "name")

    def names(self) -> dict[str, str]:
        return {code: getattr(self, f"name_{code}") for code in ("az", "en", "ru")}


class CalendarFeedToken(models.Model):
    """One per person; resetting replaces the token, so the old address stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_token"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"
