"""A follower suggests what a body's e-mailed reply is, for a moderator to confirm
(``foi.services.suggestions``): ``/requests/<reference>/replies/<message_id>/suggest/``.

The letter itself is for the parties: a follower who is not one never reads it here. The page
says that the body replied and when, shows the letter only to someone who may read it (a
public letter, masked as the public sees it), and lets the follower suggest from the public
record of the case (its page and timeline). Its existence and date are not secret: the case's
public trail says that the body wrote.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import Conflict, NotPermitted, ServiceError
from foi import permissions, selectors, services
from foi.forms.cleaning import CleanTextMixin
from foi.models import ClassificationSuggestion, Message, MessageKind
from foi.services.letters import LABELS
from foi.services.suggestions import NOTE_MAX, outcomes_for
from foi.views.common import attach_errors, get_visible_request


class SuggestForm(CleanTextMixin, forms.Form):
    outcome = forms.ChoiceField(label=gettext_lazy("The letter is"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=gettext_lazy("Why you think so (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=NOTE_MAX,
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [(value, LABELS[value]) for value in choices]


def _letter(foi_request, message_id) -> Message:
    letter = (
        Message.objects.filter(
            pk=message_id,
            foi_request=foi_request,
            kind=MessageKind.EMAIL_IN,
            from_body__isnull=False,
            sender_unknown=False,
        )
        .select_related("from_body")
        .first()
    )
    if letter is None:
        raise Http404("No such letter.")
    return letter


@login_required
def suggest(request, reference, message_id):
    foi_request = get_visible_request(request, reference)
    letter = _letter(foi_request, message_id)
    user = request.user
    readable = {
        message.pk: message
        for message in selectors.message_list(foi_request=foi_request, user=user)
    }
    context = {
        "foi_request": foi_request,
        "letter": letter,
        "readable": readable.get(letter.pk),
    }
    refusal = None
    if permissions.is_requester(foi_request, user):
        refusal = NotPermitted(
            _("You made this request: say what the letter is on the request's page.")
        )
    elif not permissions.can_suggest_classification(foi_request, user):
        refusal = NotPermitted(_("Follow the request to suggest what the body's reply is."))
    elif letter.classified_as:
        refusal = Conflict(
            _("This letter is already recorded as “%(outcome)s”.")
            % {"outcome": LABELS.get(letter.classified_as, letter.classified_as)}
        )
    if refusal is not None:
        return render(
            request,
            "foi/reply_suggest.html",
            {**context, "refusal": refusal},
            status=refusal.status,
        )
    mine = ClassificationSuggestion.objects.filter(letter=letter, suggested_by=user).first()
    choices = outcomes_for(foi_request, letter)
    status = 200
    if request.method == "POST":
        form = SuggestForm(request.POST, choices=choices)
        if form.is_valid():
            try:
                services.classification_suggest(
                    foi_request=foi_request,
                    letter=letter,
                    user=user,
                    outcome=form.cleaned_data["outcome"],
                    note=form.cleaned_data["note"],
                )
            except ServiceError as error:
                attach_errors(form, error)
                status = error.status
            else:
                messages.success(
                    request, _("Thank you: a moderator will see your suggestion and confirm it.")
                )
                return redirect("foi:request_reply_suggest", foi_request.reference, letter.pk)
        else:
            status = 400
    else:
        initial = {"outcome": mine.outcome, "note": mine.note} if mine else None
        form = SuggestForm(initial=initial, choices=choices)
    return render(
        request,
        "foi/reply_suggest.html",
        {**context, "form": form, "mine": mine},
        status=status,
    )
