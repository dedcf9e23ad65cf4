"""What the requester (or a moderator) says a body's e-mailed letter is, and the check before
a file from it is published. The rules are the services'; these forms only parse."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from foi.forms.case import TEXT_MAX, VersionedForm
from foi.forms.cleaning import CleanTextMixin
from foi.models import Exemption
from foi.privacy import masking

NOTE_MAX = 2_000


def reason_label(reason: dict) -> str:
    """An extension reason of the law in the reader's language, with its article."""
    language = (translation.get_language() or "en")[:2]
    label = reason.get(f"label_{language}") or reason.get("label") or reason.get("code")
    return f"{label} ({reason['article']})" if reason.get("article") else label


class ClassifyForm(VersionedForm):
    """Every field shows at once (no script): the outcome, then what some outcomes need."""

    CONFIRM = "confirm_identity"

    outcome = forms.ChoiceField(
        label=_("What is the letter?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what the letter is."),
            "invalid_choice": _("Choose one of the kinds of letter shown."),
        },
    )
    exemptions = forms.MultipleChoiceField(
        label=_("Grounds the letter cites (for a partial answer or a refusal)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reason = forms.ChoiceField(
        label=_("Reason the letter gives (for an extension)"),
        widget=forms.RadioSelect,
        required=False,
    )
    body = forms.ModelChoiceField(
        label=_("Body it was forwarded to (for a forwarding)"),
        queryset=None,
        required=False,
        empty_label="—",
    )
    text = forms.CharField(
        label=_("Text for the public record"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Everyone will read this on the request's page. We copied the letter's text: "
            "remove personal data (names, signatures, ID numbers, addresses and phone numbers "
            "of anyone but officials acting in their role). When empty, the letter's text is "
            "used."
        ),
    )

    def __init__(self, *args, foi_request, outcomes, exemptions, transfer_targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.foi_request = foi_request
        self.fields["outcome"].choices = list(outcomes)
        self.exemption_list = list(exemptions)
        self.fields["exemptions"].choices = [
            (exemption.code, f"{exemption.article}: {exemption.title}")
            for exemption in self.exemption_list
        ]
        for exemption in self.exemption_list:
            self.fields[self.note_name(exemption.code)] = forms.CharField(
                label=_("What is withheld on this ground, and why (as the letter says)"),
                required=False,
                max_length=NOTE_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        reasons = foi_request.law.extension_reasons or []
        self.fields["reason"].choices = [(r["code"], reason_label(r)) for r in reasons]
        self.fields["body"].queryset = transfer_targets
        self.identity_warning = ""
        if self.is_bound:
            self.identity_warning = masking.publication_warning(
                foi_request, str(self.data.get(self.add_prefix("text"), ""))
            )
            if self.identity_warning:
                self.fields[self.CONFIRM] = forms.BooleanField(
                    label=_("Publish it as it is: I have checked what identifies the requester"),
                    required=False,
                )

    @staticmethod
    def note_name(code: str) -> str:
        return f"note_{code}"

    def grounds(self):
        """Each ground of the law with its checkbox state and its note field, for the page."""
        chosen = set(self["exemptions"].value() or [])
        return [
            {
                "exemption": exemption,
                "checked": exemption.code in chosen,
                "note": self[self.note_name(exemption.code)],
            }
            for exemption in self.exemption_list
        ]

    def clean(self):
        cleaned = super().clean()
        if self.identity_warning and not cleaned.get(self.CONFIRM):
            raise ValidationError(self.identity_warning)
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "exemptions": [
                {"code": code, "note": data.get(self.note_name(code), "")}
                for code in data.get("exemptions") or []
            ],
            "reason": data.get("reason") or "",
            "body": data.get("body"),
            "text": data.get("text") or "",
        }


def law_exemptions(law):
    return Exemption.objects.filter(law=law)


class PublishFileForm(CleanTextMixin, forms.Form):
    checked = forms.BooleanField(
        label=_("I have checked this file"),
        error_messages={
            "required": _(
                "Tick the box to say you have checked the file for personal data before it "
                "is published."
            )
        },
    )
