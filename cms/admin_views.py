"""Wagtail admin views: answers waiting for the disclosure log, and compliance across bodies."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import compliance, permissions, selectors


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
