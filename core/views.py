"""Views every page needs and that know no domain: the language links and the favicon."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

FAVICON = Path(settings.BASE_DIR) / "assets" / "img" / "favicon.ico"
FAVICON_MAX_AGE = 30 * 24 * 60 * 60  # not fingerprinted, so not "immutable"


@require_safe
@never_cache
def language_switch(request, code: str):
    """``/language/<code>/?next=<path>``: the three language links in the header. Sets the
    language cookie and goes back to ``next`` when it is a path on this site, else to ``/``.
    A link, not a form, so that it works without JavaScript and is one tap on a phone; it
    changes nothing but the visitor's own cookie."""
    if code not in dict(settings.LANGUAGES):
        raise Http404("No such language.")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not next_url.startswith("/"):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )
    return response


@require_safe
def favicon(request):
    """``/favicon.ico``: browsers ask for it on every site whatever the page links to."""
    response = FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = f"public, max-age={FAVICON_MAX_AGE}"
    return response
