"""Public views of the CMS outside the page tree. Thin: parse, ask a selector or one service,
render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.errors import NotVisible, ServiceError
from foi import selectors as foi_selectors
from foi.models import FOIRequest, PublicBody

from . import compliance, permissions, selectors, services


def _public_body(slug) -> PublicBody:
    return get_object_or_404(foi_selectors.public_body_list(), slug=slug)


def body_compliance(request, slug):
    """A body's proactive-disclosure standing: what the body's public page links to."""
    body = _public_body(slug)
    context = {
        "body": body,
        "compliance": compliance.body_compliance(body=body),
        "section": selectors.disclosure_index_for(body=body),
    }
    return render(request, "cms/body_compliance.html", context)


def body_compliance_fragment(request, slug):
    """The same block without the page around it, for embedding in another page."""
    body = _public_body(slug)
    context = {
        "body": body,
        "compliance": compliance.body_compliance(body=body),
        "section": selectors.disclosure_index_for(body=body),
        "heading_level": 2,
    }
    return render(request, "cms/_compliance.html", context)


def _request_for(request, reference) -> FOIRequest:
    try:
        return foi_selectors.foi_request_get(reference=reference, user=request.user)
    except NotVisible as error:
        raise Http404(str(error)) from error


@login_required
@require_http_methods(["GET", "POST"])
def log_draft_create(request, reference):
    """ "Publish to the disclosure log": confirm (GET), then create the draft (POST)."""
    foi_request = _request_for(request, reference)
    if not foi_request.is_public:
        raise Http404("No such request.")
    context = {
        "foi_request": foi_request,
        "answer": selectors.public_answer(foi_request=foi_request),
        "existing": selectors.disclosure_log_page_for(foi_request=foi_request),
    }
    if not permissions.can_create_log_draft(foi_request, request.user):
        context["error"] = "forbidden"
        return render(request, "cms/log_draft_confirm.html", context, status=403)
    if request.method == "POST":
        try:
            page = services.disclosure_log_draft_create(foi_request=foi_request, actor=request.user)
        except ServiceError as error:
            if error.status == 404:
                raise Http404(str(error)) from error
            context["error"] = str(error)
            return render(request, "cms/log_draft_confirm.html", context, status=error.status)
        if page.permissions_for_user(request.user).can_edit():
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        return render(request, "cms/log_draft_created.html", {**context, "page": page})
    return render(request, "cms/log_draft_confirm.html", context)
