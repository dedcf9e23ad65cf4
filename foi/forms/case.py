"""What a requester does on the case page: clarify, withdraw, appeal."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from foi.forms.cleaning import CleanTextMixin

TEXT_MAX = 20_000


class VersionedForm(CleanTextMixin, forms.Form):
    """Carries the version of the request the person was looking at, so that acting on a page
    that has changed meanwhile is refused instead of applied to something they did not see."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class ClarifyForm(VersionedForm):
    text = forms.CharField(
        label=_("Your clarification"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write the clarification the body asked for.")},
    )


class WithdrawForm(VersionedForm):
    text = forms.CharField(
        label=_("Why are you withdrawing it? (optional, shown in public)"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AppealForm(VersionedForm):
    level = forms.ChoiceField(label=_("Appeal to"), widget=forms.RadioSelect)
    grounds = forms.CharField(
        label=_("Your appeal"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Say what you disagree with and what you ask the reviewer to do."),
        error_messages={"required": _("Say why you appeal.")},
    )

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [(level.code, level.name) for level in levels]
        self.fields["level"].error_messages["invalid_choice"] = _(
            "An appeal at this level is not open now; choose one of the levels shown."
        )


class ReminderForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your reminder letter"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Sent by e-mail to the body; it is shown on the request's public page."),
        error_messages={"required": _("Write the reminder letter.")},
    )
