"""The verified name from a state identity: who sees it (the body's officers on the case page,
nobody in public or through the API), what it leaves alone (the public name or pseudonym), and
sign-in with the provider switched off (no button, no pages)."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from foi.models import State
from foi.services.accounts import user_delete_account, user_record_verified_name
from tests.oidc_idp.setup import provider_settings

pytestmark = pytest.mark.django_db

VERIFIED = "Aysel Rafiq qızı Məmmədova"


@pytest.fixture
def verified_request(world):
    user_record_verified_name(user=world.requester, name=VERIFIED, verified_by="e-Gov")
    return world.request(
        State.SUBMITTED, public_name_choice="pseudonym", pseudonym="Kitabsevər", public_name=""
    )


def case_page(client, user, foi_request):
    client.force_login(user)
    return client.get(reverse("foi_workspace:case", args=[foi_request.reference]))


def test_the_bodys_officer_sees_the_verified_name(client, world, verified_request):
    page = case_page(client, world.officer, verified_request).content.decode()
    assert f"Name verified by e-Gov: {VERIFIED}" in page


def test_an_unverified_requester_is_shown_as_such(client, world):
    foi_request = world.request(State.SUBMITTED)
    page = case_page(client, world.officer, foi_request).content.decode()
    assert "Not verified (not required)" in page
    assert "Name verified by" not in page


@pytest.mark.parametrize("role", ["other_officer", "citizen", "editor"])
def test_no_one_else_sees_it_in_the_workspace(client, world, verified_request, role):
    response = case_page(client, getattr(world, role), verified_request)
    assert response.status_code in (302, 403, 404)
    assert VERIFIED not in response.content.decode()


@pytest.mark.parametrize("role", [None, "citizen", "requester", "other_officer"])
def test_never_on_the_public_page_and_the_pseudonym_stays(client, world, verified_request, role):
    if role:
        client.force_login(getattr(world, role))
    page = client.get(reverse("foi:request_detail", args=[verified_request.reference]))
    assert page.status_code == 200
    assert VERIFIED not in page.content.decode()
    verified_request.refresh_from_db()
    assert verified_request.pseudonym == "Kitabsevər"


@pytest.mark.parametrize("role", [None, "requester", "officer"])
def test_never_in_the_api(api, world, verified_request, role):
    user = getattr(world, role) if role else None
    response = api.as_(user).get(f"/api/v1/requests/{verified_request.reference}/")
    assert response.status_code == 200
    assert VERIFIED not in response.content.decode()


def test_an_empty_claim_verifies_nothing(world):
    user_record_verified_name(user=world.citizen, name="  ", verified_by="e-Gov")
    world.citizen.refresh_from_db()
    assert not world.citizen.name_verified and world.citizen.name_verified_at is None


def test_closing_the_account_forgets_the_identity(world):
    user_record_verified_name(user=world.citizen, name=VERIFIED, verified_by="e-Gov")
    SocialAccount.objects.create(user=world.citizen, provider="egov", uid="AZ-1")
    user_delete_account(user=world.citizen)
    world.citizen.refresh_from_db()
    assert (world.citizen.verified_name, world.citizen.name_verified_by) == ("", "")
    assert world.citizen.name_verified_at is None
    assert not SocialAccount.objects.filter(user=world.citizen).exists()


def test_switched_off_no_button_and_no_pages(client, world):
    page = client.get("/accounts/login/").content.decode()
    assert "state identity" not in page
    assert client.post("/accounts/oidc/egov/login/", {"process": "login"}).status_code == 404
    assert client.get("/accounts/oidc/egov/login/callback/?code=x").status_code == 404
    client.force_login(world.citizen)
    assert client.get("/accounts/3rdparty/").status_code == 404
    assert "/accounts/3rdparty/" not in client.get(reverse("foi:profile")).content.decode()


def test_switched_on_the_account_can_connect_it(client, world, settings):
    settings.ROOT_URLCONF = "tests.oidc_idp.urls"
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings("https://login.example/o", "s")
    assert client.get("/accounts/3rdparty/").status_code == 302  # sign in first
    client.force_login(world.citizen)
    assert "/accounts/3rdparty/" in client.get(reverse("foi:profile")).content.decode()
    page = client.get("/accounts/3rdparty/")
    assert page.status_code == 200
    assert "e-Gov" in page.content.decode()


def test_the_person_sees_their_own_verified_name_and_no_one_elses(client, world):
    user_record_verified_name(user=world.requester, name=VERIFIED, verified_by="e-Gov")
    client.force_login(world.requester)
    assert VERIFIED in client.get(reverse("foi:profile")).content.decode()
    client.force_login(world.citizen)
    assert VERIFIED not in client.get(reverse("foi:profile")).content.decode()
