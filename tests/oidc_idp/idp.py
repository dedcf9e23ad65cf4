"""The test provider's views, claims and URLs (tests/oidc_idp/__init__.py)."""

from __future__ import annotations

from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider import urls as dot_urls
from oauth2_provider import views as dot_views
from oauth2_provider.oauth2_validators import OAuth2Validator

# The provider's user's pk -> the claims it makes about them (sub, name, email, ...).
IDENTITIES: dict[int, dict] = {}


class IdPValidator(OAuth2Validator):
    oidc_claim_scope = None  # every claim, whatever the scopes (a test provider)

    def get_additional_claims(self, request):
        return dict(IDENTITIES.get(request.user.pk, {}))


@csrf_exempt
def idp_login(request):
    """The provider's own sign-in: e-mail and password, then back to ``next``."""
    if request.method != "POST":
        return HttpResponse(
            '<!doctype html><html lang="en"><title>Test provider</title><main><form method="post">'
            '<label>E-mail <input name="email"></label>'
            '<label>Password <input name="password" type="password"></label>'
            f'<input type="hidden" name="next" value="{escape(request.GET.get("next", ""))}">'
            "<button>Sign in at the provider</button></form></main></html>"
        )
    user = authenticate(
        request, email=request.POST.get("email", ""), password=request.POST.get("password", "")
    )
    if user is None:
        return HttpResponse("refused", status=403, content_type="text/plain")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(request.POST.get("next") or "/")


class IdPAuthorizationView(dot_views.AuthorizationView):
    login_url = "/idp/login/"


provider_urlpatterns = [
    path("authorize/", IdPAuthorizationView.as_view(), name="authorize"),
    *[p for p in dot_urls.base_urlpatterns if p.name != "authorize"],
    *dot_urls.oidc_urlpatterns,
]

idp_urlpatterns = [
    path("idp/login/", idp_login),
    path("idp/o/", include((provider_urlpatterns, "oauth2_provider"))),
]
