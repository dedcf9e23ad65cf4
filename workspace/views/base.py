"""What every workspace page shares: the Wagtail admin frame, the refusal page, the case lookup.

Wagtail turns a raised PermissionDenied into a redirect to its dashboard; a person refused an
action deserves the reason and a 403, so refusals are rendered here instead. Hidden requests
answer 404 (Wagtail's admin 404 page), never 403, so that their existence does not leak.
"""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import NotPermitted, NotVisible, ServiceError
from workspace import selectors

WORKSPACE_ICON = "tasks"


class WorkspaceView(WagtailAdminTemplateMixin, View):
    """A page of the workspace. ``members_only`` pages refuse, with a 403 and a reason, anyone
    who neither works for a body nor administers the portal."""

    header_icon = WORKSPACE_ICON
    members_only = True
    crumbs: list[tuple[str, str]] = []

    def dispatch(self, request, *args, **kwargs):
        if self.members_only and not selectors.may_use_workspace(request.user):
            return self.refuse(
                NotPermitted(_("The requests workspace is for the people who work for a body."))
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("foi_workspace:queue"), "label": gettext_lazy("Requests")},
        ]
        items += [{"url": url, "label": label} for url, label in self.crumbs]
        return [*items, {"url": "", "label": self.get_page_title()}]

    def render(self, context: dict, *, status: int = 200, template: str | None = None):
        context = {**self.get_context_data(), **context}
        return TemplateResponse(
            self.request, template or self.template_name, context, status=status
        )

    def refuse(self, error: ServiceError):
        """The person's reason for a refusal, on a page of its own, with the error's status."""
        if isinstance(error, NotVisible):
            raise Http404(str(error))
        self.page_title = _("Not possible")
        return self.render(
            {"refusal": error, "foi_request": getattr(self, "foi_request", None)},
            status=error.status,
            template="workspace/refused.html",
        )


def case_or_404(request, reference: str):
    try:
        return selectors.case_get(reference=reference, user=request.user)
    except NotVisible as error:
        raise Http404(str(error)) from error
