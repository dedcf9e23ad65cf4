"""Redacting a file from a body's e-mailed reply on the portal (issue 21): the requester of a
request held by a body that answers by e-mail, or a moderator, blacks out what must not be
published before publishing the file. The same page as the officers' (boxes drawn with
``workspace/redact.js`` or typed as numbers, or found for every occurrence of a term), the same
service (``foi.services.redactions``), the same checks and audit event. Who may:
``permissions.can_redact_file``; a file this person does not see is a 404, one they may not
redact a 403 with the reason.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotPermitted, ServiceError
from foi import permissions, selectors
from foi.forms.redaction import SPARE_ROWS, BoxesForm, FindForm, initial_rows
from foi.models import Attachment
from foi.services import redactions
from foi.views.common import get_visible_request

MAX_PAGES_SHOWN = 60
PREVIEW_DPI = 100
MAX_ROWS = 500
TEMPLATE = "foi/file_redact.html"


def _posted_rows(data) -> int:
    try:
        return max(1, min(int(data.get("rows", SPARE_ROWS)), MAX_ROWS))
    except (TypeError, ValueError):
        return SPARE_ROWS


def _load(request, reference, attachment_id):
    """The request and the file, or the refusal: 404 for what this person does not see,
    NotPermitted / InvalidInput for a file they may not redact."""
    foi_request = get_visible_request(request, reference)
    seen = selectors.attachment_visible_get(
        foi_request=foi_request, attachment_id=attachment_id, user=request.user
    )
    if seen is None:
        raise Http404("No such file.")
    attachment = Attachment.objects.select_related(
        "message__foi_request", "message__recorded_from__from_body"
    ).get(pk=seen.pk)
    if not permissions.can_redact_file(foi_request, request.user, attachment):
        return foi_request, attachment, NotPermitted(_("You may not redact this file."))
    if not redactions.is_redactable(attachment):
        return (
            foi_request,
            attachment,
            InvalidInput(
                _("Only unpublished PDF, Word, spreadsheet and image files can be redacted.")
            ),
        )
    return foi_request, attachment, None


def _refused(request, foi_request, error: ServiceError):
    return render(
        request,
        TEMPLATE,
        {"foi_request": foi_request, "refusal": error.message},
        status=error.status,
    )


def _forms(foi_request, data=None, *, boxes=(), find_data=None):
    reasons = redactions.reason_choices(foi_request)
    boxes_form = BoxesForm(
        data,
        reasons=reasons,
        rows=len(boxes) + SPARE_ROWS if data is None else _posted_rows(data),
        initial=initial_rows(list(boxes)),
    )
    for name, field in boxes_form.fields.items():
        width = "govuk-select" if name.endswith("-reason") else "govuk-input govuk-input--width-3"
        field.widget.attrs["class"] = width
    return boxes_form, FindForm(find_data, reasons=reasons)


def _show(request, foi_request, attachment, boxes_form, find_form, *, status=200, error=None):
    try:
        count = redactions.page_count(attachment)
    except ServiceError as refusal:
        return _refused(request, foi_request, refusal)
    pages = [
        {
            "number": number,
            "url": reverse(
                "foi:attachment_redact_page", args=[foi_request.reference, attachment.pk, number]
            ),
        }
        for number in range(1, min(count, MAX_PAGES_SHOWN) + 1)
    ]
    return render(
        request,
        TEMPLATE,
        {
            "foi_request": foi_request,
            "attachment": attachment,
            "pages": pages,
            "page_count": count,
            "more_pages": count > MAX_PAGES_SHOWN,
            "boxes_form": boxes_form,
            "find_form": find_form,
            "reasons": redactions.reason_choices(foi_request),
            "error": error,
        },
        status=status,
    )


@login_required
def redact_file(request, reference, attachment_id):
    foi_request, attachment, refusal = _load(request, reference, attachment_id)
    if refusal is not None:
        return _refused(request, foi_request, refusal)
    if request.method != "POST":
        boxes_form, find_form = _forms(foi_request)
        return _show(request, foi_request, attachment, boxes_form, find_form)
    if "find" in request.POST:
        return _find(request, foi_request, attachment)
    boxes_form, find_form = _forms(foi_request, request.POST)
    if not boxes_form.is_valid():
        return _show(request, foi_request, attachment, boxes_form, find_form, status=400)
    try:
        record = redactions.redaction_create(
            attachment=attachment, actor=request.user, boxes=boxes_form.cleaned_data["boxes"]
        )
    except NotPermitted as error:
        return _refused(request, foi_request, error)
    except ServiceError as error:
        return _show(
            request,
            foi_request,
            attachment,
            boxes_form,
            find_form,
            status=error.status,
            error=error.message,
        )
    if record.verified:
        messages.success(
            request,
            _("%(name)s is made and passed its checks. Check it, then publish it.")
            % {"name": record.redacted.original_name},
        )
        return redirect("foi:attachment_publish", foi_request.reference, record.redacted_id)
    messages.error(
        request,
        _("%(name)s failed its checks and cannot be published: %(problems)s")
        % {"name": record.redacted.original_name, "problems": " ".join(record.problems)},
    )
    url = reverse("foi:request_detail", args=[foi_request.reference])
    return redirect(f"{url}#message-{attachment.message_id}")


def _find(request, foi_request, attachment):
    reasons = redactions.reason_choices(foi_request)
    find_form = FindForm(request.POST, reasons=reasons)
    if not find_form.is_valid():
        boxes_form, _unused = _forms(foi_request)
        return _show(request, foi_request, attachment, boxes_form, find_form, status=400)
    try:
        found = redactions.boxes_for_terms(
            attachment=attachment,
            terms=find_form.cleaned_data["term_list"],
            pattern_keys=find_form.cleaned_data["kinds"],
            reason=find_form.cleaned_data["reason"],
        )
    except ServiceError as error:
        boxes_form, _unused = _forms(foi_request)
        return _show(
            request,
            foi_request,
            attachment,
            boxes_form,
            find_form,
            status=error.status,
            error=error.message,
        )
    if not found:
        messages.warning(request, _("Nothing was found in the file's text."))
    else:
        messages.info(
            request,
            _("%(count)s boxes were added below: check them, then make the redacted copy.")
            % {"count": len(found)},
        )
    boxes_form, _unused = _forms(foi_request, boxes=found)
    return _show(request, foi_request, attachment, boxes_form, find_form)


@login_required
def redact_page(request, reference, attachment_id, page):
    """One page of the file as a PNG, for drawing boxes on. Private: never cached."""
    _foi_request, attachment, refusal = _load(request, reference, attachment_id)
    if refusal is not None:
        raise Http404(refusal.message)
    try:
        content = redactions.page_png(attachment, page, dpi=PREVIEW_DPI)
    except InvalidInput as error:
        raise Http404(str(error)) from error
    response = HttpResponse(content, content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response
