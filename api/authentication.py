"""The API's ways in (DRF authentication classes), refusing staff who have not used their
second factor where FOI_REQUIRE_STAFF_MFA is on (foi.auth.mfa). Kept apart from the API's
views: DRF imports these while it is itself being imported."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
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


class ClientTokenRefused(exceptions.AuthenticationFailed):
    """A Bearer token refused, saying why (api.errors keeps the sentence)."""

    says_why = True


def is_service_account(user) -> bool:
    """An account no person signs in with (no usable password), working for a body: what an
    OAuth client application acts as (docs/api.md, "Agency systems")."""
    from foi.permissions import body_roles

    return bool(
        user is not None
        and user.is_active
        and not user.is_superuser
        and not user.has_usable_password()
        and body_roles(user)
    )


class ClientCredentialsAuthentication(OAuth2Authentication):
    """``Authorization: Bearer <token>`` from the client-credentials grant (django-oauth-toolkit).

    Such a token has no user of its own: the client acts as its Application's ``user``, which
    must be a service account that is a member of the body (``is_service_account``). The
    account's membership decides what it may do, as for a person; the token's scopes narrow
    it further (api.clients.ClientScopes). A token from any other grant is refused: those would
    stand for a person, who signs in with a second factor instead.
    """

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.lower().startswith("bearer "):
            return None
        result = super().authenticate(request)
        if result is None:
            raise ClientTokenRefused(
                _("That access token is not valid or has expired; get a new one at %(url)s.")
                % {"url": reverse("api:oauth_token")}
            )
        _user, token = result
        application = token.application
        if (
            application is None
            or application.authorization_grant_type != application.GRANT_CLIENT_CREDENTIALS
        ):
            raise ClientTokenRefused(
                _("Only tokens of the client-credentials grant are accepted here.")
            )
        account = application.user
        if not is_service_account(account):
            raise exceptions.PermissionDenied(
                _(
                    "This application's account is not a service account of a body (an active "
                    "member without a password): ask the portal's administrator to fix it."
                )
            )
        return account, token
