"""Public pages of requests. Thin: parse, ask a selector, render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render

from foi import deadlines, permissions, selectors
from foi.models import Attachment, State
from foi.services.errors import NotVisible

PAGE_SIZE = 25


def request_list(request):
    requests = (
        selectors.foi_request_visible_qs(user=request.user)
        .exclude(state=State.DRAFT)
        .select_related("body")
        .order_by("-submitted_at", "-pk")
    )
    state = request.GET.get("state", "")
    if state in State.values:
        requests = requests.filter(state=state)
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "foi/request_list.html",
        {"page": page, "states": State.choices, "current_state": state},
    )


def _get_visible(request, reference):
    try:
        return selectors.foi_request_get(reference=reference, user=request.user)
    except NotVisible as error:
        raise Http404(str(error)) from error


def request_detail(request, reference):
    foi_request = _get_visible(request, reference)
    user = request.user
    late_by = 0
    if foi_request.is_overdue:
        late_by = deadlines.working_days_late(
            foi_request.law, due_at=foi_request.due_at, now=selectors.clock_now()
        )
    context = {
        "foi_request": foi_request,
        "messages_visible": selectors.message_list(foi_request=foi_request, user=user),
        "events": selectors.case_event_list(foi_request=foi_request, user=user),
        "actions": selectors.available_actions(foi_request=foi_request, user=user),
        "due_explanation": deadlines.explain(foi_request.law, foi_request.due_explanation)
        if foi_request.due_explanation
        else "",
        "late_by": late_by,
        "show_contact": permissions.can_see_contact_details(foi_request, user),
    }
    return render(request, "foi/request_detail.html", context)


def attachment_download(request, reference, attachment_id):
    foi_request = _get_visible(request, reference)
    visible = {
        attachment.pk: attachment
        for message in selectors.message_list(foi_request=foi_request, user=request.user)
        for attachment in message.attachments.all()
    }
    attachment = visible.get(int(attachment_id))
    if attachment is None:
        raise Http404("No such file.")
    attachment = Attachment.objects.get(pk=attachment.pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
