"""Client applications in Django's admin: django-oauth-toolkit's own page, with the scopes an
administrator grants each application (api.models.ClientScopes) on it."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from oauth2_provider.admin import ApplicationAdmin as ToolkitApplicationAdmin
from oauth2_provider.models import get_application_model

from api.models import SCOPES, ClientScopes


class ClientScopesForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("scopes"),
        choices=list(SCOPES.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ClientScopes
        fields = ["scopes"]


class ClientScopesInline(admin.StackedInline):
    model = ClientScopes
    form = ClientScopesForm
    can_delete = False
    min_num = 1
    max_num = 1


class ApplicationAdmin(ToolkitApplicationAdmin):
    """django-oauth-toolkit's application page (docs/api.md, "Agency systems")."""

    inlines = [ClientScopesInline]


# django-oauth-toolkit registered its own page on import (just above); this one replaces it.
admin.site.unregister(get_application_model())
admin.site.register(get_application_model(), ApplicationAdmin)
