"""Downloads: the bulk export of public request metadata, and a party's case file."""

from __future__ import annotations

import csv
import json

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.csvcell import csv_cell
from foi import exports, permissions, selectors
from foi.models import Outcome, State
from foi.views.common import get_visible_request
from foi.views.requests import _year


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def _filters(request) -> tuple[dict, str | None]:
    """The export's filters from the query string, or a sentence saying what is wrong."""
    state = request.GET.get("state", "")
    outcome = request.GET.get("outcome", "")
    year = request.GET.get("year", "")
    late = request.GET.get("late", "")
    if late and late not in selectors.LATENESS:
        return {}, _("Unknown deadline filter: %(value)s.") % {"value": late}
    if state and state not in State.values:
        return {}, _("Unknown state: %(value)s.") % {"value": state}
    if outcome and outcome not in Outcome.values:
        return {}, _("Unknown outcome: %(value)s.") % {"value": outcome}
    if year and _year(year) is None:
        return {}, _("The year must be a four-digit year.")
    return {
        "body": request.GET.get("body", "").strip(),
        "year": _year(year),
        "state": state,
        "outcome": outcome,
        "late": late,
    }, None


def _csv_stream(rows):
    writer = csv.writer(_Echo())
    yield writer.writerow(exports.PUBLIC_FIELDS)
    for row in rows:
        yield writer.writerow([csv_cell(row[field]) for field in exports.PUBLIC_FIELDS])


def _json_stream(rows):
    yield "[\n"
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]\n"


@require_GET
def public_requests_export(request, fmt):
    """Every public request's metadata, with no personal data, as CSV or JSON (streamed)."""
    if fmt not in ("csv", "json"):
        return HttpResponse(
            _("Choose csv or json."), status=404, content_type="text/plain; charset=utf-8"
        )
    filters, problem = _filters(request)
    if problem:
        return HttpResponse(problem, status=400, content_type="text/plain; charset=utf-8")
    rows = exports.public_request_rows(exports.public_request_qs(**filters))
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_stream(rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(
            _json_stream(rows), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="sorgu-requests.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def case_file(request, reference):
    """The case file ZIP: 404 to whoever may not see the request, 403 to a non-party."""
    foi_request = get_visible_request(request, reference)
    if not permissions.can_download_case_file(foi_request, request.user):
        return HttpResponse(
            _("Only the requester, the body and an appeal reviewer may download the case file."),
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    response = FileResponse(
        exports.case_file_zip(foi_request=foi_request, user=request.user),
        as_attachment=True,
        filename=exports.case_file_name(foi_request),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
