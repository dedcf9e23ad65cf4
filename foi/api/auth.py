"""Tokens: POST an e-mail and password, get a token for ``Authorization: Token <token>``."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from foi.api.schema import ERROR_400, ERROR_429


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
        request = self.context["request"]
        user = authenticate(
            request=getattr(request, "_request", request),
            email=data["email"].strip(),
            password=data["password"],
        )
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
            if not second_factor.validate_code(code):
                raise serializers.ValidationError(
                    _("The authenticator code is wrong or was already used."),
                    code="authorization",
                )
        data["user"] = user
        return data


def _totp_of(user):
    """allauth's TOTP for this person, or None when they have not set one up."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return TOTP(authenticator) if authenticator else None


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
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "api_token"

    @extend_schema(
        operation_id="auth_token_create",
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer, 400: ERROR_400, 429: ERROR_429},
        auth=[],
        tags=["auth"],
        summary="Get a token",
        description=(
            "Send the e-mail and password of an active account (and `code`, the current code "
            "of its authenticator app, if it has one); the answer's token goes in "
            "the header `Authorization: Token <token>` of later requests. The same token is "
            "returned until it is revoked. Throttled per client."
        ),
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, _created = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key})
