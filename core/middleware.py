"""A NUL byte in the address, the query string or a form: refused with 400 before any view.

PostgreSQL cannot store or compare a string holding U+0000, and raises for a query that
contains one; no page, filter or form of ours has a use for it. This covers every query-string
filter, lookup and posted field in one place; the forms (foi.forms.cleaning) and the API's text
fields clean text themselves as well, and JSON bodies are the API's to check. The mail
services' webhooks (/anymail/) are left to their views: anymail's SendGrid view must read the
raw body after us, which a parsed multipart form no longer allows, and mail.inbound drops NUL
from what it stores.
"""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
API_PREFIX = "/api/"
WEBHOOK_PREFIX = "/anymail/"


def _has_nul(params) -> bool:
    return any(NUL in key or any(NUL in value for value in params.getlist(key)) for key in params)


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Reading a form body here parses it once, as CsrfViewMiddleware would next; no view
        # of ours (nor Wagtail's or allauth's) changes its upload handlers afterwards.
        if (
            NUL in request.path
            or _has_nul(request.GET)
            or (
                request.method == "POST"
                and request.content_type in FORM_TYPES
                and not request.path.startswith(WEBHOOK_PREFIX)
                and _has_nul(request.POST)
            )
        ):
            message = _("The address or the form contains a character that is not allowed (NUL).")
            if request.path.startswith(API_PREFIX):
                # The API's own error shape (api.errors), in JSON like every answer of it.
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
