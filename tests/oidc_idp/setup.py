"""Switch the test provider on for one test: its settings, Sorğu's client, Sorğu's settings.

Only through pytest-django's ``settings`` fixture, so production's settings stay as they are.
"""

from __future__ import annotations

import secrets
from types import SimpleNamespace

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from oauth2_provider.models import Application

from tests.factories import UserFactory
from tests.oidc_idp.idp import IDENTITIES


def rsa_private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def provider_settings(server_url: str, secret: str) -> dict:
    return {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "egov",
                    "name": "e-Gov",
                    "client_id": "sorgu-test",
                    "secret": secret,
                    "settings": {"server_url": server_url, "oauth_pkce_enabled": True},
                }
            ]
        }
    }


def start_provider(settings, *, origin: str, callback: str) -> SimpleNamespace:
    """The provider at ``origin`` + /idp/o, Sorğu's client registered with ``callback``."""
    issuer = f"{origin}/idp/o"
    settings.ROOT_URLCONF = "tests.oidc_idp.urls"
    settings.OAUTH2_PROVIDER = {
        **settings.OAUTH2_PROVIDER,
        "OIDC_ENABLED": True,
        "OIDC_RSA_PRIVATE_KEY": rsa_private_key_pem(),
        "OIDC_ISS_ENDPOINT": issuer,
        "SCOPES": {"openid": "OpenID", "profile": "Profile", "email": "E-mail"},
        "DEFAULT_SCOPES": ["openid"],
        "SCOPES_BACKEND_CLASS": "oauth2_provider.scopes.SettingsScopes",
        "OAUTH2_VALIDATOR_CLASS": "tests.oidc_idp.idp.IdPValidator",
        # The callbacks in tests are plain http (the test client's, the live server's).
        "ALLOWED_REDIRECT_URI_SCHEMES": ["http", "https"],
        "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": False,
    }
    secret = secrets.token_urlsafe(32)
    Application.objects.create(
        name="Sorğu (test)",
        client_id="sorgu-test",
        client_secret=secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=callback,
        skip_authorization=True,
        algorithm=Application.RS256_ALGORITHM,
    )
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings(issuer, secret)
    IDENTITIES.clear()
    return SimpleNamespace(url=origin, issuer=issuer, secret=secret)


def identity(**claims):
    """A person known to the provider, with the claims it will make about them."""
    person = UserFactory(email=f"idp-{secrets.token_hex(4)}@idp.invalid")
    IDENTITIES[person.pk] = {"sub": f"AZ-{person.pk:07d}", **claims}
    return person
