"""Tokens, and errors in one sentence whoever raises them."""

import pytest
from allauth.account.models import EmailAddress
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from foi.models import State
from tests.api.conftest import assert_one_sentence

PASSWORD = "correct horse battery staple"
TOKEN_URL = "/api/v1/auth/token/"


def test_a_token_for_the_right_email_and_password(api, world):
    response = api.post(
        TOKEN_URL, {"email": world.citizen.email.upper(), "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert Token.objects.get(key=token).user == world.citizen
    me = APIClient()
    me.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    foi_request = world.request(State.SUBMITTED, requester=world.citizen)
    detail = me.get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert "withdraw" in detail["actions"]


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "person0@example.org", "password": "wrong"},
        {"email": "nobody@example.org", "password": PASSWORD},
    ],
)
def test_wrong_credentials_are_400_in_one_sentence(api, world, payload):
    response = api.post(TOKEN_URL, payload, format="json")
    assert response.status_code == 400
    assert assert_one_sentence(response) == "No active account has this e-mail and password."
    assert not Token.objects.exists()


@pytest.mark.parametrize("payload", [{}, {"email": "not-an-address", "password": "x"}, []])
def test_a_malformed_token_request_is_400(api, world, payload):
    response = api.post(TOKEN_URL, payload, format="json")
    assert response.status_code == 400
    assert_one_sentence(response)


def test_an_inactive_person_gets_no_token_and_loses_the_old_one(api, world):
    token = Token.objects.create(user=world.citizen)
    world.citizen.is_active = False
    world.citizen.save()
    response = api.post(
        TOKEN_URL, {"email": world.citizen.email, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 400
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.get("/api/v1/requests/")
    assert response.status_code == 401
    assert_one_sentence(response)


def test_an_unconfirmed_email_gets_no_token(api, world):
    EmailAddress.objects.create(user=world.citizen, email=world.citizen.email, verified=False)
    response = api.post(
        TOKEN_URL, {"email": world.citizen.email, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 400
    assert "Confirm" in assert_one_sentence(response)
    assert not Token.objects.exists()


def test_the_token_endpoint_is_throttled(api, world):
    statuses = [
        api.post(TOKEN_URL, {"email": world.citizen.email, "password": "wrong"}, format="json")
        for _ in range(12)
    ]
    assert statuses[0].status_code == 400
    assert statuses[-1].status_code == 429
    assert "try again" in assert_one_sentence(statuses[-1])
    assert statuses[-1]["Retry-After"]


def test_a_bad_token_is_401(api, world):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get("/api/v1/laws/")
    assert response.status_code == 401
    assert_one_sentence(response)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/api/v1/no-such-thing/", {}, 404),
        ("get", "/api/v1/bodies/no-such-body/", {}, 404),
        ("get", "/api/v1/laws/zz/", {}, 404),
        ("get", "/api/v1/requests/AZ-1999-000000/", {}, 404),
        ("delete", "/api/v1/laws/", {}, 405),
        ("put", "/api/v1/requests/", {"data": {}, "format": "json"}, 405),
        ("get", "/api/v1/requests/?page=99", {}, 404),
        (
            "post",
            "/api/v1/auth/token/",
            {"data": "{not json", "content_type": "application/json"},
            400,
        ),
        (
            "post",
            "/api/v1/auth/token/",
            {"data": "email=a", "content_type": "application/x-www-form-urlencoded"},
            415,
        ),
    ],
)
def test_every_error_is_one_sentence(api, world, method, path, kwargs, status):
    response = getattr(api, method)(path, **kwargs)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert_one_sentence(response)


def test_the_api_answers_json_only(api, world):
    response = api.get("/api/v1/laws/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert_one_sentence(response)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/search/?q=x&body=a%00b",
        "/api/v1/requests/?q=a%00b",
        "/api/v1/requests/?body=a%00b",
        "/api/v1/bodies/?q=a%00",
        "/api/v1/requests/AZ%00/",
    ],
)
def test_a_nul_character_is_400_not_a_database_error(api, world, url):
    response = api.get(url)
    assert response.status_code == 400
    assert_one_sentence(response)


def test_an_account_with_an_authenticator_needs_its_code_for_a_token(api, world):
    """A password alone must not give a token to staff who sign in with a second factor."""
    from tests.totp import give_totp, totp_code, wrong_code

    secret = give_totp(world.officer)
    payload = {"email": world.officer.email, "password": PASSWORD}
    for extra in ({}, {"code": ""}, {"code": wrong_code(secret)}):
        response = api.post(TOKEN_URL, {**payload, **extra}, format="json")
        assert response.status_code == 400
        assert "authenticator" in assert_one_sentence(response)
    assert not Token.objects.filter(user=world.officer).exists()
    code = totp_code(secret)
    response = api.post(TOKEN_URL, {**payload, "code": code}, format="json")
    assert response.status_code == 200
    assert Token.objects.get(key=response.json()["token"]).user == world.officer
    replay = api.post(TOKEN_URL, {**payload, "code": code}, format="json")
    assert replay.status_code == 400  # a code works once
