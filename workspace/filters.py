"""The GET forms of the queue and the reports: what to show, never a change."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from core.inputs import EARLIEST_DATE, LATEST_DATE, parse_date
from foi.forms.cleaning import CleanTextMixin
from foi.models import Channel, State, Urgency
from workspace import selectors, widgets


class QueueFilterForm(CleanTextMixin, forms.Form):
    # The person's bodies as plain choices, read once by the view (a model choice field reads
    # them again for each use of its choices).
    body = forms.TypedChoiceField(
        label=_("Body"), coerce=int, required=False, widget=widgets.Select
    )
    state = forms.ChoiceField(label=_("State"), required=False, widget=widgets.Select)
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False, widget=widgets.Select)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    due_within = forms.IntegerField(
        label=_("Due within (working days)"), required=False, min_value=0, max_value=60
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        required=False,
        choices=[("", _("Any")), *Urgency.choices],
        widget=widgets.Select,
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("Any")), *Channel.choices],
        widget=widgets.Select,
    )

    def __init__(self, *args, user, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if bodies is None:
            bodies = selectors.workspace_bodies(user=user)
        self.fields["body"].choices = [(body.pk, str(body)) for body in bodies]
        self.fields["state"].choices = [
            ("open", _("Open (with the body)")),
            ("all", _("All")),
        ] + [(value, label) for value, label in State.choices if value != State.DRAFT]

    def set_body(self, body) -> None:
        self.fields["assignee"].choices = [
            ("", _("Anyone")),
            ("me", _("Me")),
            ("none", _("Nobody (unassigned)")),
        ] + [(str(person.pk), str(person)) for person in selectors.body_members(body=body)]

    def filters(self) -> selectors.QueueFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return selectors.QueueFilters(
            state=data.get("state") or "open",
            assignee=data.get("assignee") or "",
            overdue=bool(data.get("overdue")),
            due_within=data.get("due_within"),
            urgency=data.get("urgency") or "",
            channel=data.get("channel") or "",
        )


class ReportForm(CleanTextMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=None, empty_label=None)
    date_from = forms.DateField(label=_("Received from"), widget=AdminDateInput)
    date_to = forms.DateField(label=_("Received until"), widget=AdminDateInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = selectors.workspace_bodies(user=user)

    def _clean_day(self, name):
        day = self.cleaned_data.get(name)
        if day is not None and parse_date(day) is None:
            raise forms.ValidationError(
                _("Choose a date between %(earliest)s and %(latest)s.")
                % {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()}
            )
        return day

    def clean_date_from(self):
        return self._clean_day("date_from")

    def clean_date_to(self):
        return self._clean_day("date_to")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The period must end on or after its first day."))
        return data
