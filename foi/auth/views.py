"""The other sign-in and password-reset forms Django and Wagtail bring, sent to allauth's.

Django's admin login, Wagtail's admin login and its page-privacy login (``/_util/login/``)
would each check a password and open a session without allauth's second factor, e-mail
verification, rate limits and lockout. Their addresses stay (links and bookmarks use them), but
every method gets a redirect to allauth's page, with ``next`` kept when it points to this site
(or a 403 for someone already signed in); nothing posted to them is read.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt


def _redirect(request, url_name: str) -> HttpResponseRedirect:
    url = reverse(url_name)
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        url = f"{url}?{urlencode({'next': next_url})}"
    return HttpResponseRedirect(url)


# csrf_exempt: a stale form posted here must get the redirect, not a CSRF error page; the
# view reads nothing from the body and changes nothing.
@csrf_exempt
def sign_in_elsewhere(request, *args, **kwargs):
    if request.user.is_authenticated:
        # Signed in, and sent here by an admin that will not have them: allauth would send
        # them straight back to ``next``, round and round.
        raise PermissionDenied
    return _redirect(request, "account_login")


@csrf_exempt
def reset_password_elsewhere(request, *args, **kwargs):
    return _redirect(request, "account_reset_password")
