"""A saved search: the words and filters of a search, how often its digest goes out, and what
the last digest already told."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    OFF = "off", _("No e-mail (the feed only)")


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=120)
    query = models.CharField(_("words"), max_length=500, blank=True)
    # What ``search.search`` cleaned: kind, body (an id), outcome, year.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    frequency = models.CharField(
        _("how often"), max_length=8, choices=Frequency.choices, default=Frequency.DAILY
    )
    # The private feed's address carries this instead of a sign-in (feed readers send no
    # cookies); 256 random bits.
    feed_token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    # The last run of the digest: what is dated after it (less the look-back) is new.
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # Keys (``kind:id``) already sent whose date is within the look-back: never sent twice.
    sent_keys = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        indexes = [models.Index(fields=["frequency", "last_sent_at"], name="savedsearch_due")]

    def __str__(self) -> str:
        return self.name

    def search_params(self) -> dict:
        """The search page's query string for this search."""
        params = {"q": self.query} if self.query else {}
        params.update({name: str(value) for name, value in self.filters.items() if value})
        return params
