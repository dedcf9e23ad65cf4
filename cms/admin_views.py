"""Wagtail admin views: answers waiting for the disclosure log, compliance across bodies, and
requests asked often enough to publish unasked."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import ServiceError

from . import asked_often, compliance, permissions, selectors, services


class PublishAnswersView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Publish answers")
    header_icon = "doc-full-inverse"
    template_name = "cms/admin/publish_answers.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_manage_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["candidates"] = selectors.publishable_requests()
        context["drafts"] = selectors.disclosure_log_drafts()
        context["log_index"] = selectors.disclosure_log_index()
        return context


class ComplianceReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Disclosure compliance")
    header_icon = "tasks"
    template_name = "cms/admin/compliance_report.html"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": "", "label": _("Reports")},
    ]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = compliance.compliance_report()
        only_problems = self.request.GET.get("problems") == "1"
        if only_problems:
            report = [row for row in report if row.missing or row.out_of_date]
        context["report"] = report
        context["only_problems"] = only_problems
        context["today"] = selectors.today()
        return context


class AskedOftenView(WagtailAdminTemplateMixin, TemplateView):
    """ "Asked N times": for one body, clusters of alike answered public requests, each with a
    button that starts a draft disclosure under the category that fits (editors only: a right
    to add pages to the body's disclosures section)."""

    page_title = _("Asked N times")
    header_icon = "doc-full-inverse"
    template_name = "cms/admin/asked_often.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def _sections(self):
        return [
            section
            for section in selectors.disclosure_sections_all()
            if services.can_start_disclosure(section=section, user=self.request.user)
        ]

    def dispatch(self, request, *args, **kwargs):
        self.sections = self._sections()
        if not self.sections:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _chosen(self, slug):
        return next((s for s in self.sections if s.body.slug == slug), None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = self._chosen(self.request.GET.get("body", ""))
        context["sections"] = self.sections
        context["chosen"] = chosen
        if chosen is not None:
            context["clusters"] = asked_often.clusters_of(body=chosen.body)
            context["categories"] = selectors.disclosure_categories(law=chosen.body.law)
        context["error"] = kwargs.get("error", "")
        return context

    def post(self, request, *args, **kwargs):
        chosen = self._chosen(request.POST.get("body", ""))
        if chosen is None:
            return self.render_to_response(
                self.get_context_data(error=_("Choose a body.")), status=400
            )
        try:
            page = services.disclosure_draft_from_requests(
                body=chosen.body,
                category_id=request.POST.get("category", ""),
                request_ids=request.POST.getlist("requests"),
                actor=request.user,
            )
        except ServiceError as error:
            self.request.GET = request.POST  # show the same body's clusters again
            return self.render_to_response(
                self.get_context_data(error=str(error)), status=error.status
            )
        messages.success(request, _("A draft disclosure was started; complete it and submit it."))
        return redirect("wagtailadmin_pages:edit", page.pk)
