"""The forms of /bodies/suggest/ and /bodies/<slug>/suggest/: what a person types; the rules
(valid address, not a duplicate, the daily limit) are the service's
(``foi.services.body_suggestions``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from foi.forms.cleaning import CleanTextMixin
from foi.models import BodyField, PublicBody
from foi.services.body_suggestions import NAME_MAX, REASON_MAX

REASON_HELP = _(
    "Where you found it, for example a page of the body's website. Moderators read this; it is "
    "not published."
)


class CorrectionForm(CleanTextMixin, forms.Form):
    field = forms.ChoiceField(
        label=_("What is wrong"), choices=BodyField.choices, widget=forms.RadioSelect
    )
    value = forms.CharField(
        label=_("The correct e-mail address, website or name"),
        help_text=_("A name in the language of this page."),
        max_length=NAME_MAX,
    )
    reason = forms.CharField(
        label=_("How you know (optional)"),
        help_text=REASON_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=REASON_MAX,
    )


class NewBodyForm(CleanTextMixin, forms.Form):
    name = forms.CharField(
        label=_("The body's name"),
        help_text=_("In the language of this page."),
        max_length=NAME_MAX,
    )
    request_email = forms.CharField(label=_("Its e-mail address for requests"), max_length=254)
    website = forms.CharField(label=_("Its website (optional)"), required=False, max_length=200)
    parent = forms.ModelChoiceField(
        label=_("Its superior body (optional)"),
        queryset=PublicBody.objects.filter(is_active=True),
        required=False,
        to_field_name="slug",
    )
    reason = forms.CharField(
        label=_("Why it should be here (optional)"),
        help_text=REASON_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=REASON_MAX,
    )
