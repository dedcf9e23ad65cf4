"""Sign-in with a national digital identity: allauth's OpenID Connect provider, our rules.

Off unless the provider is configured (OIDC_SERVER_URL; config/settings/base.py). Then:

- a new person gets an account made from the provider's claims (name, e-mail); an e-mail the
  provider does not say it verified (``email_verified``) is confirmed by mail as usual;
- an existing account is joined by e-mail only when the provider verified that address *and*
  the account verified it too (never an address someone merely typed at sign-up);
- never to an account with a second factor: its owner signs in with password and code and
  connects the identity from their account (/accounts/3rdparty/); a connected identity still
  asks for the code (allauth's MFA stage runs for every sign-in);
- the provider's name is kept as the account's verified name, which only officers handling the
  person's request see (foi.services.accounts.user_record_verified_name). Nothing requires it:
  a request still carries the public name or pseudonym the person chooses.
"""

from __future__ import annotations

import functools
import logging

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.utils import is_mfa_enabled
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import translation

logger = logging.getLogger(__name__)

PROVIDER = "openid_connect"


def oidc_app() -> dict | None:
    """The configured identity provider's settings, or None when sign-in with it is off."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get(PROVIDER, {}).get("APPS") or []
    return apps[0] if apps else None


def oidc_enabled() -> bool:
    return oidc_app() is not None


def social_sign_in_off(request, *args, **kwargs):
    """Served instead of allauth's third-party pages while no identity provider is set."""
    raise Http404


def unreachable_provider_guard(view):
    """allauth's provider views, with an unreachable or broken provider (its discovery document,
    token or keys) shown as the sign-in error page instead of a server error."""
    import requests
    from allauth.socialaccount.providers.oauth2.client import OAuth2Error

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (requests.RequestException, OAuth2Error, ValueError) as error:
            logger.warning("identity provider unreachable or broken: %s", type(error).__name__)
            return render(request, "socialaccount/authentication_error.html", status=502)

    return guarded


def claims_of(extra_data: dict) -> dict:
    """The claims allauth keeps for an OpenID Connect account: userinfo, else the ID token."""
    return extra_data.get("userinfo") or extra_data.get("id_token") or extra_data or {}


def verified_name_from_claims(claims: dict) -> str:
    name = claims.get("name") or " ".join(
        part for part in (claims.get("given_name"), claims.get("family_name")) if part
    )
    return " ".join(str(name or "").split())[:300]


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def authenticate_by_email(self, sociallogin):
        """Join an existing account only through an address both sides verified."""
        for address in sociallogin.email_addresses:
            if not address.verified or not self.can_authenticate_by_email(
                sociallogin, address.email
            ):
                continue
            local = (
                EmailAddress.objects.filter(
                    email__iexact=address.email, verified=True, user__is_active=True
                )
                .select_related("user")
                .first()
            )
            if local:
                return local.user, local.email
        return None

    def pre_social_login(self, request, sociallogin):
        if (
            sociallogin._did_authenticate_by_email
            and sociallogin.user is not None
            and sociallogin.state.get("process") != "connect"
            and is_mfa_enabled(sociallogin.user)
        ):
            logger.info("identity not joined by e-mail to an account with a second factor")
            raise ImmediateHttpResponse(
                render(
                    request,
                    "socialaccount/link_refused_mfa.html",
                    {"provider_name": sociallogin.provider.name},
                    status=403,
                )
            )

    def save_user(self, request, sociallogin, form=None):
        user = sociallogin.user
        language = (translation.get_language() or "")[:2]
        if language in {code for code, _label in settings.LANGUAGES}:
            user.preferred_language = language
        user = super().save_user(request, sociallogin, form=form)
        record_verified_name(sociallogin)
        return user

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        logger.warning(
            "sign-in with %s failed: %s %s",
            getattr(provider, "id", provider),
            error,
            type(exception).__name__ if exception else "",
        )


def record_verified_name(sociallogin) -> None:
    from foi.services.accounts import user_record_verified_name

    user = sociallogin.user
    if user is None or user.pk is None or sociallogin.provider.id != PROVIDER:
        return
    name = verified_name_from_claims(claims_of(sociallogin.account.extra_data or {}))
    user_record_verified_name(user=user, name=name, verified_by=sociallogin.provider.name)


def on_logged_in(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None:
        record_verified_name(sociallogin)


def on_account_added(sender, request, sociallogin, **kwargs):
    record_verified_name(sociallogin)


def connect() -> None:
    from allauth.account.signals import user_logged_in
    from allauth.socialaccount.signals import social_account_added

    user_logged_in.connect(on_logged_in, dispatch_uid="foi.auth.social.logged_in")
    social_account_added.connect(on_account_added, dispatch_uid="foi.auth.social.added")
