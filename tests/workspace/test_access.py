"""Who reaches the workspace: members through their membership, nobody else; and staff use
TOTP first where FOI_REQUIRE_STAFF_MFA is on."""

import pytest
from django.urls import reverse

from foi.models import Membership, State
from tests.totp import give_totp, totp_code, wrong_code

QUEUE = "/admin/workspace/"


@pytest.mark.parametrize("role", ["officer", "coordinator", "reviewer", "ombudsman_reviewer"])
def test_members_of_a_body_may_enter_the_admin(world, role):
    assert getattr(world, role).has_perm("wagtailadmin.access_admin")


@pytest.mark.parametrize("role", ["requester", "citizen", "editor"])
def test_others_get_no_admin_access_from_the_workspace(world, role):
    assert not getattr(world, role).has_perm("wagtailadmin.access_admin")


def test_access_ends_with_the_membership(client, world):
    Membership.objects.filter(user=world.officer).update(is_active=False)
    officer = type(world.officer).objects.get(pk=world.officer.pk)
    assert not officer.has_perm("wagtailadmin.access_admin")
    client.force_login(officer)
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_inactive_member_has_no_access(world):
    world.officer.is_active = False
    assert not world.officer.has_perm("wagtailadmin.access_admin")


def test_anonymous_visitors_are_sent_to_the_one_login_page(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_an_editor_without_membership_sees_no_requests(client, world, editor_in_admin):
    foi_request = world.request(State.SUBMITTED)
    client.force_login(world.editor)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert "foi-requests" not in home.content.decode()  # no "Requests" menu
    assert foi_request.reference not in home.content.decode()
    assert client.get(QUEUE).status_code == 403
    assert client.get(f"{QUEUE}requests/{foi_request.reference}/").status_code == 404


def test_members_see_the_requests_menu_and_panel(client, world):
    world.request(State.SUBMITTED, due_at=None)
    client.force_login(world.coordinator)
    home = client.get("/admin/").content.decode()
    assert "foi-requests" in home
    assert "Ministry of Finance" in home and "Unassigned" in home


# -- MFA ---------------------------------------------------------------------------------------


def test_without_the_setting_staff_need_no_second_factor(client, world, settings):
    settings.FOI_REQUIRE_STAFF_MFA = False
    client.force_login(world.officer)
    assert client.get(QUEUE).status_code == 200


@pytest.mark.parametrize("role", ["officer", "admin", "editor"])
def test_staff_without_totp_are_sent_to_set_it_up(client, world, settings, role, editor_in_admin):
    settings.FOI_REQUIRE_STAFF_MFA = True
    client.force_login(getattr(world, role))
    for path in (QUEUE, "/admin/", "/django-admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("mfa_activate_totp"))
    # The set-up page itself is reachable.
    assert client.get(reverse("mfa_activate_totp")).status_code in (200, 302)


def test_staff_with_totp_give_a_code_once_per_session(client, world, settings):
    settings.FOI_REQUIRE_STAFF_MFA = True
    secret = give_totp(world.officer)
    client.force_login(world.officer)  # a password alone, as through the Wagtail login form
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2Fadmin%2Fworkspace%2F"
    wrong = client.post(response["Location"], {"code": wrong_code(secret)})
    assert wrong.status_code == 200
    assert client.get(QUEUE).status_code == 302
    right = client.post(response["Location"], {"code": totp_code(secret)})
    assert right.status_code == 302 and right["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200


def test_people_who_are_not_staff_are_not_asked(client, world, settings):
    settings.FOI_REQUIRE_STAFF_MFA = True
    client.force_login(world.citizen)
    assert client.get("/requests/").status_code == 200
    response = client.get(QUEUE)  # Wagtail itself refuses them
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_can_always_sign_out(client, world, settings):
    settings.FOI_REQUIRE_STAFF_MFA = True
    client.force_login(world.officer)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert not response["Location"].startswith(reverse("mfa_activate_totp"))
