"""Filter forms of the public pages. Bad input shows an error and the unfiltered list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from foi import selectors as foi_selectors

from .selectors import today

FIRST_YEAR = 2005  # the year of the Azerbaijani law; no body publishes before its law


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Year"),
            required=False,
            min_value=FIRST_YEAR,
            max_value=today().year + 1,
            widget=forms.NumberInput(
                attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-4"}
            ),
            **kwargs,
        )


class DisclosureFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    def __init__(self, *args, law, **kwargs):
        from .selectors import disclosure_categories

        super().__init__(*args, **kwargs)
        self.fields["year"] = YearField()
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category.code, str(category)) for category in disclosure_categories(law=law)
        ]

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            "category": self.cleaned_data["category"] or "",
            "year": self.cleaned_data["year"],
        }


class DisclosureLogFilterForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Public body"),
        required=False,
        queryset=None,
        to_field_name="slug",
        empty_label=_("All bodies"),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = YearField()
        self.fields["body"].queryset = foi_selectors.public_body_list()

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {"body": self.cleaned_data["body"], "year": self.cleaned_data["year"]}
