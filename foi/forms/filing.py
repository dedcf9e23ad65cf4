"""The filing wizard's steps. Each checks its own fields; the draft is saved by a service."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import clock
from core.dates import day_text
from foi.conditions import PRIVATE_FOR_AT_MOST
from foi.forms.cleaning import CleanTextMixin
from foi.forms.govuk import GovukFormMixin
from foi.models import AccessForm, PublicBody, PublicNameChoice, Urgency, Visibility

SUBJECT_MAX = 250
TEXT_MAX = 20_000
JUSTIFICATION_MAX = 5_000
PSEUDONYM_MAX = 100


class BodyForm(GovukFormMixin, CleanTextMixin, forms.Form):
    """The body is chosen by its slug from the list the page shows (or the autocomplete)."""

    # The page draws the radios itself (templates/foi/filing/body.html).
    error_anchors = {"body": "body-choices"}

    body = forms.CharField(
        label=_("Public body"),
        max_length=120,
        error_messages={"required": _("Choose the body that holds the information.")},
    )

    def clean_body(self) -> PublicBody:
        slug = self.cleaned_data["body"].strip()
        body = PublicBody.objects.select_related("law").filter(slug=slug).first()
        if body is None:
            raise forms.ValidationError(_("Choose a body from the list."))
        if not body.is_active:
            raise forms.ValidationError(
                _("%(body)s no longer takes requests; choose another body.") % {"body": body.name}
            )
        return body


class LetterForm(GovukFormMixin, CleanTextMixin, forms.Form):
    subject = forms.CharField(
        label=_("Subject"),
        max_length=SUBJECT_MAX,
        help_text=_("A short title, e.g. “Budget execution report for 2025”."),
        error_messages={"required": _("Give your request a subject.")},
    )
    text = forms.CharField(
        label=_("Your request"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Describe the information you want as precisely as you can: which documents or "
            "figures, for which period and place. You need not say why you want it."
        ),
        error_messages={"required": _("Describe the information you ask for.")},
    )


class DetailsForm(GovukFormMixin, CleanTextMixin, forms.Form):
    access_form = forms.ChoiceField(
        label=_("How would you like to receive the information?"),
        choices=AccessForm.choices,
        widget=forms.RadioSelect,
    )
    urgency = forms.ChoiceField(
        label=_("Is it urgent?"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "The law sets shorter deadlines for urgent requests; the body may check your reason."
        ),
    )
    urgency_justification = forms.CharField(
        label=_("Why is it urgent?"),
        max_length=JUSTIFICATION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for an urgent request."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read the request and its answer?"),
        choices=[
            (Visibility.PUBLIC, _("Everyone, from the moment it is sent")),
            (Visibility.PRIVATE, _("Only me and the body, until a date I choose")),
        ],
        widget=forms.RadioSelect,
    )
    private_until = forms.DateField(
        label=_("Private until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("At most twelve months from today; then it becomes public."),
    )
    public_name_choice = forms.ChoiceField(
        label=_("How should you be shown in public?"),
        choices=PublicNameChoice.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "The body always sees your real name and contact details; the public never "
            "sees your contact details."
        ),
    )
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=PSEUDONYM_MAX,
        required=False,
        help_text=_("Required if you chose a pseudonym."),
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if (
            data.get("urgency") not in (None, Urgency.NORMAL)
            and not data.get("urgency_justification", "").strip()
        ):
            self.add_error(
                "urgency_justification", _("Say why the request is urgent, or choose normal.")
            )
        if data.get("visibility") == Visibility.PRIVATE:
            until = data.get("private_until")
            today = timezone.localdate(clock.now())
            if until is None:
                self.add_error(
                    "private_until", _("Choose the date when the request may become public.")
                )
            elif not today < until <= today + PRIVATE_FOR_AT_MOST:
                self.add_error(
                    "private_until",
                    _("Choose a date after today and no later than %(last)s.")
                    % {"last": day_text(today + PRIVATE_FOR_AT_MOST)},
                )
        else:
            data["private_until"] = None
        choice = data.get("public_name_choice")
        if choice == PublicNameChoice.PSEUDONYM and not data.get("pseudonym", "").strip():
            self.add_error("pseudonym", _("Write the pseudonym to show in public."))
        if (
            choice == PublicNameChoice.NAME
            and self.user is not None
            and not self.user.get_full_name().strip()
        ):
            self.add_error(
                "public_name_choice",
                _("Your profile has no name yet: add it, or choose a pseudonym or to withhold it."),
            )
        return data


def initial_private_until() -> datetime.date:
    return timezone.localdate(clock.now()) + datetime.timedelta(days=90)
