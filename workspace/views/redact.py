"""Redacting a file (issue 21; docs/redaction.md): its pages as images rendered on the server,
boxes drawn on them (``workspace/static/workspace/redact.js``) or typed as numbers, each with a
reason, or found for every occurrence of a term or pattern; then a redacted copy made and
checked by ``foi.services.redactions``. Only the body's officers who handle the request."""

from __future__ import annotations

import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotPermitted, ServiceError
from foi import permissions, selectors
from foi.forms.redaction import SPARE_ROWS, BoxesForm, FindForm, initial_rows
from foi.models import Attachment
from foi.services import redactions
from redaction import images
from redaction import pdf as pdf_redaction
from workspace.views.base import WorkspaceView, case_or_404
from workspace.views.case import case_url

# Pages shown for drawing: a long document is redacted by term beyond these.
MAX_PAGES_SHOWN = 60
PREVIEW_DPI = 100
MAX_ROWS = 500


def posted_rows(data) -> int:
    """How many rows of boxes the form that was posted had (bounded: a form, not a dump)."""
    try:
        return max(1, min(int(data.get("rows", SPARE_ROWS)), MAX_ROWS))
    except (TypeError, ValueError):
        return SPARE_ROWS


class RedactionFileMixin:
    """The file, if this person sees it on the case and may redact it; 404 if they do not see
    it, 403 with the reason if they may not redact."""

    def load(self, request, reference, attachment_id):
        self.foi_request = case_or_404(request, reference)
        visible = {
            attachment.pk
            for message in selectors.message_list(foi_request=self.foi_request, user=request.user)
            for attachment in message.attachments.all()
        }
        if attachment_id not in visible:
            raise Http404("No such file.")
        self.attachment = Attachment.objects.select_related("message__foi_request").get(
            pk=attachment_id
        )
        if not permissions.can_redact_attachment(self.foi_request, request.user):
            raise NotPermitted(_("You may not redact files on this request."))
        if not redactions.is_redactable(self.attachment):
            raise InvalidInput(
                _("Only unpublished PDF, Word, spreadsheet and image files can be redacted.")
            )

    def pages(self) -> list:
        """The file's pages as images (PIL), 1-based by position."""
        if self.attachment.content_type in images.FORMATS:
            with self.attachment.file.open("rb") as handle:
                return images.frames(handle.read())
        return []


class RedactView(RedactionFileMixin, WorkspaceView):
    members_only = False
    template_name = "workspace/redact.html"

    def get_page_title(self):
        return _("Redact a file")

    def get_breadcrumbs_items(self):
        self.crumbs = [(case_url(self.foi_request), self.foi_request.reference)]
        return super().get_breadcrumbs_items()

    def page_count(self) -> int:
        if self.attachment.content_type in images.FORMATS:
            return len(self.pages())
        return pdf_redaction.page_count(redactions.redactable_pdf(self.attachment))

    def forms(self, data=None, *, boxes=(), find_data=None):
        reasons = redactions.reason_choices(self.foi_request)
        boxes_form = BoxesForm(
            data,
            reasons=reasons,
            rows=len(boxes) + SPARE_ROWS if data is None else posted_rows(data),
            initial=initial_rows(list(boxes)),
        )
        return boxes_form, FindForm(find_data, reasons=reasons)

    def show(self, boxes_form, find_form, *, status=200, error=None):
        count = self.page_count()
        pages = [
            {
                "number": number,
                "url": reverse(
                    "foi_workspace:redact_page",
                    args=[self.foi_request.reference, self.attachment.pk, number],
                ),
            }
            for number in range(1, min(count, MAX_PAGES_SHOWN) + 1)
        ]
        return self.render(
            {
                "foi_request": self.foi_request,
                "attachment": self.attachment,
                "pages": pages,
                "page_count": count,
                "more_pages": count > MAX_PAGES_SHOWN,
                "boxes_form": boxes_form,
                "find_form": find_form,
                "reasons": redactions.reason_choices(self.foi_request),
                "error": error,
                "case_url": case_url(self.foi_request),
            },
            status=status,
        )

    def get(self, request, reference, attachment_id):
        try:
            self.load(request, reference, attachment_id)
            boxes_form, find_form = self.forms()
            return self.show(boxes_form, find_form)
        except ServiceError as error:
            return self.refuse(error)

    def post(self, request, reference, attachment_id):
        try:
            self.load(request, reference, attachment_id)
        except ServiceError as error:
            return self.refuse(error)
        if "find" in request.POST:
            return self.find(request)
        boxes_form, find_form = self.forms(request.POST)
        if not boxes_form.is_valid():
            return self.show(boxes_form, find_form, status=400)
        try:
            record = redactions.redaction_create(
                attachment=self.attachment,
                actor=request.user,
                boxes=boxes_form.cleaned_data["boxes"],
            )
        except NotPermitted as error:
            return self.refuse(error)
        except ServiceError as error:
            return self.show(boxes_form, find_form, status=error.status, error=error)
        if record.verified:
            messages.success(
                request,
                _("%(name)s is made and passed its checks. It is private until you approve it.")
                % {"name": record.redacted.original_name},
            )
        else:
            messages.error(
                request,
                _("%(name)s failed its checks and cannot be published: %(problems)s")
                % {"name": record.redacted.original_name, "problems": " ".join(record.problems)},
            )
        return redirect(f"{case_url(self.foi_request)}#file-{record.redacted_id}")

    def find(self, request):
        reasons = redactions.reason_choices(self.foi_request)
        find_form = FindForm(request.POST, reasons=reasons)
        if not find_form.is_valid():
            boxes_form, _unused = self.forms()
            return self.show(boxes_form, find_form, status=400)
        try:
            found = redactions.boxes_for_terms(
                attachment=self.attachment,
                terms=find_form.cleaned_data["term_list"],
                pattern_keys=find_form.cleaned_data["kinds"],
                reason=find_form.cleaned_data["reason"],
            )
        except ServiceError as error:
            boxes_form, _unused = self.forms()
            return self.show(boxes_form, find_form, status=error.status, error=error)
        if not found:
            messages.warning(request, _("Nothing was found in the file's text."))
        else:
            messages.info(
                request,
                _("%(count)s boxes were added below: check them, then make the redacted copy.")
                % {"count": len(found)},
            )
        boxes_form, _unused = self.forms(boxes=found)
        return self.show(boxes_form, find_form)


class RedactPageView(RedactionFileMixin, WorkspaceView):
    """One page of the file as a PNG, for drawing boxes on. Private: never cached."""

    members_only = False

    def get(self, request, reference, attachment_id, page):
        try:
            self.load(request, reference, attachment_id)
        except ServiceError as error:
            return self.refuse(error)
        if self.attachment.content_type in images.FORMATS:
            frames = self.pages()
            if not 1 <= page <= len(frames):
                raise Http404("No such page.")
            image = frames[page - 1]
            image.thumbnail((1400, 1400))
        else:
            try:
                image = pdf_redaction.render_page(
                    redactions.redactable_pdf(self.attachment), page, dpi=PREVIEW_DPI
                )
            except InvalidInput as error:
                raise Http404(str(error)) from error
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        response = HttpResponse(buffer.getvalue(), content_type="image/png")
        response["Cache-Control"] = "private, no-store"
        return response
