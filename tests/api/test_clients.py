"""Agency systems in: OAuth2 client credentials with scopes (api.clients), and the body's
officers list a client assigns from."""

import pytest
from django.core.cache import cache
from oauth2_provider.models import AccessToken, Application

from api.models import ClientScopes
from foi.models import Membership, State
from tests.api.conftest import assert_one_sentence, snapshot
from tests.factories import MembershipFactory, UserFactory

TOKEN_URL = "/api/oauth/token/"
SECRET = "a-long-client-secret-for-the-tests-only-0123456789"
ALL_SCOPES = ["requests:read", "requests:act", "officers:read"]


def make_client(body, scopes=ALL_SCOPES, role="coordinator", grant=None):
    """A client application of ``body``: its service account (a member without a password)
    and the scopes an administrator granted it."""
    account = UserFactory(first_name="", last_name="", email=f"system-{body.slug}@example.org")
    account.set_unusable_password()
    account.save()
    MembershipFactory(body=body, user=account, role=role)
    application = Application.objects.create(
        name=f"{body.slug} records system",
        user=account,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=grant or Application.GRANT_CLIENT_CREDENTIALS,
        client_secret=SECRET,
    )
    ClientScopes.objects.create(application=application, scopes=list(scopes))
    return application


def get_token(client, application, scope=None):
    data = {"grant_type": "client_credentials"}
    if scope is not None:
        data["scope"] = scope
    return client.post(TOKEN_URL, data, HTTP_AUTHORIZATION=_basic(application.client_id, SECRET))


def _basic(client_id, secret):
    import base64

    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def bearer(api, client, application, scope=None):
    response = get_token(client, application, scope)
    assert response.status_code == 200, response.content
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access_token']}")
    return api


@pytest.fixture
def ministry_app(world):
    return make_client(world.ministry)


# -- the token ----------------------------------------------------------------------------------


def test_the_client_credentials_grant_gives_a_token_with_the_granted_scopes(
    client, world, ministry_app
):
    response = get_token(client, ministry_app)
    assert response.status_code == 200
    data = response.json()
    assert data["token_type"] == "Bearer"
    assert set(data["scope"].split()) == set(ALL_SCOPES)
    token = AccessToken.objects.get(token_checksum__isnull=False, application=ministry_app)
    assert token.user is None  # the client acts as its application's service account
    narrow = get_token(client, ministry_app, scope="requests:read").json()
    assert narrow["scope"] == "requests:read"


def test_a_token_is_refused_for_a_wrong_secret_an_ungranted_scope_or_another_grant(client, world):
    application = make_client(world.ministry, scopes=["requests:read"])
    wrong = client.post(
        TOKEN_URL,
        {"grant_type": "client_credentials"},
        HTTP_AUTHORIZATION=_basic(application.client_id, "wrong"),
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    ungranted = get_token(client, application, scope="requests:act")
    assert ungranted.status_code == 400
    assert ungranted.json()["error"] == "invalid_scope"
    password = client.post(
        TOKEN_URL,
        {"grant_type": "password", "username": world.officer.email, "password": "x"},
        HTTP_AUTHORIZATION=_basic(application.client_id, SECRET),
    )
    assert password.status_code == 400
    assert password.json()["error"] == "unsupported_grant_type"
    assert not AccessToken.objects.exists()


def test_the_token_endpoint_is_throttled_per_client_address(
    client, world, ministry_app, monkeypatch
):
    from rest_framework.throttling import SimpleRateThrottle

    rates = {**SimpleRateThrottle.THROTTLE_RATES, "api_oauth_token": "2/min"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    cache.clear()
    assert get_token(client, ministry_app).status_code == 200
    assert get_token(client, ministry_app).status_code == 200
    third = get_token(client, ministry_app)
    assert third.status_code == 429
    assert third.json()["error"] == "slow_down"
    assert int(third["Retry-After"]) >= 1


# -- using it ------------------------------------------------------------------------------------


def test_a_client_reads_its_queue_and_acts_within_its_scopes(api, client, world, ministry_app):
    own = world.request(State.SUBMITTED)
    world.request(State.ANSWERED, body=world.other_body)  # public, but not the client's
    bearer(api, client, ministry_app)
    listed = api.get("/api/v1/requests/").json()
    assert [row["reference"] for row in listed["results"]] == [own.reference]
    assert api.get(f"/api/v1/requests/{own.reference}/").status_code == 200
    assert api.get(f"/api/v1/requests/{own.reference}/case/").json()["viewer"] == "body"
    officers = api.get("/api/v1/bodies/ministry/officers/").json()["results"]
    officer_ids = {row["id"] for row in officers}
    assert world.officer.pk in officer_ids
    response = api.post(
        f"/api/v1/requests/{own.reference}/actions/assign/",
        {"assignee": world.officer.pk},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == State.IN_PROGRESS
    own.refresh_from_db()
    assert own.assignee_id == world.officer.pk


def test_an_action_without_its_scope_is_a_403_with_a_clear_sentence(
    api, client, world, ministry_app
):
    foi_request = world.request(State.SUBMITTED)
    before = snapshot(foi_request)
    bearer(api, client, ministry_app, scope="requests:read")
    response = api.post(
        f"/api/v1/requests/{foi_request.reference}/actions/accept/", {}, format="json"
    )
    assert response.status_code == 403
    assert "requests:act" in assert_one_sentence(response)
    assert snapshot(foi_request) == before
    assert api.get("/api/v1/bodies/ministry/officers/").status_code == 403
    bearer(api, client, ministry_app, scope="officers:read")
    refused = api.get(f"/api/v1/requests/{foi_request.reference}/")
    assert refused.status_code == 403
    assert "requests:read" in assert_one_sentence(refused)
    # Filing is for people, whatever the scopes.
    bearer(api, client, ministry_app)
    filing = api.post(
        "/api/v1/requests/", {"body": "ministry", "subject": "S", "text": "T"}, format="json"
    )
    assert filing.status_code == 403
    assert_one_sentence(filing)


def test_a_token_of_one_body_neither_sees_nor_acts_on_another_bodys_requests(
    api, client, world, ministry_app
):
    public_elsewhere = world.request(State.SUBMITTED, body=world.other_body)
    before = snapshot(public_elsewhere)
    bearer(api, client, ministry_app)
    reference = public_elsewhere.reference
    assert api.get(f"/api/v1/requests/{reference}/").status_code == 404
    assert api.get(f"/api/v1/requests/{reference}/case/").status_code == 404
    response = api.post(f"/api/v1/requests/{reference}/actions/accept/", {}, format="json")
    assert response.status_code == 404
    assert_one_sentence(response)
    assert snapshot(public_elsewhere) == before
    assert api.get("/api/v1/requests/", {"body": "other"}).json()["results"] == []
    assert api.get("/api/v1/bodies/other/officers/").status_code == 403


def test_a_bad_or_expired_bearer_token_is_a_401(api, client, world, ministry_app):
    api.credentials(HTTP_AUTHORIZATION="Bearer nonsense")
    response = api.get("/api/v1/requests/")
    assert response.status_code == 401
    assert "/api/oauth/token/" in assert_one_sentence(response)
    bearer(api, client, ministry_app)
    AccessToken.objects.update(expires="2000-01-01T00:00:00Z")
    assert api.get("/api/v1/requests/").status_code == 401


def test_an_application_of_a_person_or_another_grant_is_refused(api, client, world):
    application = make_client(world.ministry)
    # Its account is given a password: a person could sign in with it, so it is not a system.
    application.user.set_password("now a person's")
    application.user.save()
    bearer(api, client, application)
    response = api.get("/api/v1/requests/")
    assert response.status_code == 403
    assert "service account" in assert_one_sentence(response)
    # A token of another grant (say, made by hand) stands for a person: refused.
    other = make_client(world.other_body, grant=Application.GRANT_PASSWORD)
    import datetime

    from django.utils import timezone

    AccessToken.objects.create(
        application=other,
        user=None,
        token="hand-made-token-0123456789",
        scope="requests:read",
        expires=timezone.now() + datetime.timedelta(hours=1),
    )
    api.credentials(HTTP_AUTHORIZATION="Bearer hand-made-token-0123456789")
    assert api.get("/api/v1/requests/").status_code == 401


def test_a_client_whose_membership_ended_is_refused(api, client, world, ministry_app):
    bearer(api, client, ministry_app)
    Membership.objects.filter(user=ministry_app.user).update(is_active=False)
    assert api.get("/api/v1/requests/").status_code == 403


# -- the officers list ---------------------------------------------------------------------------


def test_the_officers_list_is_for_the_bodys_own_staff(api, world):
    URL = "/api/v1/bodies/ministry/officers/"
    for member in (world.officer, world.coordinator, world.admin):
        response = api.as_(member).get(URL)
        assert response.status_code == 200
        rows = response.json()["results"]
        assert {row["id"] for row in rows} == {
            world.officer.pk,
            world.second_officer.pk,
            world.coordinator.pk,
        }
        assert {row["role"] for row in rows} == {"officer", "coordinator"}
        assert set(rows[0]) == {"id", "name", "role", "role_label"}
        assert "@" not in response.content.decode()
    for outsider in (world.citizen, world.requester, world.other_officer, world.reviewer):
        response = api.as_(outsider).get(URL)
        assert response.status_code == 403
        assert_one_sentence(response)
    assert api.as_(None).get(URL).status_code == 401
    assert api.as_(world.officer).get("/api/v1/bodies/no-such-body/officers/").status_code == 404


def test_the_officers_list_leaves_out_service_accounts_and_former_staff(
    api, client, world, ministry_app
):
    Membership.objects.filter(user=world.second_officer).update(is_active=False)
    bearer(api, client, ministry_app)
    rows = api.get("/api/v1/bodies/ministry/officers/").json()["results"]
    ids = {row["id"] for row in rows}
    assert world.second_officer.pk not in ids
    assert ministry_app.user_id not in ids
    assert world.officer.pk in ids


def test_the_schema_describes_the_oauth2_scheme_and_scopes(api, world):
    schema = api.get("/api/schema/?format=json").json()
    scheme = schema["components"]["securitySchemes"]["oauth2"]
    flow = scheme["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == TOKEN_URL
    assert set(flow["scopes"]) == set(ALL_SCOPES)
    officers = schema["paths"]["/api/v1/bodies/{slug}/officers/"]["get"]
    assert {"oauth2": ["officers:read"]} in officers["security"]
    action = schema["paths"]["/api/v1/requests/{reference}/actions/{action}/"]["post"]
    assert {"oauth2": ["requests:act"]} in action["security"]


# -- the admin -----------------------------------------------------------------------------------


def test_an_administrator_sets_up_a_client_in_the_admin(client, world):
    from django.contrib.auth import get_user_model

    client.force_login(world.admin)
    response = client.post(
        "/django-admin/foi/user/add/",
        {"email": "records@ministry.example", "usable_password": "false"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    account = get_user_model().objects.get(email="records@ministry.example")
    assert not account.has_usable_password()
    MembershipFactory(body=world.ministry, user=account, role="officer")
    page = client.get("/django-admin/oauth2_provider/application/add/")
    assert page.status_code == 200
    assert "requests:act" in page.content.decode()
    response = client.post(
        "/django-admin/oauth2_provider/application/add/",
        {
            "client_id": "ministry-records",
            "client_secret": SECRET,
            "hash_client_secret": "on",
            "user": account.pk,
            "redirect_uris": "",
            "post_logout_redirect_uris": "",
            "allowed_origins": "",
            "client_type": Application.CLIENT_CONFIDENTIAL,
            "authorization_grant_type": Application.GRANT_CLIENT_CREDENTIALS,
            "name": "Records system",
            "algorithm": "",
            "api_scopes-TOTAL_FORMS": "1",
            "api_scopes-INITIAL_FORMS": "0",
            "api_scopes-MIN_NUM_FORMS": "1",
            "api_scopes-MAX_NUM_FORMS": "1",
            "api_scopes-0-scopes": ["requests:read", "officers:read"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    application = Application.objects.get(client_id="ministry-records")
    assert application.api_scopes.scopes == ["requests:read", "officers:read"]
    token = get_token(client, application)
    assert set(token.json()["scope"].split()) == {"requests:read", "officers:read"}
