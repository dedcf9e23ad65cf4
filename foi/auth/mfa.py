"""Staff use a second factor before any of their powers works, anywhere.

Where ``FOI_REQUIRE_STAFF_MFA`` is True (production's default), a person who may enter the
Wagtail or the Django admin (an editor, a member of a body, an administrator) is, on every page
of the site except allauth's own account pages, sent to allauth's TOTP set-up until they have an
authenticator, and then asked for a code once per session (allauth's reauthentication, which
records it) unless they gave one at sign-in. The API refuses such a session, and the tokens of
staff without an authenticator (api.authentication), so a password alone opens nothing a citizen's
account could not.
"""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Wagtail lets in whoever holds this; the workspace grants it to active members of a body.
ADMIN_ACCESS = "wagtailadmin.access_admin"


def is_staff(user) -> bool:
    """Anyone who can reach an admin: editors, members of a body, administrators."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return bool(user.is_staff or user.is_superuser or user.has_perm(ADMIN_ACCESS))


def used_mfa_this_session(request, user) -> bool:
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


def has_totp(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def totp_authenticator(user) -> Authenticator | None:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()


def mfa_required(user) -> bool:
    """Whether this person's staff powers wait for a second factor."""
    return bool(getattr(settings, "FOI_REQUIRE_STAFF_MFA", False)) and is_staff(user)


def _open_prefixes() -> tuple[str, ...]:
    """Where a signed-in person without a second factor may still go: allauth's pages (sign-in,
    sign-out, the second factor's set-up), the language switch, static files, and the API,
    which answers for itself in JSON (api.authentication)."""
    return (
        reverse("account_login").removesuffix("login/"),  # all of allauth: /accounts/
        reverse("set_language"),
        reverse("language_switch", kwargs={"code": "az"}).removesuffix("az/"),
        settings.STATIC_URL,
        reverse("api:schema").removesuffix("schema/"),  # /api/
    )


def _open_paths() -> tuple[str, ...]:
    return (reverse("wagtailadmin_logout"), reverse("admin:logout"))


def _to(url_name: str, next_url: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({'next': next_url})}")


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        if not getattr(settings, "FOI_REQUIRE_STAFF_MFA", False):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        path = request.path
        if path.startswith(_open_prefixes()) or path in _open_paths():
            return None
        if not is_staff(user):
            return None
        if not has_totp(user):
            messages.info(
                request,
                _(
                    "Set up an authenticator app for your account before you go on; "
                    "staff accounts need one."
                ),
            )
            return _to("mfa_activate_totp", request.get_full_path())
        if not used_mfa_this_session(request, user):
            return _to("mfa_reauthenticate", request.get_full_path())
        return None
