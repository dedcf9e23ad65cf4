"""The moderators' queue of suggested bodies and corrections, and the page where a moderator
reads one, with the body's contact history, and accepts or declines it with a reason
(``foi.services.body_suggestions``). Only moderators
(``foi.permissions.can_decide_body_suggestion``) see either; everyone else gets a 403."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import NotPermitted, NotVisible, ServiceError
from foi import permissions, selectors, services
from foi.forms.cleaning import CleanTextMixin
from foi.models import Law
from foi.services.body_suggestions import REASON_MAX, current_value
from workspace.views.base import WorkspaceView

PAGE_SIZE = 50


class DecideForm(CleanTextMixin, forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("accept", gettext_lazy("Accept")), ("decline", gettext_lazy("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy(
            "Sent to the person who made the suggestion; required when you decline."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=REASON_MAX,
    )
    law = forms.ModelChoiceField(
        label=gettext_lazy("Law (for a new body)"),
        queryset=Law.objects.all(),
        required=False,
    )


class SuggestionModeratorView(WorkspaceView):
    members_only = False

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_decide_body_suggestion(request.user):
            return self.refuse(
                NotPermitted(_("Only moderators accept or decline suggestions of bodies."))
            )
        return super().dispatch(request, *args, **kwargs)


class BodySuggestionQueueView(SuggestionModeratorView):
    template_name = "workspace/body_suggestions.html"
    page_title = gettext_lazy("Suggested bodies and corrections")

    def get(self, request):
        queue = selectors.body_suggestion_queue(user=request.user)
        page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("p"))
        return self.render({"page": page})


class BodySuggestionDecideView(SuggestionModeratorView):
    template_name = "workspace/body_suggestion.html"
    page_title = gettext_lazy("Accept or decline a suggestion")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.crumbs = [
            (reverse("foi_workspace:body_suggestions"), _("Suggested bodies and corrections"))
        ]

    def _suggestion(self, request, suggestion_id):
        try:
            return selectors.body_suggestion_get(user=request.user, suggestion_id=suggestion_id)
        except NotVisible as error:
            raise Http404(str(error)) from error

    def _page(self, suggestion, form, *, status=200):
        body = suggestion.body
        return self.render(
            {
                "suggestion": suggestion,
                "form": form,
                "current": current_value(body, suggestion.field, suggestion.language)
                if body
                else "",
                "history": selectors.body_contact_history(body=body) if body else [],
            },
            status=status,
        )

    def get(self, request, suggestion_id):
        suggestion = self._suggestion(request, suggestion_id)
        initial = {"law": suggestion.parent.law_id} if suggestion.parent_id else None
        return self._page(suggestion, DecideForm(initial=initial))

    def post(self, request, suggestion_id):
        suggestion = self._suggestion(request, suggestion_id)
        form = DecideForm(request.POST)
        if not form.is_valid():
            return self._page(suggestion, form, status=400)
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                services.body_suggestion_accept(
                    suggestion=suggestion,
                    actor=request.user,
                    reason=data["reason"],
                    law=data["law"],
                )
            else:
                services.body_suggestion_decline(
                    suggestion=suggestion, actor=request.user, reason=data["reason"]
                )
        except ServiceError as error:
            form.add_error("reason" if "reason" in error.errors else None, error.message)
            return self._page(suggestion, form, status=error.status)
        messages.success(
            request,
            _("The suggestion is accepted.")
            if data["decision"] == "accept"
            else _("The suggestion is declined."),
        )
        return redirect("foi_workspace:body_suggestions")
