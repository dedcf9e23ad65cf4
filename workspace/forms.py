"""Forms of the workspace. They parse and check what was typed; the rules live in the services,
whose refusals the views show next to the form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from core import clock, files
from core.inputs import earliest_receipt, receipt_before_law_message
from core.uploads import MultipleFileField, MultipleFileInput
from foi import letter_templates
from foi import selectors as foi_selectors
from foi.forms.cleaning import CleanTextMixin
from foi.models import (
    AccessForm,
    AppealDecision,
    Channel,
    Exemption,
    Law,
    LetterAction,
    LetterLanguage,
    Outcome,
    PublicNameChoice,
    Urgency,
    Visibility,
)
from foi.models.law import FeeClass
from foi.privacy import masking
from workspace import selectors

TEXTAREA = forms.Textarea(attrs={"rows": 8})


class ActionForm(CleanTextMixin, forms.Form):
    """Every action on a request carries the version of the request the person was looking
    at, so that acting on a page someone else has since changed is refused, not applied."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, foi_request, user, **kwargs):
        self.foi_request = foi_request
        self.user = user
        kwargs.setdefault("initial", {}).setdefault("version", foi_request.version)
        super().__init__(*args, **kwargs)


class IdentityWarning:
    """For a text the public will read: when it carries the requester's identity (their name
    under a pseudonym, their e-mail, phone or address), the first send is refused with a
    warning naming what was found, and a box appears; the text goes only when it is ticked.
    The public reads those parts masked anyway (``foi.privacy.masking``)."""

    warned_fields = ("text",)
    CONFIRM = "confirm_identity"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.identity_warning = ""
        if not self.is_bound:
            return
        texts = [str(self.data.get(self.add_prefix(name), "")) for name in self.warned_fields]
        texts += [upload.name for upload in self.files.getlist(self.add_prefix("files"))]
        self.identity_warning = masking.publication_warning(self.foi_request, *texts)
        if self.identity_warning:
            self.fields[self.CONFIRM] = forms.BooleanField(
                label=_("Send it as it is: I have checked what identifies the requester"),
                required=False,
            )

    def clean(self):
        cleaned = super().clean()
        if self.identity_warning and not cleaned.get(self.CONFIRM):
            raise ValidationError(self.identity_warning)
        return cleaned


class AcceptForm(ActionForm):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=None,
        required=False,
        empty_label=_("Nobody yet (assign later)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = selectors.body_members(body=self.foi_request.body)


class AssignForm(AcceptForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].required = True
        # A first option that is no one: without it the browser shows the first person (often
        # the coordinator) as chosen. Sending it is refused as a missing field.
        self.fields["assignee"].empty_label = _("Choose a person")
        if self.foi_request.assignee_id:
            self.fields["assignee"].initial = self.foi_request.assignee_id


class AskClarificationForm(IdentityWarning, ActionForm):
    text = forms.CharField(
        label=_("What is missing or unclear"),
        widget=TEXTAREA,
        help_text=_("The requester reads this on the request's page."),
    )


def _reason_label(reason: dict) -> str:
    language = (translation.get_language() or "en")[:2]
    label = reason.get(f"label_{language}") or reason.get("label") or reason.get("code")
    return f"{label} ({reason['article']})" if reason.get("article") else label


class ExtendForm(IdentityWarning, ActionForm):
    reason = forms.ChoiceField(label=_("Reason"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Notice to the requester"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Optional. When empty, the notice gives the reason you chose."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reasons = self.foi_request.law.extension_reasons or []
        self.fields["reason"].choices = [(r["code"], _reason_label(r)) for r in reasons]


class TransferForm(IdentityWarning, ActionForm):
    body = forms.ModelChoiceField(label=_("Forward to"), queryset=None)
    text = forms.CharField(
        label=_("Notice to the requester"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Optional. When empty, the notice says which body now holds the request."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The current body stays in the list, marked, so that choosing it gets the service's
        # own explanation rather than a bare "not one of the choices".
        field = self.fields["body"]
        field.queryset = selectors.transfer_targets(foi_request=self.foi_request)
        current = self.foi_request.body_id
        field.label_from_instance = lambda body: (
            _("%(body)s (holds it now)") % {"body": body.name} if body.pk == current else body.name
        )


class AnswerForm(IdentityWarning, ActionForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        widget=forms.RadioSelect,
        choices=[
            (Outcome.FULL, Outcome.FULL.label),
            (Outcome.PARTIAL, Outcome.PARTIAL.label),
            (Outcome.NOT_HELD, Outcome.NOT_HELD.label),
        ],
    )
    text = forms.CharField(label=_("The answer"), widget=TEXTAREA)
    files = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=files.ACCEPTED_HELP,
        widget=MultipleFileInput(attrs={"accept": files.ACCEPT_ATTRIBUTE}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _("%(kinds)s At most %(size)s each.") % {
            "kinds": files.ACCEPTED_HELP,
            "size": filesizeformat(files.max_upload_size()),
        }


class RefuseForm(IdentityWarning, ActionForm):
    text = forms.CharField(
        label=_("Reasons for the refusal"),
        widget=TEXTAREA,
        help_text=_("Explain how each ground applies to this request."),
    )


class RejectForm(IdentityWarning, ActionForm):
    warned_fields = ("reason",)

    reason = forms.CharField(
        label=_("Why this is not a valid request"),
        widget=TEXTAREA,
        help_text=_("The requester reads this on the request's page."),
    )


class EstimateFeeForm(IdentityWarning, ActionForm):
    # Text, not a number field: the service checks it and says what is wrong in the law's words.
    amount = forms.CharField(label=_("Amount"), max_length=20)
    text = forms.CharField(
        label=_("How the amount is made up"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The requester reads this on the request's page and by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        currency = self.foi_request.law.fee_currency
        self.fields["amount"].help_text = _("In %(currency)s, for example 12.50.") % {
            "currency": currency
        }


class RecordPaymentForm(ActionForm):
    text = forms.CharField(
        label=_("Note on the payment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Optional; published on the request's page."),
    )


class WaiveFeeForm(IdentityWarning, ActionForm):
    text = forms.CharField(
        label=_("Why the fee is waived"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The requester reads this on the request's page."),
    )


class FeeClassForm(ActionForm):
    fee_class = forms.ChoiceField(label=_("Fee class"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(FeeClass.choices)
        self.fields["fee_class"].choices = [
            (code, labels.get(code, code)) for code in self.foi_request.law.fee_classes
        ]
        self.fields["fee_class"].initial = self.foi_request.fee_class or None


class NoteForm(ActionForm):
    text = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the body's officers see it: never the requester or the public."),
    )


class DecideAppealForm(IdentityWarning, ActionForm):
    warned_fields = ("reasons",)

    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect, choices=AppealDecision.choices
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        widget=TEXTAREA,
        help_text=_(
            "Published on the request's page. Overturning sends the request back to the "
            "body with a new due date."
        ),
    )


class GroundForm(CleanTextMixin, forms.Form):
    """One exemption invoked: the ground, what it covers, and why."""

    ground = forms.ChoiceField(label=_("Ground"), required=False)
    attachment = forms.CharField(
        label=_("Withheld from file"),
        required=False,
        max_length=255,
    )
    note = forms.CharField(
        label=_("What is withheld, and why"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, law, with_attachment=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "—")] + [
            (exemption.code, f"{exemption.article}: {exemption.title}")
            for exemption in Exemption.objects.filter(law=law)
        ]
        if not with_attachment:
            del self.fields["attachment"]

    def clean(self):
        data = super().clean()
        if not data.get("ground") and (data.get("note") or data.get("attachment")):
            self.add_error("ground", _("Choose the ground this row invokes."))
        return data

    def as_ground(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("ground"):
            return None
        ground = {"code": data["ground"], "note": data.get("note", "")}
        if data.get("attachment"):
            ground["attachment"] = data["attachment"].strip()
        return ground


class BaseGroundFormSet(forms.BaseFormSet):
    def __init__(self, *args, law, with_attachment=True, **kwargs):
        self.law = law
        self.with_attachment = with_attachment
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"law": self.law, "with_attachment": self.with_attachment}

    @property
    def empty_form(self):
        return self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            law=self.law,
            with_attachment=self.with_attachment,
        )

    def grounds(self) -> list[dict]:
        return [ground for form in self.forms if (ground := form.as_ground())]


GROUND_ROWS = 5
GroundFormSet = forms.formset_factory(
    GroundForm, formset=BaseGroundFormSet, extra=GROUND_ROWS, max_num=GROUND_ROWS
)


# Intake on behalf ----------------------------------------------------------------------------


class RegisterForm(CleanTextMixin, forms.Form):
    """The requester as the officer knows them: a name and a phone or an address, and, if they
    gave one, an e-mail address to which a link is sent for them to join the request to their
    account (the form never says whether the address has one)."""

    body = forms.ModelChoiceField(label=_("Body"), queryset=None, empty_label=None)
    channel = forms.ChoiceField(
        label=_("How it came in"),
        choices=[(value, label) for value, label in Channel.choices if value != Channel.WEB],
    )
    received_at = forms.DateTimeField(
        label=_("Received on"),
        widget=AdminDateTimeInput,
        help_text=_("The clock starts from this moment, as the law says."),
    )
    requester_email = forms.EmailField(
        label=_("Their e-mail address (optional)"),
        required=False,
        help_text=_(
            "If they give one, we send it a link by which they may join the request to an "
            "account of theirs on this portal. Until they do, the request stays with the "
            "details you type here."
        ),
    )
    first_name = forms.CharField(label=_("First name"), required=False, max_length=150)
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=150)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    postal_address = forms.CharField(
        label=_("Postal address"), required=False, widget=forms.Textarea({"rows": 3})
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for letters"),
        choices=[("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский")],
    )
    subject = forms.CharField(label=_("Subject"), max_length=250)
    text = forms.CharField(label=_("The request, as made"), widget=TEXTAREA)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)
    urgency_justification = forms.CharField(
        label=_("Why it is urgent"), required=False, widget=forms.Textarea({"rows": 3})
    )
    access_form = forms.ChoiceField(label=_("Preferred form of access"), choices=AccessForm.choices)
    public_name_choice = forms.ChoiceField(
        label=_("Shown in public as"),
        choices=[
            (PublicNameChoice.NAME, _("their real name")),
            (PublicNameChoice.PSEUDONYM, _("a pseudonym")),
            (PublicNameChoice.WITHHELD, _("name withheld")),
        ],
    )
    pseudonym = forms.CharField(label=_("Pseudonym"), required=False, max_length=100)
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Visibility.choices)
    private_until = forms.DateField(label=_("Private until"), required=False, widget=AdminDateInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = selectors.workspace_bodies(user=user)

    def clean(self):
        data = super().clean()
        received, body = data.get("received_at"), data.get("body")
        if received is not None and body is not None:
            # The date as typed (no conversion: year 1 or 9999 would overflow it).
            day, earliest = received.date(), earliest_receipt(body.law)
            if day < earliest:
                self.add_error("received_at", receipt_before_law_message(earliest))
            elif day > timezone.localdate(clock.now()):
                self.add_error("received_at", _("The date of receipt cannot be in the future."))
        return data

    def service_kwargs(self) -> dict:
        """What ``foi_request_register_for`` takes, from the cleaned data."""
        data = dict(self.cleaned_data)
        kwargs = {
            "body": data.pop("body"),
            "channel": data.pop("channel"),
            "received_at": data.pop("received_at"),
        }
        person = {
            name: data.pop(name)
            for name in (
                "first_name",
                "last_name",
                "organisation",
                "phone",
                "postal_address",
                "preferred_language",
            )
        }
        kwargs["person"] = person
        kwargs["requester_email"] = data.pop("requester_email") or ""
        return {**kwargs, **data}


# Bodies' e-mailed replies nobody classified ---------------------------------------------------


class ClassifyReplyForm(CleanTextMixin, forms.Form):
    """A moderator says what a body's e-mailed letter is (``foi_request_classify``), or confirms
    a follower's suggestion (``suggestion``: its outcome wins). The grounds of a partial answer
    or a refusal come in the grounds formset beside it."""

    outcome = forms.ChoiceField(label=_("The letter is"), widget=forms.RadioSelect, required=False)
    suggestion = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.ChoiceField(label=_("Reason for the extension"), required=False)
    body = forms.ModelChoiceField(
        label=_("Forwarded to"), queryset=None, required=False, empty_label="—"
    )
    text = forms.CharField(
        label=_("What the public record says"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Optional. When empty, the letter's own text."),
    )

    def __init__(self, *args, foi_request, **kwargs):
        from foi.services.letters import LABELS, OUTCOMES

        super().__init__(*args, **kwargs)
        self.foi_request = foi_request
        self.fields["outcome"].choices = [(value, LABELS[value]) for value in OUTCOMES]
        reasons = foi_request.law.extension_reasons or []
        self.fields["reason"].choices = [("", "—")] + [
            (r["code"], _reason_label(r)) for r in reasons
        ]
        self.fields["body"].queryset = selectors.transfer_targets(foi_request=foi_request)

    def clean(self):
        data = super().clean()
        if not data.get("outcome") and not data.get("suggestion"):
            self.add_error("outcome", _("Choose what the letter is."))
        return data


# Letter templates (coordinators) -------------------------------------------------------------


class LetterTemplateForm(CleanTextMixin, forms.Form):
    """What a coordinator writes; the service checks the placeholders and refuses unknown ones."""

    body = forms.ModelChoiceField(label=_("Body"), queryset=None, empty_label=None)
    law = forms.ModelChoiceField(label=_("Law"), queryset=None, empty_label=None)
    action = forms.ChoiceField(label=_("Action"), choices=LetterAction.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LetterLanguage.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}))

    def __init__(self, *args, user, letter_template=None, **kwargs):
        if letter_template is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(letter_template, name)
                    for name in ("body", "law", "action", "language", "title", "text")
                },
            )
        super().__init__(*args, **kwargs)
        bodies = foi_selectors.letter_template_bodies(user=user)
        self.fields["body"].queryset = bodies
        self.fields["law"].queryset = Law.objects.all()
        if letter_template is not None:
            # A template stays with its body.
            del self.fields["body"]
        self.fields["text"].help_text = _("Placeholders: %(list)s. Write {{ or }} for a brace.") % {
            "list": "; ".join(
                f"{{{name}}}: {words}" for name, words in letter_templates.PLACEHOLDERS.items()
            )
        }

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)
