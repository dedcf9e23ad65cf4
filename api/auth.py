"""Tokens: POST an e-mail and password, get a token for ``Authorization: Token <token>``.

The password is checked by allauth's adapter, as on the sign-in page: a failure counts towards
the same per-address and per-account limits (ACCOUNT_RATE_LIMITS["login_failed"]), and a wrong
authenticator code towards allauth's per-account count for codes. Where FOI_REQUIRE_STAFF_MFA is
on, staff get no token, and their tokens and sessions do nothing, until they use TOTP.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.views import APIView

from api.authentication import staff_without_totp
from api.schema import ERROR_400, ERROR_403, ERROR_429
from foi.auth.mfa import has_totp, mfa_required, totp_authenticator
from foi.auth.throttling import ClientScopedRateThrottle


class StaffMFASessionScheme(SessionScheme):
    """The schema's cookieAuth, for our session class (DRF's own is matched only exactly)."""

    target_class = "api.authentication.StaffMFASessionAuthentication"


class TooManyAttempts(exceptions.Throttled):
    """allauth's limits say no; the answer names the longest of their windows, after which
    the count has surely fallen."""

    def __init__(self):
        super().__init__(wait=_longest_login_failed_window())


def _longest_login_failed_window() -> int:
    """Seconds in the longest window of ACCOUNT_RATE_LIMITS["login_failed"].

    allauth has no public way to read its parsed rates (``allauth.core.ratelimit`` exports
    consume and clear only), so its internal parser is used here and nowhere else.
    """
    from allauth.core.internal.ratelimit import get_rates

    rates = get_rates(app="allauth.account", action="login_failed")
    return max((rate.duration for rate in rates), default=60)


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
    code = serializers.CharField(
        max_length=16,
        required=False,
        allow_blank=True,
        help_text="The six-digit code of the account's authenticator app, when it has one.",
    )

    def validate(self, data):
        from allauth.account.adapter import get_adapter

        request = getattr(self.context["request"], "_request", self.context["request"])
        try:
            user = get_adapter(request).authenticate(
                request, email=data["email"].strip().lower(), password=data["password"]
            )
        except forms.ValidationError:  # allauth's "too many failed login attempts"
            raise TooManyAttempts() from None
        # Inactive people are refused by the authentication backends themselves.
        if user is None or not user.is_active:
            raise serializers.ValidationError(
                _("No active account has this e-mail and password."), code="authorization"
            )
        if _email_unconfirmed(user):
            raise serializers.ValidationError(
                _("Confirm your e-mail address first, with the link we sent you."),
                code="authorization",
            )
        second_factor = _totp_of(user)
        if second_factor is not None:
            # A password alone must not open an account that asks for a second factor at
            # sign-in: officers' and editors' tokens would otherwise bypass it.
            code = (data.get("code") or "").strip()
            if not code:
                raise serializers.ValidationError(
                    _("This account uses an authenticator app: send its current code as code."),
                    code="authorization",
                )
            if not _code_is_right(second_factor, user, code):
                raise serializers.ValidationError(
                    _("The authenticator code is wrong or was already used."),
                    code="authorization",
                )
        data["user"] = user
        return data


def _code_is_right(second_factor, user, code: str) -> bool:
    """The code, counted like allauth's own code form: per account, in the login_failed
    limits, and forgotten once a right one comes."""
    try:
        clear_count = _count_code_attempt(user)
    except forms.ValidationError:
        raise TooManyAttempts() from None
    if not second_factor.validate_code(code):
        return False
    clear_count()
    return True


def _count_code_attempt(user):
    """Count one code attempt for ``user`` in allauth's own per-account count for codes (the one
    its code forms use); returns the function that forgets the count. Raises ValidationError
    when the count is spent.

    allauth's public ``allauth.core.ratelimit.consume`` would need the count's key, which is
    private to allauth's MFA flows; sharing the count with the forms needs its flow, so its
    internal function is used here and nowhere else.
    """
    from allauth.mfa.base.internal.flows import check_rate_limit

    return check_rate_limit(user)


def _totp_of(user):
    """allauth's TOTP for this person (``Authenticator.wrap()``), or None when they have not set
    one up."""
    authenticator = totp_authenticator(user)
    return authenticator.wrap() if authenticator else None


def _token_for(user) -> Token:
    """The person's token; a new one if theirs is older than their authenticator (it may
    have been had for the password alone, and StaffMFATokenAuthentication refuses it)."""
    token = Token.objects.filter(user=user).first()
    authenticator = totp_authenticator(user)
    if token is not None and authenticator is not None and token.created < authenticator.created_at:
        token.delete()
        token = None
    return token or Token.objects.create(user=user)


def _email_unconfirmed(user) -> bool:
    """Sign-up asks people to confirm their address before they sign in; so does the API."""
    from allauth.account.models import EmailAddress

    addresses = EmailAddress.objects.filter(user=user)
    return addresses.exists() and not addresses.filter(verified=True).exists()


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()


class TokenView(APIView):
    """Exchange an e-mail and password for an API token."""

    authentication_classes: list = []
    permission_classes: list = []
    throttle_classes = [ClientScopedRateThrottle]
    throttle_scope = "api_token"

    @extend_schema(
        operation_id="auth_token_create",
        request=TokenRequestSerializer,
        responses={
            200: TokenResponseSerializer,
            400: ERROR_400,
            403: ERROR_403,
            429: ERROR_429,
        },
        auth=[],
        tags=["auth"],
        summary="Get a token",
        description=(
            "Send the e-mail and password of an active account (and `code`, the current code "
            "of its authenticator app, if it has one); the answer's token goes in "
            "the header `Authorization: Token <token>` of later requests. The same token is "
            "returned until it is revoked or the password changes. Throttled per client "
            "address, and failed attempts count per account together with the website's "
            "sign-in form. Staff accounts need an authenticator app (403 without one)."
        ),
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        if mfa_required(user) and not has_totp(user):
            raise staff_without_totp()
        token = _token_for(user)
        return Response({"token": token.key})
