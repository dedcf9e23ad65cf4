"""One sentence for every error, whoever raised it: a service, a serializer or DRF itself."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import ServiceError


def _field_errors(detail) -> dict:
    """DRF's nested error detail as plain strings by field."""
    if isinstance(detail, dict):
        return {str(key): _field_errors(value) for key, value in detail.items()}
    if isinstance(detail, list):
        flat = [_field_errors(item) for item in detail]
        if all(isinstance(item, str) for item in flat):
            return flat
        return flat
    return str(detail)


def _sentence_for(error: exceptions.APIException) -> str:
    if isinstance(error, exceptions.NotAuthenticated):
        return _("Sign in first: send the header “Authorization: Token <your token>”.")
    if isinstance(error, exceptions.AuthenticationFailed):
        if getattr(error, "says_why", False):  # our own sentence (api.authentication)
            return str(error.detail)
        return _("That token or session is not valid; ask for a new token at /api/v1/auth/token/.")
    if isinstance(error, exceptions.PermissionDenied):
        detail = str(error.detail)
        if detail == str(exceptions.PermissionDenied.default_detail):
            return _("You may not do this.")
        return detail
    if isinstance(error, exceptions.NotFound):
        detail = str(error.detail)
        if detail == str(exceptions.NotFound.default_detail):
            return _("There is nothing at this address, or it is not visible to you.")
        return detail
    if isinstance(error, exceptions.MethodNotAllowed):
        return _("This address does not accept the method %(method)s.") % {
            "method": error.args[0] if error.args else "?"
        }
    if isinstance(error, exceptions.ParseError):
        return _("The request body is not valid JSON.")
    if isinstance(error, exceptions.UnsupportedMediaType):
        return _("Send the request body as JSON (Content-Type: application/json).")
    if isinstance(error, exceptions.NotAcceptable):
        return _("This API answers in JSON only.")
    if isinstance(error, exceptions.Throttled):
        wait = int(error.wait or 1)
        return ngettext(
            "Too many attempts; try again in %(seconds)d second.",
            "Too many attempts; try again in %(seconds)d seconds.",
            wait,
        ) % {"seconds": wait}
    if isinstance(error, exceptions.ValidationError):
        return _validation_sentence(error.detail)
    return str(error.detail)


def _validation_sentence(detail) -> str:
    if isinstance(detail, dict):
        fields = [str(name) for name in detail if name != "non_field_errors"]
        general = detail.get("non_field_errors")
        if general and not fields:
            return str(general[0])
        if len(fields) == 1:
            first = detail[fields[0]]
            message = first[0] if isinstance(first, list) and first else first
            if isinstance(message, str | exceptions.ErrorDetail):
                return _("%(field)s: %(message)s") % {"field": fields[0], "message": message}
        return _("Check these fields: %(fields)s.") % {"fields": ", ".join(fields)}
    if isinstance(detail, list) and detail:
        return str(detail[0])
    return str(detail)


def error_response(message: str, code: int, *, errors: dict | None = None, headers=None):
    data = {"detail": str(message)}
    if errors:
        data["errors"] = errors
    return Response(data, status=code, headers=headers)


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: services' refusals and DRF's own errors, each in one sentence."""
    if isinstance(exc, ServiceError):
        errors = {
            str(k): [str(v) for v in (vs if isinstance(vs, list) else [vs])]
            for k, vs in exc.errors.items()
        }
        return error_response(exc.message, exc.status, errors=errors)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) if str(exc) else None)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) if str(exc) else None)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    errors = None
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        errors = _field_errors(exc.detail)
    response.data = {"detail": _sentence_for(exc)}
    if errors:
        response.data["errors"] = errors
    if response.status_code == status.HTTP_401_UNAUTHORIZED and "WWW-Authenticate" not in response:
        response["WWW-Authenticate"] = 'Token realm="api"'
    return response
