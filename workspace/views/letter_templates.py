"""The body's letter templates: coordinators write them, officers pick them in action forms.

Anyone who coordinates no body is refused (403, with the reason); a template of a body the
person does not work for is 404; a member who is not its coordinator may not change it (403).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from core.errors import NotPermitted, NotVisible, ServiceError
from foi import permissions, selectors, services
from workspace import forms
from workspace.views.base import WorkspaceView

LIST_URL = "foi_workspace:letter_templates"


class _CoordinatorsView(WorkspaceView):
    def dispatch(self, request, *args, **kwargs):
        if not selectors.letter_template_bodies(user=request.user).exists():
            return self.refuse(
                NotPermitted(_("Only the body's coordinators may change its letter templates."))
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        self.crumbs = [(reverse(LIST_URL), _("Letter templates"))]
        return super().get_breadcrumbs_items()


class LetterTemplateListView(_CoordinatorsView):
    template_name = "workspace/letter_templates.html"
    page_title = gettext_lazy("Letter templates")

    def get_breadcrumbs_items(self):
        self.crumbs = []
        return WorkspaceView.get_breadcrumbs_items(self)

    def get(self, request):
        return self.render({"letter_templates": selectors.letter_template_list(user=request.user)})


class LetterTemplateCreateView(_CoordinatorsView):
    template_name = "workspace/letter_template_form.html"
    page_title = gettext_lazy("New letter template")

    def get(self, request):
        body = selectors.letter_template_bodies(user=request.user).first()
        initial = {"body": body, "law": body.law_id, "language": request.LANGUAGE_CODE[:2]}
        return self.render({"form": forms.LetterTemplateForm(user=request.user, initial=initial)})

    def post(self, request):
        form = forms.LetterTemplateForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render({"form": form}, status=400)
        try:
            services.letter_template_create(actor=request.user, **form.service_kwargs())
        except ServiceError as error:
            _show_errors(form, error)
            return self.render({"form": form}, status=error.status)
        messages.success(request, _("The letter template is saved."))
        return redirect(LIST_URL)


class LetterTemplateEditView(_CoordinatorsView):
    template_name = "workspace/letter_template_form.html"
    page_title = gettext_lazy("Edit a letter template")

    def load(self, template_id):
        try:
            self.letter_template = selectors.letter_template_get(
                user=self.request.user, template_id=template_id
            )
        except NotVisible as error:
            raise Http404(str(error)) from error
        if not permissions.can_edit_letter_templates(
            self.letter_template.body_id, self.request.user
        ):
            return self.refuse(
                NotPermitted(_("Only the body's coordinators may change its letter templates."))
            )
        return None

    def make_form(self, data=None):
        return forms.LetterTemplateForm(
            data, user=self.request.user, letter_template=self.letter_template
        )

    def context(self, form):
        return {"form": form, "letter_template": self.letter_template}

    def get(self, request, template_id):
        return self.load(template_id) or self.render(self.context(self.make_form()))

    def post(self, request, template_id):
        refused = self.load(template_id)
        if refused is not None:
            return refused
        if "delete" in request.POST:
            services.letter_template_delete(
                actor=request.user, letter_template=self.letter_template
            )
            messages.success(request, _("The letter template is deleted."))
            return redirect(LIST_URL)
        form = self.make_form(request.POST)
        if not form.is_valid():
            return self.render(self.context(form), status=400)
        try:
            services.letter_template_update(
                actor=request.user, letter_template=self.letter_template, **form.service_kwargs()
            )
        except ServiceError as error:
            _show_errors(form, error)
            return self.render(self.context(form), status=error.status)
        messages.success(request, _("The letter template is saved."))
        return redirect(LIST_URL)


def _show_errors(form, error: ServiceError) -> None:
    placed = False
    for field, field_errors in (error.errors or {}).items():
        if field in form.fields:
            for message in field_errors:
                form.add_error(field, message)
            placed = True
    if not placed:
        form.add_error(None, error.message)
