"""Sign-in with a state identity, end to end against a real OpenID Connect provider.

The provider is django-oauth-toolkit with OIDC on and an RSA key made here, served by the live
server (tests/oidc_idp). Sorğu's side is the test client; the person's browser at the provider
is a ``requests`` session, so each side keeps its own cookies. allauth fetches the discovery
document, exchanges the code (with PKCE), checks the ID token's signature against the JWKS and
reads userinfo, all over HTTP from the live server.
"""

from __future__ import annotations

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import SESSION_KEY

from foi.models import User
from tests.factories import UserFactory
from tests.oidc_idp.idp import IDENTITIES
from tests.oidc_idp.setup import identity, provider_settings, start_provider
from tests.totp import give_totp

pytestmark = pytest.mark.django_db(transaction=True)

CALLBACK = "http://testserver/accounts/oidc/egov/login/callback/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def idp(live_server, settings):
    provider = start_provider(settings, origin=live_server.url, callback=CALLBACK)
    yield provider
    IDENTITIES.clear()


def sign_in_with_provider(client, idp, person):
    """Press the button, sign in at the provider, come back: Sorğu's last response."""
    started = client.post("/accounts/oidc/egov/login/", {"process": "login"})
    assert started.status_code == 302, started.content[:500]
    authorize = started["Location"]
    assert authorize.startswith(f"{idp.issuer}/authorize/?")
    assert "code_challenge=" in authorize
    browser = requests.Session()
    signed_in = browser.post(
        f"{idp.url}/idp/login/",
        data={"email": person.email, "password": PASSWORD},
        allow_redirects=False,
        timeout=10,
    )
    assert signed_in.status_code == 302
    answer = browser.get(authorize, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text[:500]
    callback = answer.headers["Location"]
    assert callback.startswith(CALLBACK + "?")
    return client.get(callback.removeprefix("http://testserver"))


def signed_in_as(client):
    return client.session.get(SESSION_KEY)


def verified_account(email, **fields):
    user = UserFactory(email=email, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_a_new_person_gets_an_account_with_a_verified_name(client, idp):
    person = identity(
        name="Aysel Məmmədova",
        given_name="Aysel",
        family_name="Məmmədova",
        email="aysel@example.org",
        email_verified=True,
    )
    before = User.objects.count()

    response = sign_in_with_provider(client, idp, person)

    assert response.status_code == 302
    user = User.objects.get(email="aysel@example.org")
    assert User.objects.count() == before + 1
    assert signed_in_as(client) == str(user.pk)
    assert (user.first_name, user.last_name) == ("Aysel", "Məmmədova")
    assert user.name_verified and user.verified_name == "Aysel Məmmədova"
    assert user.name_verified_by == "e-Gov" and user.name_verified_at is not None
    assert not user.has_usable_password()
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("egov", f"AZ-{person.pk:07d}")
    assert EmailAddress.objects.get(user=user).verified


def test_a_new_person_with_an_unverified_address_confirms_it_by_mail(client, idp, mailoutbox):
    person = identity(name="Orxan Nəsirov", email="orxan@example.org", email_verified=False)

    response = sign_in_with_provider(client, idp, person)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm-email/")
    assert signed_in_as(client) is None
    user = User.objects.get(email="orxan@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert [message.to for message in mailoutbox] == [["orxan@example.org"]]


def test_an_existing_account_is_joined_by_a_verified_address_not_duplicated(client, idp):
    existing = verified_account("rauf@example.org", first_name="Rauf", last_name="Ə.")
    person = identity(name="Rauf Əliyev", email="Rauf@Example.org", email_verified=True)
    before = User.objects.count()

    response = sign_in_with_provider(client, idp, person)

    assert response.status_code == 302
    assert User.objects.count() == before
    assert signed_in_as(client) == str(existing.pk)
    assert SocialAccount.objects.get(uid=f"AZ-{person.pk:07d}").user == existing
    existing.refresh_from_db()
    # The name the person gave stays; the provider's is kept beside it for officers.
    assert (existing.first_name, existing.last_name) == ("Rauf", "Ə.")
    assert existing.verified_name == "Rauf Əliyev"
    assert existing.has_usable_password()

    # Next time the identity itself finds the account, whatever its e-mail now says.
    IDENTITIES[person.pk]["email"] = "rauf.new@example.org"
    client.logout()
    sign_in_with_provider(client, idp, person)
    assert signed_in_as(client) == str(existing.pk)
    assert SocialAccount.objects.filter(user=existing).count() == 1


def test_an_address_the_provider_did_not_verify_joins_nothing(client, idp):
    existing = verified_account("leyla@example.org")
    person = identity(name="Leyla Həsənova", email="leyla@example.org", email_verified=False)

    sign_in_with_provider(client, idp, person)

    assert signed_in_as(client) != str(existing.pk)
    assert not SocialAccount.objects.filter(user=existing).exists()
    existing.refresh_from_db()
    assert existing.verified_name == "" and existing.has_usable_password()


def test_an_address_only_typed_at_sign_up_joins_nothing(client, idp):
    """The provider verified it, but the account never did: someone else may have typed it."""
    squatter = UserFactory(email="nigar@example.org")
    EmailAddress.objects.create(user=squatter, email="nigar@example.org", verified=False)
    person = identity(name="Nigar Quliyeva", email="nigar@example.org", email_verified=True)

    sign_in_with_provider(client, idp, person)

    assert signed_in_as(client) != str(squatter.pk)
    assert not SocialAccount.objects.filter(user=squatter).exists()
    squatter.refresh_from_db()
    assert squatter.verified_name == "" and squatter.has_usable_password()


def test_an_account_with_a_second_factor_is_not_joined_by_e_mail(client, idp):
    existing = verified_account("elvin@example.org")
    give_totp(existing)
    person = identity(name="Elvin Rzayev", email="elvin@example.org", email_verified=True)

    response = sign_in_with_provider(client, idp, person)

    assert response.status_code == 403
    assert "second factor" in response.content.decode()
    assert signed_in_as(client) is None
    assert not SocialAccount.objects.exists()
    existing.refresh_from_db()
    assert existing.verified_name == ""


def test_a_connected_identity_still_asks_for_the_second_factor(client, idp):
    existing = verified_account("samir@example.org")
    give_totp(existing)
    person = identity(name="Samir Hüseynov", email="samir@example.org", email_verified=True)
    SocialAccount.objects.create(
        user=existing, provider="egov", uid=f"AZ-{person.pk:07d}", extra_data={}
    )

    response = sign_in_with_provider(client, idp, person)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert signed_in_as(client) is None
    existing.refresh_from_db()
    assert existing.verified_name == ""  # kept only once the sign-in completes


def test_a_provider_refusing_the_code_shows_the_error_page(client, idp, settings):
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings(idp.issuer, "not-the-secret")
    person = identity(name="Kamran Abbasov", email="kamran@example.org", email_verified=True)
    before = User.objects.count()

    response = sign_in_with_provider(client, idp, person)

    assert response.status_code == 401
    page = response.content.decode()
    assert "Sign-in with your state identity failed" in page
    assert User.objects.count() == before
    assert signed_in_as(client) is None


def test_an_unreachable_provider_shows_the_error_page(client, idp, settings):
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings("http://127.0.0.1:9/idp/o", "x")

    response = client.post("/accounts/oidc/egov/login/", {"process": "login"})

    assert response.status_code == 502
    assert "Sign-in with your state identity failed" in response.content.decode()
    assert signed_in_as(client) is None


def test_the_sign_in_page_offers_the_provider_only_when_configured(client, idp):
    page = client.get("/accounts/login/").content.decode()
    assert 'action="/accounts/oidc/egov/login/"' in page
    assert "Sign in with e-Gov" in page
