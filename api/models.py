"""What an agency's OAuth client application may ask for (api.clients)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from oauth2_provider.settings import oauth2_settings

# The scopes an application may be granted, and what each lets it do (docs/api.md).
SCOPES = {
    "requests:read": _("Read the body's requests, their case files and their queue"),
    "requests:act": _("Take the body's actions on its requests"),
    "officers:read": _("List the body's officers and coordinators"),
}


class ClientScopes(models.Model):
    """The scopes an administrator granted one client application; a token asks for some or
    all of them, never more (api.clients.ApplicationScopes)."""

    application = models.OneToOneField(
        oauth2_settings.APPLICATION_MODEL,
        on_delete=models.CASCADE,
        related_name="api_scopes",
        verbose_name=_("application"),
    )
    scopes = models.JSONField(
        _("scopes"),
        default=list,
        blank=True,
        help_text=_("What the application may do: requests:read, requests:act, officers:read."),
    )

    class Meta:
        verbose_name = _("API scopes")
        verbose_name_plural = _("API scopes")

    def __str__(self) -> str:
        return " ".join(self.scopes)
