"""Public pages of requests: the list and the case page. Thin: parse, ask selectors, render."""

from __future__ import annotations

import os

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core import pagecache
from core.inputs import parse_int
from core.paging import CappedPaginator
from foi import deadlines, permissions, selectors, transitions
from foi import pagecache as foi_pages
from foi.forms.case import ClarifyForm, WithdrawForm
from foi.models import Attachment, OCRStatus, Outcome, State
from foi.privacy import masking
from foi.views.common import get_visible_request

PAGE_SIZE = 25
YEAR_MIN, YEAR_MAX = 1901, 2999
SORT_LABELS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "due": _("Due soonest"),
    "updated": _("Recently updated"),
}
LATE_LABELS = {"overdue": _("Overdue"), "very_overdue": _("Very overdue")}


def _year(value: str) -> int | None:
    return parse_int(value, minimum=YEAR_MIN, maximum=YEAR_MAX)


@pagecache.public_page(
    depends_on=foi_pages.list_page,
    params=("body", "state", "outcome", "year", "sort", "late", "page"),
)
def request_list(request):
    filters = {
        "body": request.GET.get("body", "").strip(),
        "state": request.GET.get("state", ""),
        "outcome": request.GET.get("outcome", ""),
        "year": request.GET.get("year", ""),
        "sort": request.GET.get("sort", "newest"),
        "late": request.GET.get("late", ""),
    }
    requests = selectors.foi_request_browse(
        user=request.user,
        body=filters["body"],
        state=filters["state"],
        outcome=filters["outcome"],
        year=_year(filters["year"]),
        sort=filters["sort"],
        late=filters["late"] if filters["late"] in selectors.LATENESS else "",
    )
    page = CappedPaginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    export_query = query.copy()
    export_query.pop("sort", None)
    return render(
        request,
        "foi/request_list.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "export_query": export_query.urlencode(),
            "states": [choice for choice in State.choices if choice[0] != State.DRAFT],
            "outcomes": Outcome.choices,
            "years": selectors.foi_request_years(),
            "bodies": selectors.public_body_choices(),
            "sorts": SORT_LABELS.items(),
            "lateness": LATE_LABELS.items(),
        },
    )


def case_context(request, foi_request, *, forms=None, form_error=None) -> dict:
    """Everything the case page shows this person; ``forms`` keeps what they typed."""
    user = request.user
    late_by = 0
    # A body that answers by e-mail replied: the request is not called overdue while the
    # reply waits for the requester to say what it is (foi.selectors.replies).
    reply_waiting = selectors.reply_waiting(foi_request)
    if foi_request.is_overdue and reply_waiting is None:
        late_by = deadlines.working_days_late(
            foi_request.law, due_at=foi_request.due_at, now=selectors.clock_now()
        )
    actions = selectors.available_actions(foi_request=foi_request, user=user)
    # The requester's actions are taken on this page; the rest in the officers' workspace.
    requesters = transitions.names(transitions.REQUESTER)
    version = {"version": foi_request.version}
    forms = forms or {}
    appeals = selectors.appeal_list(foi_request=foi_request)
    show_contact = permissions.can_see_contact_details(foi_request, user)
    messages_visible = selectors.message_list(foi_request=foi_request, user=user)
    events = selectors.case_event_list(foi_request=foi_request, user=user)
    link_records(messages_visible, events)
    answers_through_portal = selectors.body_answers_through_portal(foi_request.body)
    is_requester = permissions.is_requester(foi_request, user)
    return {
        "foi_request": foi_request,
        "messages_visible": messages_visible,
        "visible_message_ids": {message.pk for message in messages_visible},
        "answers_through_portal": answers_through_portal,
        # The reminder letter (templates/foi/_remind.html): the requester of an overdue request
        # whose body answers by e-mail (the same rule foi.services.reminders applies).
        "can_remind": is_requester
        and foi_request.is_overdue
        and not answers_through_portal
        and reply_waiting is None,
        "reply_waiting": reply_waiting,
        "may_suggest": reply_waiting is not None
        and permissions.can_suggest_classification(foi_request, user),
        "events": events,
        "letters_to_classify": selectors.letters_to_classify(foi_request=foi_request, user=user),
        "letter_files_to_publish": selectors.letter_files_to_publish(
            foi_request=foi_request, user=user
        ),
        "may_publish_letter_files": permissions.can_publish_letter_file(foi_request, user),
        "is_moderator": permissions.is_moderator(user),
        "actions": actions,
        "portal_actions": [action for action in actions if action in requesters],
        "workspace_actions": [action for action in actions if action not in requesters],
        "clarify_form": forms.get("clarify") or ClarifyForm(initial=version),
        "withdraw_form": forms.get("withdraw") or WithdrawForm(initial=version),
        "open_form": next(iter(forms), ""),
        "form_error": form_error,
        "due_explanation": deadlines.explain(foi_request.law, foi_request.due_explanation)
        if foi_request.due_explanation
        else "",
        "late_by": late_by,
        "appeals": [
            {
                "appeal": appeal,
                "explanation": deadlines.explain(foi_request.law, appeal.due_explanation)
                if appeal.due_explanation
                else "",
            }
            for appeal in appeals
        ],
        "pending_appeal": next((a for a in reversed(appeals) if not a.decided_at), None),
        "show_contact": show_contact,
        # What the page masks of the requester's identity (None: this reader sees it all).
        "masking": None if show_contact else masking.requester_identifiers(foi_request),
        "is_requester": is_requester,
        "may_confirm_sender": permissions.can_confirm_sender(foi_request, user),
        "following": selectors.follow_of(user=user, foi_request=foi_request)
        if foi_request.state != State.DRAFT
        else None,
        "has_feed": foi_request.is_public and foi_request.state != State.DRAFT,
        "may_download_case_file": foi_request.state != State.DRAFT
        and permissions.can_download_case_file(foi_request, user),
        # The grounds of the latest refusal or partial answer (a public message, so whoever
        # sees the request sees them), each with the law's advice on challenging it.
        "grounds_cited": selectors.invoked_exemptions_of_last_decision(foi_request=foi_request)
        if foi_request.state != State.DRAFT
        else [],
    }


def link_records(messages, events) -> None:
    """Each timeline entry a body's move recorded on its behalf made gets that move's event
    (``message.recorded_event``), so the entry says who recorded it from which letter."""
    by_message = {event.message_id: event for event in events if event.recorded_via}
    for message in messages:
        message.recorded_event = by_message.get(message.pk)


def render_case(request, foi_request, *, forms=None, form_error=None, status=200):
    context = case_context(request, foi_request, forms=forms, form_error=form_error)
    return render(request, "foi/request_detail.html", context, status=status)


@pagecache.public_page(depends_on=foi_pages.case_page, params=())
def request_detail(request, reference):
    return render_case(request, get_visible_request(request, reference))


def attachment_download(request, reference, attachment_id):
    foi_request = get_visible_request(request, reference)
    attachment = selectors.attachment_visible_get(
        foi_request=foi_request, attachment_id=attachment_id, user=request.user
    )
    if attachment is None:
        raise Http404("No such file.")
    shown_name = attachment.original_name  # masked for the public, like the page shows it
    attachment = Attachment.objects.get(pk=attachment.pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=shown_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment_searchable_download(request, reference, attachment_id):
    """The scan as a PDF with its recognised text over the pages (``foi.services.ocr``), for
    whoever may download the file itself; 404 while there is none."""
    foi_request = get_visible_request(request, reference)
    attachment = selectors.attachment_visible_get(
        foi_request=foi_request, attachment_id=attachment_id, user=request.user
    )
    if attachment is None:
        raise Http404("No such file.")
    stem = os.path.splitext(attachment.original_name)[0] or "file"
    attachment = Attachment.objects.get(pk=attachment.pk)
    if attachment.ocr_status != OCRStatus.DONE or not attachment.ocr_file:
        raise Http404("No searchable copy of this file.")
    response = FileResponse(
        attachment.ocr_file.open("rb"),
        as_attachment=True,
        filename=f"{stem}-text.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


OCR_UNDER_WAY = (OCRStatus.PENDING, OCRStatus.RUNNING)


def attachment_ocr_status(request, reference, attachment_id):
    """Where reading a file's text stands, as JSON, for the case page's status script
    (``assets/js/ocr-progress.js``): whoever sees the file on the case page, and nobody else
    (404, as for the file itself). Never cached: it changes while it is read."""
    foi_request = get_visible_request(request, reference)
    seen = selectors.attachment_visible_get(
        foi_request=foi_request, attachment_id=attachment_id, user=request.user
    )
    if seen is None:
        raise Http404("No such file.")
    attachment = Attachment.objects.only(
        "pk", "original_name", "ocr_status", "ocr_pages_done", "ocr_pages_total", "ocr_file"
    ).get(pk=seen.pk)
    attachment.original_name = seen.original_name  # masked for the public, as on the page
    text = render_to_string(
        "foi/_ocr_status.html", {"attachment": attachment, "foi_request": foi_request}
    )
    data = {
        **selectors.attachment_ocr_progress(attachment),
        "finished": attachment.ocr_status not in OCR_UNDER_WAY,
        "text": " ".join(strip_tags(text).split()),
    }
    response = JsonResponse(data)
    response["Cache-Control"] = "private, no-store"
    return response
