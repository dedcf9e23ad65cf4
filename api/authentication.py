"""The API's ways in (DRF authentication classes), refusing staff who have not used their
second factor where FOI_REQUIRE_STAFF_MFA is on (foi.auth.mfa). Kept apart from the API's
views: DRF imports these while it is itself being imported."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication

from foi.auth.mfa import has_totp, mfa_required, totp_authenticator, used_mfa_this_session


def staff_without_totp() -> exceptions.PermissionDenied:
    return exceptions.PermissionDenied(
        _("This is a staff account: set up an authenticator app at %(url)s before you use the API.")
        % {"url": reverse("mfa_index")}
    )


class StaffMFATokenAuthentication(TokenAuthentication):
    """A token, refused while its staff owner has no authenticator, and refused if it is older
    than the authenticator: tokens are issued against a code only from then on, so an older one
    may have been had for the password alone."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if mfa_required(user):
            authenticator = totp_authenticator(user)
            if authenticator is None:
                raise staff_without_totp()
            if token.created < authenticator.created_at:
                raise exceptions.PermissionDenied(
                    _(
                        "This token was issued before the account had an authenticator app; "
                        "ask for a new one, with the app's code."
                    )
                )
        return user, token


class StaffMFASessionAuthentication(SessionAuthentication):
    """The website's session, refused for staff until the session has passed TOTP."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and mfa_required(result[0]):
            if not has_totp(result[0]):
                raise staff_without_totp()
            if not used_mfa_this_session(request._request, result[0]):
                raise exceptions.PermissionDenied(
                    _(
                        "This is a staff account: enter your authenticator code on the "
                        "website before you use the API with this session."
                    )
                )
        return result
