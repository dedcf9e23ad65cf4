from django import forms
from django.utils.translation import gettext_lazy as _

from alerts.models import Frequency
from alerts.services import NAME_MAX


class SaveSearchForm(forms.Form):
    """What the search page's "Save this search" posts: the search as it is shown, and how
    often to be e-mailed. The words and filters are checked by the service (it runs them)."""

    q = forms.CharField(required=False, max_length=500)
    kind = forms.CharField(required=False, max_length=40)
    body = forms.CharField(required=False, max_length=20)
    outcome = forms.CharField(required=False, max_length=40)
    year = forms.CharField(required=False, max_length=10)
    name = forms.CharField(label=_("Name"), required=False, max_length=NAME_MAX)
    frequency = forms.ChoiceField(
        label=_("E-mail me new results"), choices=Frequency.choices, initial=Frequency.DAILY
    )

    def filters(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ("kind", "body", "outcome", "year")}


class SavedSearchChangeForm(forms.Form):
    frequency = forms.ChoiceField(label=_("E-mail me new results"), choices=Frequency.choices)
