"""``/me/webhooks/``: signed-in people see their own subscriptions and deliveries, nobody else's."""

from __future__ import annotations

from webhooks import services as webhook_services
from webhooks.models import Subscription

URL = "/me/webhooks/"


def test_visitors_are_sent_to_sign_in(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_owner_sees_their_own_webhooks_and_deliveries_only(client, world, receiver, committed):
    mine = Subscription.objects.create(owner=world.citizen, url=receiver.url)
    Subscription.objects.create(owner=world.requester, url="https://theirs.example.org/in")
    receiver.script = [500]
    with committed():
        webhook_services.subscription_ping(subscription=mine)
    client.force_login(world.citizen)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert receiver.url in html and "theirs.example.org" not in html
    assert "<code>ping</code>" in html and "500, 200" in html
    assert mine.secret not in html


def test_the_dashboard_links_to_the_page(client, world):
    client.force_login(world.citizen)
    assert URL in client.get("/me/").content.decode()
    assert "You have no webhooks." in client.get(URL).content.decode()
