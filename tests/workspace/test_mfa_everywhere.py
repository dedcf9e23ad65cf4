"""Where FOI_REQUIRE_STAFF_MFA is on, a staff session that has not used TOTP has no staff power
anywhere on the website, not only under the admins: it is sent to set up or give its code. The
API's side is in tests/api/test_token_security.py."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from foi.models import State
from tests.totp import give_totp, totp_code


@pytest.fixture
def mfa_on(settings):
    settings.FOI_REQUIRE_STAFF_MFA = True


def staff_pages(world):
    foi_request = world.request(State.SUBMITTED)
    return [
        "/",
        "/requests/",
        f"/requests/{foi_request.reference}/",
        f"/requests/{foi_request.reference}/case-file.zip",
        "/me/",
        "/admin/workspace/",
    ]


@pytest.mark.parametrize("role", ["officer", "admin"])
def test_staff_without_totp_are_sent_to_set_it_up_from_every_page(client, world, mfa_on, role):
    client.force_login(getattr(world, role))
    for path in staff_pages(world):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("mfa_activate_totp")), path


def test_staff_whose_session_gave_no_code_are_asked_for_it_everywhere(client, world, mfa_on):
    secret = give_totp(world.officer)
    client.force_login(world.officer)
    pages = staff_pages(world)
    for path in pages:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("mfa_reauthenticate")), path
    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})
    assert client.get(pages[2]).status_code == 200


def test_allauths_pages_stay_open_to_set_up_the_second_factor(client, world, mfa_on):
    EmailAddress.objects.create(user=world.officer, email=world.officer.email, verified=True)
    client.force_login(world.officer)
    for name in ("account_email", "mfa_index", "mfa_activate_totp", "account_reauthenticate"):
        response = client.get(reverse(name))
        # allauth may ask for the password again first (its own page), never ours.
        assert response.status_code == 200 or response["Location"].startswith("/accounts/"), name
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_citizens_are_not_asked(client, world, mfa_on):
    foi_request = world.request(State.SUBMITTED, requester=world.citizen)
    client.force_login(world.citizen)
    for path in ("/", "/requests/", f"/requests/{foi_request.reference}/", "/me/"):
        assert client.get(path).status_code == 200, path


def test_without_the_setting_nothing_changes(client, world, settings):
    settings.FOI_REQUIRE_STAFF_MFA = False
    client.force_login(world.officer)
    assert client.get("/requests/").status_code == 200
