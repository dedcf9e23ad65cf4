"""Agency systems in: OAuth2 client credentials (django-oauth-toolkit) beside people's tokens.

An administrator creates an Application (grant "client credentials") whose ``user`` is a
service account of the body (api.authentication.is_service_account) and grants it scopes
(api.models.ClientScopes). The client gets a token at /api/oauth/token/ and acts as that
account: its membership decides what it may do, as for a person, and the token's scopes narrow
it (``ClientScopes``); it sees only its own body's requests (``is_client``: the views filter).
docs/api.md, "Agency systems", says how to set one up.
"""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from oauth2_provider.models import AccessToken
from oauth2_provider.scopes import SettingsScopes
from oauth2_provider.views import TokenView
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.throttling import SimpleRateThrottle

from foi.auth.throttling import ClientScopedRateThrottle


def is_client(request) -> bool:
    """Whether the caller is an OAuth client application (not a person)."""
    return isinstance(getattr(request, "auth", None), AccessToken)


def scope_for(view, method: str) -> str | None:
    """The scope a view's method needs from a client; None when clients may not use it.
    Reading what anyone may read (laws, bodies, statistics) needs none: ""."""
    scopes = getattr(view, "oauth_scopes", {})
    if method in scopes:
        return scopes[method]
    return "" if method in SAFE_METHODS else None


class ClientScopes(BasePermission):
    """For an OAuth client, the scope the view's method needs (``oauth_scopes``); for a person
    (token or session) nothing: their role decides, in the views and services."""

    def has_permission(self, request, view) -> bool:
        if not is_client(request):
            return True
        needed = scope_for(view, request.method)
        if needed is None:
            raise exceptions.PermissionDenied(
                _("Client applications may not do this; it is for people signed in.")
            )
        if needed and not request.auth.allow_scopes([needed]):
            raise exceptions.PermissionDenied(
                _(
                    "This token lacks the scope %(scope)s: ask the portal's administrator to "
                    "grant it to the application, and request it with the token."
                )
                % {"scope": needed}
            )
        return True


class ClientRateThrottle(SimpleRateThrottle):
    """Each client application's calls, counted per application (REST_FRAMEWORK's
    ``api_client`` rate); people's calls are not counted here."""

    scope = "api_client"

    def get_cache_key(self, request, view):
        if not is_client(request):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.application_id}


class ApplicationScopes(SettingsScopes):
    """django-oauth-toolkit's scopes backend: an application may have only the scopes an
    administrator granted it (api.models.ClientScopes), and gets them all by default."""

    def _granted(self, application) -> list[str]:
        from api.models import ClientScopes as Granted

        if application is None:
            return []
        row = Granted.objects.filter(application=application).first()
        known = self.get_all_scopes()
        return [scope for scope in (row.scopes if row else []) if scope in known]

    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        return self._granted(application)

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        return self._granted(application)


class _TokenScope:
    throttle_scope = "api_oauth_token"


@method_decorator(sensitive_post_parameters("client_secret"), name="dispatch")
class ClientTokenView(TokenView):
    """django-oauth-toolkit's token endpoint, for the client-credentials grant only, throttled
    per client address like the API's own token endpoint. Its answers are OAuth's (RFC 6749:
    ``access_token`` ..., or ``error`` and ``error_description``)."""

    def post(self, request, *args, **kwargs):
        throttle = ClientScopedRateThrottle()
        if not throttle.allow_request(request, _TokenScope()):
            wait = int(throttle.wait() or 1)
            return _oauth_error(
                "slow_down",
                ngettext(
                    "Too many token requests; try again in %(seconds)d second.",
                    "Too many token requests; try again in %(seconds)d seconds.",
                    wait,
                )
                % {"seconds": wait},
                status=429,
                headers={"Retry-After": str(wait)},
            )
        if request.POST.get("grant_type") != "client_credentials":
            return _oauth_error(
                "unsupported_grant_type",
                _("Only the client_credentials grant is offered here."),
                status=400,
            )
        return super().post(request, *args, **kwargs)


def _oauth_error(code: str, description: str, *, status: int, headers=None) -> HttpResponse:
    response = HttpResponse(
        json.dumps({"error": code, "error_description": str(description)}),
        status=status,
        content_type="application/json",
    )
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


class ClientCredentialsScheme(OpenApiAuthenticationExtension):
    """The schema's oauth2 security scheme (client credentials), each operation naming the
    scope it needs (``oauth_scopes``)."""

    target_class = "api.authentication.ClientCredentialsAuthentication"
    name = "oauth2"

    def get_security_requirement(self, auto_schema):
        needed = scope_for(auto_schema.view, auto_schema.method.upper())
        if needed is None:
            return []
        return {self.name: [needed] if needed else []}

    def get_security_definition(self, auto_schema):
        from django.urls import reverse

        from api.models import SCOPES

        return {
            "type": "oauth2",
            "description": "For an agency's own system: the client-credentials grant; the "
            "token acts as the application's service account of the body.",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": reverse("api:oauth_token"),
                    "scopes": {name: str(text) for name, text in SCOPES.items()},
                }
            },
        }
