"""The moderators' queue of bodies' e-mailed replies nobody classified within a week, and the
page where a moderator reads one and says what it is (or confirms a follower's suggestion).
Only moderators (``foi.permissions.is_moderator``) see either; everyone else gets a 403 with
the reason."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import InvalidInput, NotPermitted, NotVisible, ServiceError
from foi import permissions, selectors, services
from foi.models import ClassificationSuggestion
from foi.services.letters import LABELS
from workspace.forms import ClassifyReplyForm, GroundFormSet
from workspace.views.base import WorkspaceView

PAGE_SIZE = 50


class ModeratorView(WorkspaceView):
    members_only = False

    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_moderator(request.user):
            return self.refuse(
                NotPermitted(_("Only moderators classify the replies nobody has classified."))
            )
        return super().dispatch(request, *args, **kwargs)


class ReplyQueueView(ModeratorView):
    template_name = "workspace/replies.html"
    page_title = gettext_lazy("Replies waiting to be classified")

    def get(self, request):
        letters = selectors.moderator_reply_queue(user=request.user)
        page = Paginator(letters, PAGE_SIZE).get_page(request.GET.get("p"))
        # Files of recorded replies nobody has published yet: each to redact, or to publish.
        files = Paginator(selectors.moderator_letter_files(user=request.user), PAGE_SIZE)
        return self.render(
            {"page": page, "labels": LABELS, "files": files.get_page(request.GET.get("f"))}
        )


class ClassifyReplyView(ModeratorView):
    template_name = "workspace/classify_reply.html"
    page_title = gettext_lazy("Say what the body's letter is")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.crumbs = [(reverse("foi_workspace:replies"), _("Replies waiting to be classified"))]

    def _letter(self, request, message_id):
        try:
            return selectors.moderator_reply_get(user=request.user, message_id=message_id)
        except NotVisible as error:
            raise Http404(str(error)) from error

    def _forms(self, letter, data=None):
        foi_request = letter.foi_request
        form = ClassifyReplyForm(data, foi_request=foi_request)
        formset = GroundFormSet(data, law=foi_request.law, with_attachment=False, prefix="grounds")
        return form, formset

    def _page(self, letter, form, formset, *, status=200):
        return self.render(
            {
                "letter": letter,
                "foi_request": letter.foi_request,
                "form": form,
                "formset": formset,
                "suggestions": selectors.suggestions_of(letter=letter),
                "labels": LABELS,
                "case_url": reverse("foi_workspace:case", args=[letter.foi_request.reference]),
            },
            status=status,
        )

    def get(self, request, message_id):
        letter = self._letter(request, message_id)
        form, formset = self._forms(letter)
        return self._page(letter, form, formset)

    def post(self, request, message_id):
        letter = self._letter(request, message_id)
        form, formset = self._forms(letter, request.POST)
        if not (form.is_valid() and formset.is_valid()):
            return self._page(letter, form, formset, status=400)
        data = form.cleaned_data
        extra = {
            "exemptions": formset.grounds() or None,
            "reason": data.get("reason") or "",
            "body": data.get("body"),
            "text": data.get("text") or "",
        }
        try:
            if data.get("suggestion"):
                suggestion = ClassificationSuggestion.objects.filter(
                    pk=data["suggestion"], letter=letter
                ).first()
                if suggestion is None:
                    raise InvalidInput(
                        _("There is no such suggestion on this letter."),
                        errors={"suggestion": [str(data["suggestion"])]},
                    )
                services.classification_confirm(suggestion=suggestion, actor=request.user, **extra)
            else:
                services.foi_request_classify(
                    foi_request=letter.foi_request,
                    actor=request.user,
                    letter=letter,
                    outcome=data["outcome"],
                    **extra,
                )
        except ServiceError as error:
            form.add_error(None, error.message)
            return self._page(letter, form, formset, status=error.status)
        messages.success(request, _("The letter is recorded."))
        return redirect("foi_workspace:replies")
