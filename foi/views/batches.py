"""Batch requests (issue 24): the form that sends one letter to many bodies, and the batch's
page with each body's request, its state and outcome, and the batch's figures.

The form works without JavaScript: its "Show" button filters the list of bodies (by words, by
kind, by superior body) and keeps the ones already ticked; "Tick all shown" adds every body the
filter shows (e.g. every local executive authority).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.errors import NotVisible, ServiceError
from foi import permissions, selectors, services
from foi.forms.batches import BatchForm
from foi.forms.filing import initial_private_until
from foi.models import BatchStatus, BodyKind, PublicBody
from foi.privacy import masking
from foi.services.batches import approval_threshold, max_bodies
from foi.views.common import attach_errors

SHOWN_AT_MOST = 100


def _filters(data) -> dict:
    kinds = dict(BodyKind.choices)
    kind = (data.get("kind") or "").strip()
    return {
        "q": (data.get("q") or "").strip()[:200],
        "kind": kind if kind in kinds else "",
        "parent": (data.get("parent") or "").strip()[:120],
    }


def _matches(filters) -> list[PublicBody]:
    found = selectors.public_body_search(query=filters["q"], kind=filters["kind"] or None)
    if filters["parent"]:
        found = [body for body in found if body.parent and body.parent.slug == filters["parent"]]
    return found


def _parents() -> list[PublicBody]:
    return list(
        PublicBody.objects.filter(children__is_active=True, is_active=True)
        .distinct()
        .order_by("name_az")
    )


def _page(request, form, *, chosen_slugs, filters, status=200):
    matches = _matches(filters)
    chosen = {
        body.slug: body for body in PublicBody.objects.filter(slug__in=chosen_slugs, is_active=True)
    }
    chosen_bodies = [chosen[slug] for slug in chosen_slugs if slug in chosen]
    others = [body for body in matches if body.slug not in chosen]
    return render(
        request,
        "foi/batch_new.html",
        {
            "form": form,
            "filters": filters,
            "kinds": BodyKind.choices,
            "parents": _parents(),
            "chosen": chosen_bodies,
            "others": others[:SHOWN_AT_MOST],
            "more": max(0, len(others) - SHOWN_AT_MOST),
            "threshold": approval_threshold(),
            "max_bodies": max_bodies(),
            "daily_limit": int(getattr(settings, "FOI_FILING_RATE_LIMIT", 10) or 0),
        },
        status=status,
    )


@login_required
def batch_new(request):
    if request.method != "POST":
        filters = _filters(request.GET)
        chosen = list(dict.fromkeys(request.GET.getlist("body")))
        form = BatchForm(
            user=request.user,
            initial={
                "access_form": "electronic",
                "urgency": "normal",
                "visibility": "public",
                "public_name_choice": "name",
                "private_until": initial_private_until(),
            },
        )
        return _page(request, form, chosen_slugs=chosen, filters=filters)
    filters = _filters(request.POST)
    chosen = list(dict.fromkeys(request.POST.getlist("bodies")))
    go = request.POST.get("go", "send")
    if go in ("filter", "all"):
        if go == "all":
            chosen += [body.slug for body in _matches(filters) if body.slug not in chosen]
        # Only the list changes: the letter typed so far comes back as it was, without errors.
        form = BatchForm(user=request.user, initial={**request.POST.dict(), "bodies": chosen})
        return _page(request, form, chosen_slugs=chosen, filters=filters)
    form = BatchForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, form, chosen_slugs=chosen, filters=filters, status=400)
    data = dict(form.cleaned_data)
    bodies = data.pop("bodies")
    try:
        batch = services.batch_create(creator=request.user, bodies=bodies, **data)
    except ServiceError as error:
        attach_errors(form, error)
        return _page(request, form, chosen_slugs=chosen, filters=filters, status=error.status)
    if batch.status == BatchStatus.PENDING:
        messages.success(
            request,
            _(
                "Your batch to %(count)d bodies waits for a moderator, as every batch to more "
                "than %(threshold)d bodies does. Nothing is sent until they approve it."
            )
            % {"count": len(bodies), "threshold": approval_threshold()},
        )
    else:
        messages.success(
            request,
            ngettext(
                "Your request was sent to %(count)d body, each its own request with its own "
                "reference and deadline.",
                "Your request was sent to %(count)d bodies, each its own request with its own "
                "reference and deadline.",
                len(bodies),
            )
            % {"count": len(bodies)},
        )
    return redirect(reverse("foi:batch_detail", args=[batch.reference]))


def _get_batch(request, reference):
    try:
        return selectors.batch_get(reference=reference, user=request.user)
    except NotVisible as error:
        raise Http404(str(error)) from error


def batch_detail(request, reference):
    batch = _get_batch(request, reference)
    foi_requests = selectors.batch_requests(batch=batch, user=request.user)
    is_creator = request.user.is_authenticated and batch.creator_id == request.user.pk
    # The letter as the public reads it: the requester's contact details (and real name
    # behind a pseudonym) masked, as on each request's page. Only the creator and moderators
    # see a batch with no request visible to them (batch_get), and they see it all.
    identifiers = None
    shown_name = foi_requests[0].public_name if foi_requests else ""
    if foi_requests and not permissions.can_see_contact_details(foi_requests[0], request.user):
        identifiers = masking.requester_identifiers(foi_requests[0])
    followed = selectors.batch_followed_count(foi_requests=foi_requests, user=request.user)
    return render(
        request,
        "foi/batch_detail.html",
        {
            "batch": batch,
            "letter_subject": masking.mask_text(batch.subject, identifiers),
            "letter_text": masking.mask_text(batch.text, identifiers),
            "requests": foi_requests,
            "figures": selectors.batch_figures(foi_requests=foi_requests),
            "bodies": list(batch.bodies.order_by("name_az"))
            if batch.status != BatchStatus.FILED
            else [],
            "is_creator": is_creator,
            "shown_name": shown_name,
            "following": bool(foi_requests) and followed == len(foi_requests),
        },
    )


@login_required
@require_POST
def batch_follow(request, reference):
    batch = _get_batch(request, reference)
    follow = request.POST.get("follow") != "0"
    try:
        count = services.batch_follow(user=request.user, batch=batch, follow=follow)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if follow:
            messages.success(
                request,
                ngettext(
                    "You follow the %(count)d request of this batch: we will e-mail you its news.",
                    "You follow the %(count)d requests of this batch: we will e-mail you "
                    "their news.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.success(request, _("You no longer follow the requests of this batch."))
    return redirect(reverse("foi:batch_detail", args=[batch.reference]))
