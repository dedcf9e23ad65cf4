"""The directory of public bodies: search, a page per body, following a body."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import pagecache
from core.errors import NotVisible, ServiceError
from foi import pagecache as foi_pages
from foi import selectors, services
from foi.deadlines import law_text
from foi.forms.body_suggestions import CorrectionForm, NewBodyForm
from foi.models import BodyKind, State
from foi.views.common import attach_errors

PAGE_SIZE = 50
AUTOCOMPLETE_SIZE = 10


def _get_body(slug):
    try:
        return selectors.public_body_get(slug=slug)
    except NotVisible as error:
        raise Http404(str(error)) from error


@pagecache.public_page(depends_on=foi_pages.list_page, params=("q", "kind", "page"))
def body_list(request):
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    kind = kind if kind in BodyKind.values else ""
    bodies = selectors.public_body_search(query=query, kind=kind)
    page = Paginator(bodies, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.public_request_counts_by_body(body_ids=[body.pk for body in page])
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "foi/body_list.html",
        {
            "page": page,
            "rows": [(body, counts.get(body.pk, 0)) for body in page],
            "query": query,
            "kind": kind,
            "kinds": BodyKind.choices,
            "params": params.urlencode(),
        },
    )


def body_autocomplete(request):
    """Matches for the filing wizard's body field, as JSON (the page works without it)."""
    query = request.GET.get("q", "").strip()[:200]
    bodies = selectors.public_body_search(query=query)[:AUTOCOMPLETE_SIZE] if query else []
    return JsonResponse(
        {
            "results": [
                {
                    "slug": body.slug,
                    "name": body.name,
                    "acronym": body.acronym,
                    "kind": str(body.get_kind_display()),
                }
                for body in bodies
            ]
        }
    )


@pagecache.public_page(depends_on=foi_pages.list_page, params=())
def body_detail(request, slug):
    body = _get_body(slug)
    counts = selectors.public_body_counts_by_state(body=body)
    return render(
        request,
        "foi/body_detail.html",
        {
            "body": body,
            "counts": [
                (value, label, counts[value]) for value, label in State.choices if value in counts
            ],
            "total": sum(counts.values()),
            "recent": selectors.foi_request_public_of_body(body=body, limit=10),
            "law_sentences": law_text.law_summary(body.law),
            "law_unconfirmed": law_text.law_unconfirmed(body.law),
            "appeal_levels": list(body.law.appeal_levels.all()),
            "following": selectors.follow_of(user=request.user, body=body),
            "answers_through_portal": selectors.body_answers_through_portal(body),
            # Earlier names and websites, never who changed them nor e-mail addresses.
            "contact_history": selectors.body_contact_history(body=body, public=True),
        },
    )


@login_required
@require_POST
def follow_body(request, slug):
    body = _get_body(slug)
    try:
        if request.POST.get("follow") == "0":
            services.follow_delete(user=request.user, body=body)
            messages.success(request, _("You no longer follow %(body)s.") % {"body": body.name})
        else:
            services.follow_create(user=request.user, body=body)
            messages.success(
                request,
                _("You follow %(body)s: we will e-mail you news of its public requests.")
                % {"body": body.name},
            )
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(reverse("foi:body_detail", args=[body.slug]))


def _suggested(request, suggestion_or_error, form, template, context):
    if isinstance(suggestion_or_error, ServiceError):
        attach_errors(form, suggestion_or_error)
        return render(
            request, template, {**context, "form": form}, status=suggestion_or_error.status
        )
    messages.success(
        request,
        _(
            "Thank you: a moderator will check your suggestion. We will e-mail you when it is "
            "accepted or declined."
        ),
    )
    return None


@login_required
def body_suggest(request):
    """Suggest a body that is missing from the directory (``foi.services.body_suggestions``)."""
    template = "foi/body_suggest.html"
    if request.method != "POST":
        return render(request, template, {"form": NewBodyForm()})
    form = NewBodyForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    data = form.cleaned_data
    try:
        result = services.body_suggestion_create(
            user=request.user,
            name=data["name"],
            request_email=data["request_email"],
            website=data["website"],
            parent=data["parent"],
            reason=data["reason"],
            language=get_language(),
        )
    except ServiceError as error:
        result = error
    return _suggested(request, result, form, template, {}) or redirect("foi:body_list")


@login_required
def body_suggest_correction(request, slug):
    """Suggest a corrected e-mail address, website or name of a body."""
    body = _get_body(slug)
    template = "foi/body_suggest_correction.html"
    context = {"body": body}
    if request.method != "POST":
        initial = {"field": request.GET.get("field")} if request.GET.get("field") else None
        return render(request, template, {**context, "form": CorrectionForm(initial=initial)})
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    data = form.cleaned_data
    try:
        result = services.body_suggestion_create(
            user=request.user,
            body=body,
            field=data["field"],
            value=data["value"],
            reason=data["reason"],
            language=get_language(),
        )
    except ServiceError as error:
        result = error
    return _suggested(request, result, form, template, context) or redirect(
        "foi:body_detail", body.slug
    )
