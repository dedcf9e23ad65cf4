from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import files
from core.uploads import MultipleFileField, MultipleFileInput
from foi.forms.cleaning import CleanTextMixin
from foi.models import AppealDecision, Exemption, Outcome, PublicBody
from foi.services import letters
from mail.models import NotificationPreferences
from mail.preferences import FIELDS


class NotificationPreferencesForm(forms.ModelForm):
    """The optional notices; officers' ones only for people who work for a body (the others
    keep their stored values)."""

    class Meta:
        model = NotificationPreferences
        fields = FIELDS
        widgets = {"follower_digest": forms.RadioSelect}

    def __init__(self, *args, is_officer: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_officer:
            for name in [name for name in self.fields if name.startswith("officer_")]:
                del self.fields[name]


# -- the reply link's form (mail/replylinks.py) --------------------------------------------------


# What the body's officer says the body does, in its own voice (foi.services.letters.LABELS
# says it in the requester's).
REPLY_LABELS = {
    "acknowledgement": _("We acknowledge receipt; the answer will follow"),
    "clarification": _("We ask the requester to clarify the request"),
    "extension": _("We extend the deadline"),
    "transfer": _("We forward the request to another body"),
    Outcome.FULL.value: _("We give the information in full"),
    Outcome.PARTIAL.value: _("We give the information in part"),
    Outcome.REFUSED.value: _("We refuse the request"),
    Outcome.NOT_HELD.value: _("We do not hold the information"),
}


def _reason_label(reason: dict) -> str:
    language = (translation.get_language() or "en")[:2]
    label = reason.get(f"label_{language}") or reason.get("label") or reason.get("code")
    return f"{label} ({reason['article']})" if reason.get("article") else label


class ReplyLinkForm(CleanTextMixin, forms.Form):
    """The body's move through its reply link: what it does, its text, grounds, files."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("What do you do?"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Your answer or reasons"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Published on the request's page with your decision."),
    )
    grounds = forms.MultipleChoiceField(
        label=_("Grounds for withholding (a partial answer or a refusal)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    grounds_note = forms.CharField(
        label=_("How the grounds apply"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    reason = forms.ChoiceField(label=_("Reason for the extension"), required=False)
    transfer_to = forms.ModelChoiceField(
        label=_("Forward to"),
        queryset=PublicBody.objects.none(),
        required=False,
        empty_label=_("Choose a body"),
    )
    files = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=files.ACCEPTED_HELP,
        widget=MultipleFileInput(attrs={"accept": files.ACCEPT_ATTRIBUTE}),
    )

    def __init__(self, *args, link, **kwargs):
        self.link = link
        foi_request = link.foi_request
        kwargs.setdefault("initial", {}).setdefault("version", foi_request.version)
        super().__init__(*args, **kwargs)
        law = foi_request.law
        self.fields["files"].help_text = _("%(kinds)s At most %(size)s each.") % {
            "kinds": files.ACCEPTED_HELP,
            "size": filesizeformat(files.max_upload_size()),
        }
        if link.appeal_id:
            self.fields["outcome"].label = _("Your decision on the appeal")
            self.fields["outcome"].choices = AppealDecision.choices
            self.fields["text"].label = _("Reasons for the decision")
            for name in ("grounds", "grounds_note", "reason", "transfer_to", "files"):
                del self.fields[name]
            return
        self.fields["outcome"].choices = [
            (outcome, REPLY_LABELS[outcome])
            for outcome in letters.REQUEST_OUTCOMES
            if outcome != letters.NOT_A_REPLY
        ]
        self.fields["grounds"].choices = [
            (exemption.code, str(exemption)) for exemption in Exemption.objects.filter(law=law)
        ]
        self.fields["reason"].choices = [("", "-")] + [
            (reason["code"], _reason_label(reason)) for reason in law.extension_reasons or []
        ]
        self.fields["transfer_to"].queryset = PublicBody.objects.filter(
            is_active=True, law_id=foi_request.law_id
        ).exclude(pk=foi_request.body_id)

    def exemptions(self) -> list[dict]:
        note = self.cleaned_data.get("grounds_note", "")
        return [{"code": code, "note": note} for code in self.cleaned_data.get("grounds") or []]
