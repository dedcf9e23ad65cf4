"""Guessing passwords through the token endpoint: throttled by the real client address, counted
per account with the website's sign-in form; tokens end with a password change; staff without
an authenticator get no token and their tokens and sessions do nothing."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from foi.auth.throttling import ClientScopedRateThrottle
from foi.models import State
from tests.totp import give_totp, totp_code, wrong_code

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a new and much longer passphrase"
TOKEN_URL = "/api/v1/auth/token/"
TOO_MANY = "Too many failed login attempts"


def ask_token(email, password=PASSWORD, ip="203.0.113.7", forwarded=None, **extra):
    headers = {"REMOTE_ADDR": ip}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return APIClient().post(
        TOKEN_URL, {"email": email, "password": password, **extra}, format="json", **headers
    )


def sign_in(email, password=PASSWORD, ip="203.0.113.7"):
    client = Client(REMOTE_ADDR=ip)
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    return client, response


@pytest.fixture
def generous_token_throttle(monkeypatch):
    """Lift the endpoint's own throttle, to see allauth's limits behind it."""
    monkeypatch.setattr(ClientScopedRateThrottle, "THROTTLE_RATES", {"api_token": "1000/min"})


# -- the client address ------------------------------------------------------------------------


def test_rotating_x_forwarded_for_does_not_escape_the_throttle(world):
    statuses = [
        ask_token(world.citizen.email, forwarded=f"198.51.100.{n}").status_code for n in range(12)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10:] == [429, 429]


def test_a_trusted_proxys_header_names_the_client(world, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for n in range(10):
        response = ask_token(world.citizen.email, ip="10.0.0.2", forwarded=f"198.51.100.{n}")
        assert response.status_code == 200
    # Ten clients behind the proxy, each its own count; one of them may go on.
    response = ask_token(world.citizen.email, ip="10.0.0.2", forwarded="198.51.100.1")
    assert response.status_code == 200
    # Whatever a client writes before the proxy's own entry is not believed.
    for n in range(10):
        ask_token(world.citizen.email, ip="10.0.0.2", forwarded=f"6.6.6.{n}, 198.51.100.200")
    assert (
        ask_token(
            world.citizen.email, ip="10.0.0.2", forwarded="7.7.7.7, 198.51.100.200"
        ).status_code
        == 429
    )


def test_failures_on_the_api_count_per_address_on_the_website(world, generous_token_throttle):
    for n in range(10):
        response = ask_token(f"nobody{n}@example.org", forwarded=f"198.51.100.{n}")
        assert response.status_code == 400
    assert ask_token("nobody-else@example.org").status_code == 429
    _client, response = sign_in("someone-else@example.org")
    assert TOO_MANY in response.content.decode()


# -- per account -------------------------------------------------------------------------------


def test_failures_on_the_api_lock_the_account_on_the_website(world, generous_token_throttle):
    email = world.citizen.email
    for n in range(5):  # each from another address: the count is the account's
        assert ask_token(email, password="wrong", ip=f"198.51.100.{n}").status_code == 400
    response = ask_token(email, ip="198.51.100.99")
    assert response.status_code == 429
    assert "Too many attempts" in response.json()["detail"]
    client, response = sign_in(email, ip="198.51.100.98")
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_on_the_website_lock_the_account_on_the_api(world, generous_token_throttle):
    email = world.citizen.email
    for n in range(5):
        sign_in(email, password="wrong", ip=f"198.51.100.{n}")
    assert ask_token(email, ip="198.51.100.99").status_code == 429
    assert not Token.objects.filter(user=world.citizen).exists()


def test_the_count_ignores_the_host_name(world, generous_token_throttle, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    email = world.citizen.email
    for _n in range(5):
        APIClient().post(
            TOKEN_URL,
            {"email": email, "password": "wrong"},
            format="json",
            HTTP_HOST="other.example",
        )
    assert ask_token(email).status_code == 429


def test_authenticator_codes_are_counted_per_account(world, generous_token_throttle):
    EmailAddress.objects.create(user=world.officer, email=world.officer.email, verified=True)
    secret = give_totp(world.officer)
    wrong = wrong_code(secret)
    for n in range(5):
        response = ask_token(world.officer.email, code=wrong, ip=f"198.51.100.{n}")
        assert response.status_code == 400
    response = ask_token(world.officer.email, code=totp_code(secret), ip="198.51.100.99")
    assert response.status_code == 429
    assert not Token.objects.filter(user=world.officer).exists()


# -- tokens end with the password ----------------------------------------------------------------


def test_changing_the_password_on_the_website_ends_tokens_and_other_sessions(world):
    EmailAddress.objects.create(user=world.citizen, email=world.citizen.email, verified=True)
    token = Token.objects.create(user=world.citizen)
    elsewhere = Client()
    elsewhere.force_login(world.citizen)
    here = Client()
    here.force_login(world.citizen)
    response = here.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert not Token.objects.filter(pk=token.pk).exists()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/requests/").status_code == 401
    # This session goes on; the other one ended.
    assert here.get(reverse("account_email")).status_code == 200
    assert elsewhere.get(reverse("account_email")).status_code == 302


def test_resetting_the_password_ends_tokens(world):
    EmailAddress.objects.create(
        user=world.citizen, email=world.citizen.email, verified=True, primary=True
    )
    token = Token.objects.create(user=world.citizen)
    client = Client()
    client.post(reverse("account_reset_password"), {"email": world.citizen.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    form = client.get(link.group(1), follow=True)
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link.group(1),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    world.citizen.refresh_from_db()
    assert world.citizen.check_password(NEW_PASSWORD)
    assert not Token.objects.filter(pk=token.pk).exists()


def test_an_administrator_setting_a_password_ends_tokens(world):
    token = Token.objects.create(user=world.citizen)
    admin = Client()
    admin.force_login(world.admin)
    response = admin.post(
        reverse("admin:auth_user_password_change", args=[world.citizen.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    assert not Token.objects.filter(pk=token.pk).exists()


def test_only_a_password_change_ends_tokens(world):
    token = Token.objects.create(user=world.citizen)
    world.citizen.first_name = "Another"
    world.citizen.save()
    assert Token.objects.filter(pk=token.pk).exists()
    person = get_user_model().objects.get(pk=world.citizen.pk)
    person.set_password(NEW_PASSWORD)  # as the changepassword command does
    person.save()
    assert not Token.objects.filter(pk=token.pk).exists()


# -- staff without an authenticator --------------------------------------------------------------


@pytest.fixture
def mfa_required(settings, world):
    settings.FOI_REQUIRE_STAFF_MFA = True
    for person in (world.officer, world.admin, world.citizen):
        EmailAddress.objects.create(user=person, email=person.email, verified=True)


@pytest.mark.parametrize("role", ["officer", "admin", "editor"])
def test_staff_without_totp_get_no_token(world, mfa_required, role):
    person = getattr(world, role)
    response = ask_token(person.email)
    assert response.status_code == 403
    assert "authenticator" in response.json()["detail"]
    assert not Token.objects.filter(user=person).exists()


def test_citizens_need_no_authenticator(world, mfa_required):
    assert ask_token(world.citizen.email).status_code == 200


def test_an_existing_token_of_staff_without_totp_is_refused(world, mfa_required):
    token = Token.objects.create(user=world.officer)
    foi_request = world.request(State.SUBMITTED)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    for path in ("/api/v1/requests/", f"/api/v1/requests/{foi_request.reference}/"):
        response = api.get(path)
        assert response.status_code == 403, path
        assert "authenticator" in response.json()["detail"]
    # Setting up an authenticator does not revive a token had for the password alone ...
    secret = give_totp(world.officer)
    response = api.get(f"/api/v1/requests/{foi_request.reference}/")
    assert response.status_code == 403
    assert "new one" in response.json()["detail"]
    # ... a new one, given against a code, works.
    new = ask_token(world.officer.email, code=totp_code(secret))
    assert new.json()["token"] != token.key
    assert new.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {new.json()['token']}")
    assert api.get(f"/api/v1/requests/{foi_request.reference}/").status_code == 200


def test_a_staff_session_without_a_code_does_nothing_on_the_api(world, mfa_required):
    foi_request = world.request(State.SUBMITTED)
    api = APIClient()
    api.force_login(world.officer)  # a password alone, no authenticator
    response = api.get(f"/api/v1/requests/{foi_request.reference}/")
    assert response.status_code == 403
    give_totp(world.officer)  # an authenticator, but this session never gave its code
    response = api.get(f"/api/v1/requests/{foi_request.reference}/")
    assert response.status_code == 403
    assert "code" in response.json()["detail"]


def test_a_staff_session_that_gave_its_code_works_on_the_api(world, mfa_required):
    foi_request = world.request(State.SUBMITTED)
    secret = give_totp(world.officer)
    client = Client()
    client.post(reverse("account_login"), {"login": world.officer.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(f"/api/v1/requests/{foi_request.reference}/").status_code == 200


def test_citizens_sessions_work_on_the_api(world, mfa_required):
    api = APIClient()
    api.force_login(world.citizen)
    assert api.get("/api/v1/requests/").status_code == 200


def test_guesses_on_the_close_account_form_count_per_account(world, generous_token_throttle):
    """A borrowed session must not guess the password without limit where it is asked again."""
    client = Client()
    client.force_login(world.citizen)
    for _n in range(5):
        response = client.post(reverse("foi:close_account"), {"password": "wrong", "confirm": "on"})
        assert response.status_code == 400
    response = client.post(reverse("foi:close_account"), {"password": PASSWORD, "confirm": "on"})
    assert TOO_MANY in response.content.decode()
    world.citizen.refresh_from_db()
    assert world.citizen.is_active
    assert ask_token(world.citizen.email).status_code == 429
