"""A person's notification settings (signed-in only) and the unsubscribe link (works without
signing in; the signed link is the key)."""

import pytest
from django.urls import reverse

from core.errors import InvalidInput, NotPermitted
from mail.models import NotificationPreferences
from mail.preferences import (
    notification_preferences_update,
    unsubscribe_token,
    wants,
)

pytestmark = pytest.mark.django_db
URL = "/account/notifications/"


def test_the_page_needs_signing_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(URL, {"follower_digest": "off"})
    assert response.status_code == 302
    assert not NotificationPreferences.objects.exists()


def test_a_citizen_changes_their_own_settings(client, world):
    assert reverse("foi_mail:preferences") == URL
    client.force_login(world.citizen)
    page = client.get(URL)
    assert page.status_code == 200
    content = page.content.decode()
    assert 'for="id_requester_accepted"' in content and "skip-link" in content
    # Officers' notices are offered only to people who work for a body.
    assert "officer_due_soon" not in content
    response = client.post(URL, {"requester_overdue": "on", "follower_digest": "weekly"})
    assert response.status_code == 302
    preferences = NotificationPreferences.objects.get(user=world.citizen)
    assert not preferences.requester_accepted and preferences.requester_overdue
    assert preferences.follower_digest == "weekly"
    assert preferences.officer_due_soon  # untouched
    assert not wants(world.citizen, "accepted") and wants(world.citizen, "answered")


def test_an_officer_sees_the_officers_notices(client, world):
    client.force_login(world.officer)
    assert "officer_due_soon" in client.get(URL).content.decode()
    client.post(URL, {"officer_new_request": "on", "follower_digest": "daily"})
    preferences = NotificationPreferences.objects.get(user=world.officer)
    assert preferences.officer_new_request and not preferences.officer_due_soon


def test_bad_input_is_explained_and_nothing_saved(client, world):
    client.force_login(world.citizen)
    response = client.post(URL, {"requester_accepted": "on", "follower_digest": "hourly"})
    assert response.status_code == 400
    assert response.context["form"].errors["follower_digest"]
    assert 'role="alert"' in response.content.decode()
    assert not NotificationPreferences.objects.exists()


def test_only_oneself(world):
    with pytest.raises(NotPermitted):
        notification_preferences_update(
            user=world.citizen, actor=world.officer, requester_accepted=False
        )
    with pytest.raises(InvalidInput):
        notification_preferences_update(user=world.citizen, actor=world.citizen, is_superuser=True)
    assert not NotificationPreferences.objects.exists()


def test_the_unsubscribe_link_asks_then_switches_off(client, world):
    url = reverse(
        "foi_mail:unsubscribe", args=[unsubscribe_token(world.citizen, "follower_digest")]
    )
    page = client.get(url)
    assert page.status_code == 200
    assert not NotificationPreferences.objects.exists()  # a GET (a link scanner) changes nothing
    response = client.post(url)  # RFC 8058 one-click: no CSRF token, no session
    assert response.status_code == 200
    assert NotificationPreferences.objects.get(user=world.citizen).follower_digest == "off"


@pytest.mark.parametrize("token", ["garbage", "eyJ1Ijo5OTk5LCJmIjoiaXNfc3VwZXJ1c2VyIn0:x:y"])
def test_a_forged_unsubscribe_link_changes_nothing(client, world, token):
    url = reverse("foi_mail:unsubscribe", args=[token])
    assert client.get(url).status_code == 400
    assert client.post(url).status_code == 400
    assert not NotificationPreferences.objects.exists()


def test_an_unsubscribe_link_cannot_name_another_setting(client, world):
    from django.core import signing

    token = signing.dumps({"u": world.citizen.pk, "f": "is_superuser"}, salt="other")
    assert client.post(reverse("foi_mail:unsubscribe", args=[token])).status_code == 400
    world.citizen.refresh_from_db()
    assert not world.citizen.is_superuser
