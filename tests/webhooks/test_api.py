"""``/api/v1/webhooks/``: each person manages their own subscriptions only; a body's only by
its members; bad input is refused with one sentence and nothing saved; the secret is shown once."""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import assert_one_sentence
from webhooks.models import Subscription

URL = "/api/v1/webhooks/"


def create(api, user, **data):
    return api.as_(user).post(URL, data, format="json")


def test_signing_in_is_needed(api, world):
    assert api.as_(None).get(URL).status_code == 401
    assert create(api, None, url="https://example.org/").status_code == 401
    assert not Subscription.objects.exists()


def test_the_owner_creates_and_sees_the_secret_once(api, world, receiver):
    response = create(api, world.citizen, url=receiver.url, event_kinds=["answer", "refuse"])
    assert response.status_code == 201, response.json()
    data = response.json()
    subscription = Subscription.objects.get()
    assert data["secret"] == subscription.secret and len(data["secret"]) >= 40
    assert data["body"] is None and data["event_kinds"] == ["answer", "refuse"]
    listed = api.as_(world.citizen).get(URL).json()
    assert [item["id"] for item in listed["results"]] == [subscription.pk]
    assert "secret" not in json.dumps(listed)
    detail = api.as_(world.citizen).get(f"{URL}{subscription.pk}/").json()
    assert "secret" not in detail and detail["deliveries"] == []


def test_others_see_and_touch_none_of_it(api, world, receiver):
    subscription = Subscription.objects.create(owner=world.citizen, url=receiver.url)
    other = world.requester
    assert api.as_(other).get(URL).json()["results"] == []
    for method, path in [
        ("get", f"{URL}{subscription.pk}/"),
        ("patch", f"{URL}{subscription.pk}/"),
        ("delete", f"{URL}{subscription.pk}/"),
        ("post", f"{URL}{subscription.pk}/test/"),
        ("post", f"{URL}{subscription.pk}/secret/"),
    ]:
        response = getattr(api.as_(other), method)(path, {"active": False}, format="json")
        assert response.status_code == 404, (method, path)
        assert_one_sentence(response)
    subscription.refresh_from_db()
    assert subscription.is_active and subscription.deliveries.count() == 0


def test_a_body_subscription_is_for_its_members_only(api, world, receiver):
    refused = create(api, world.other_officer, url=receiver.url, body="ministry")
    assert refused.status_code == 403
    assert "officers" in assert_one_sentence(refused)
    citizen = create(api, world.citizen, url=receiver.url, body="ministry")
    assert citizen.status_code == 403
    assert create(api, world.citizen, url=receiver.url, body="no-such-body").status_code == 404
    assert not Subscription.objects.exists()
    allowed = create(api, world.coordinator, url=receiver.url, body="ministry")
    assert allowed.status_code == 201 and allowed.json()["body"] == "ministry"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"url": "not an address"},
        {"url": "https://example.org/", "event_kinds": ["no-such-kind"]},
        {"url": "https://example.org/", "event_kinds": "answer"},
        {"url": "https://example.org/" + "x" * 600},
    ],
)
def test_bad_input_is_refused_and_nothing_saved(api, world, data):
    response = create(api, world.citizen, **data)
    assert response.status_code == 400, response.json()
    assert_one_sentence(response)
    assert not Subscription.objects.exists()


def test_an_address_inside_the_network_is_refused_in_production(api, world, settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    response = create(api, world.citizen, url="https://169.254.169.254/latest/")
    assert response.status_code == 400
    assert "private" in assert_one_sentence(response)
    response = create(api, world.citizen, url="http://example.org/")
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_the_owner_changes_pings_rotates_and_deletes(api, world, receiver, committed):
    subscription = Subscription.objects.create(owner=world.citizen, url=receiver.url)
    client = api.as_(world.citizen)
    changed = client.patch(
        f"{URL}{subscription.pk}/", {"event_kinds": ["note"], "active": False}, format="json"
    )
    assert changed.status_code == 200 and changed.json()["active"] is False
    bad = client.patch(f"{URL}{subscription.pk}/", {"url": "ftp://x.org/"}, format="json")
    assert bad.status_code == 400
    subscription.refresh_from_db()
    assert subscription.url == receiver.url and subscription.event_kinds == ["note"]
    client.patch(f"{URL}{subscription.pk}/", {"active": True}, format="json")

    with committed():  # queued once the ping is recorded
        ping = client.post(f"{URL}{subscription.pk}/test/")
    assert ping.status_code == 202
    assert ping.json()["kind"] == "ping" and ping.json()["state"] == "pending"
    assert receiver.received[0]["headers"]["X-Sorgu-Delivery"] == ping.json()["id"]
    (delivery,) = client.get(f"{URL}{subscription.pk}/").json()["deliveries"]
    assert delivery["id"] == ping.json()["id"] and delivery["state"] == "delivered"
    assert delivery["log"][0]["status_code"] == 200 and delivery["log"][0]["error"] == ""

    old = subscription.secret
    rotated = client.post(f"{URL}{subscription.pk}/secret/").json()
    assert rotated["secret"] != old
    subscription.refresh_from_db()
    assert subscription.secret == rotated["secret"]

    assert client.delete(f"{URL}{subscription.pk}/").status_code == 204
    assert not Subscription.objects.exists()


def test_a_client_application_may_not_create_webhooks(api, client, world, receiver):
    """An agency system's OAuth token has no scope for webhooks: managing them is a person's."""
    from tests.api.test_clients import bearer, make_client

    bearer(api, client, make_client(world.ministry))
    response = api.post(URL, {"url": receiver.url, "body": "ministry"}, format="json")
    assert response.status_code == 403
    assert "people signed in" in assert_one_sentence(response)
    assert not Subscription.objects.exists()
