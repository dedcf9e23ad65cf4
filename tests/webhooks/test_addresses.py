"""SSRF: with the production settings a webhook goes only to https on a public address; a host
that resolves to a private, loopback, link-local or reserved one is refused, when the
subscription is saved and again before each attempt."""

from __future__ import annotations

import socket

import pytest

from core.errors import InvalidInput
from webhooks import addresses
from webhooks import services as webhook_services
from webhooks.models import Attempt, Subscription


@pytest.fixture
def production(settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    return settings


def resolving_to(monkeypatch, address: str):
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    monkeypatch.setattr(
        addresses.socket,
        "getaddrinfo",
        lambda host, port, **kwargs: [(family, socket.SOCK_STREAM, 6, "", (address, port))],
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://172.16.0.1/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/hook",
        "https://[fe80::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://0.0.0.0/hook",
        "https://100.64.0.1/hook",
        "https://localhost/hook",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(production, url):
    with pytest.raises(InvalidInput, match="private, local or reserved"):
        addresses.url_check(url)


def test_a_name_that_resolves_to_a_private_address_is_refused(production, monkeypatch):
    resolving_to(monkeypatch, "10.0.0.7")
    with pytest.raises(InvalidInput, match="private"):
        addresses.url_check("https://hooks.example.org/in")


def test_a_public_address_over_https_is_accepted(production, monkeypatch):
    resolving_to(monkeypatch, "93.184.216.34")
    addresses.url_check("https://hooks.example.org/in")


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("http://hooks.example.org/in", "https://"),
        ("ftp://hooks.example.org/in", "https://"),
        ("https:///in", "no host"),
        ("https://user:pass@hooks.example.org/in", "password"),
        ("https://hooks.example.org:99999/in", "not a valid address"),
    ],
)
def test_bad_addresses_are_refused_with_one_sentence(production, monkeypatch, url, sentence):
    resolving_to(monkeypatch, "93.184.216.34")
    with pytest.raises(InvalidInput, match=sentence):
        addresses.url_check(url)


def test_an_unknown_host_is_refused(production, monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror("Name or service not known")

    monkeypatch.setattr(addresses.socket, "getaddrinfo", fail)
    with pytest.raises(InvalidInput, match="could not be found"):
        addresses.url_check("https://nowhere.invalid/in")


def test_a_refused_address_saves_no_subscription(production, world):
    with pytest.raises(InvalidInput):
        webhook_services.subscription_create(owner=world.citizen, url="https://127.0.0.1/")
    assert not Subscription.objects.exists()


def test_a_name_that_later_resolves_inward_is_refused_before_sending(
    production, world, monkeypatch, receiver
):
    resolving_to(monkeypatch, "93.184.216.34")
    subscription = webhook_services.subscription_create(
        owner=world.citizen, url="https://hooks.example.org/in"
    )
    resolving_to(monkeypatch, "127.0.0.1")
    delivery = webhook_services.subscription_ping(subscription=subscription)
    webhook_services.delivery_attempt(delivery_id=delivery.pk)
    attempt = Attempt.objects.get(number=1)
    assert attempt.status_code is None and "private" in attempt.error
    assert receiver.received == []
