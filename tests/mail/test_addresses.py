"""The per-request reply address and the bodies' mail domains."""

import pytest

from mail import addresses
from tests.factories import PublicBodyFactory


def test_a_reply_address_round_trips_whatever_the_case(settings):
    settings.FOI_MAIL_DOMAIN = "sorgu.example"
    address = addresses.reply_address("AZ-2026-000123")
    assert address.startswith("req-az-2026-000123-") and address.endswith("@sorgu.example")
    for variant in (address, address.upper(), f" {address} "):
        parsed = addresses.parse_reply_address(variant)
        assert parsed == addresses.ParsedAddress("AZ-2026-000123", True)


@pytest.mark.parametrize(
    "address",
    [
        "req-az-2026-000123-000000000000@sorgu.example",  # wrong code
        "req-az-2026-000124-{code}@sorgu.example",  # code of another request
    ],
)
def test_a_wrong_code_is_recognised(settings, address):
    settings.FOI_MAIL_DOMAIN = "sorgu.example"
    address = address.format(code=addresses.reply_code("AZ-2026-000123"))
    parsed = addresses.parse_reply_address(address)
    assert parsed is not None and not parsed.code_ok


@pytest.mark.parametrize(
    "address", ["info@sorgu.example", "req-az-2026-000123@sorgu.example", "req-x-1@other.example"]
)
def test_other_addresses_are_not_reply_addresses(settings, address):
    settings.FOI_MAIL_DOMAIN = "sorgu.example"
    assert addresses.parse_reply_address(address) is None


def test_without_reply_keys_the_code_depends_on_the_secret_key(settings):
    settings.FOI_REPLY_ADDRESS_KEYS = []
    first = addresses.reply_code("AZ-2026-000001")
    settings.SECRET_KEY = "another-secret-key-entirely"
    assert addresses.reply_code("AZ-2026-000001") != first


def test_the_reply_keys_sign_first_and_verify_all(settings):
    settings.FOI_MAIL_DOMAIN = "sorgu.example"
    settings.FOI_REPLY_ADDRESS_KEYS = []
    under_secret_key = addresses.reply_address("AZ-2026-000001")
    # Moving to reply keys: the SECRET_KEY-era addresses still check out behind the new key.
    settings.FOI_REPLY_ADDRESS_KEYS = ["new-reply-key", settings.SECRET_KEY]
    signed = addresses.reply_address("AZ-2026-000001")
    assert signed != under_secret_key
    assert addresses.reply_code("AZ-2026-000001") == addresses.reply_code(
        "AZ-2026-000001", "new-reply-key"
    )
    for address in (signed, under_secret_key):
        assert addresses.parse_reply_address(address).code_ok
    # Rotating SECRET_KEY no longer touches them.
    settings.SECRET_KEY = "another-secret-key-entirely"
    assert addresses.parse_reply_address(signed).code_ok
    settings.FOI_REPLY_ADDRESS_KEYS = ["new-reply-key"]
    assert not addresses.parse_reply_address(under_secret_key).code_ok


@pytest.mark.django_db
def test_a_body_writes_from_its_domains_and_their_subdomains():
    body = PublicBodyFactory(request_email="foi@mof.gov.example", email_domains="maliyye.example")
    assert addresses.body_mail_domains(body) == {"mof.gov.example", "maliyye.example"}
    assert addresses.sender_belongs_to("a@mof.gov.example", body)
    assert addresses.sender_belongs_to("a@MAIL.mof.gov.example", body)
    assert addresses.sender_belongs_to("a@maliyye.example", body)
    assert not addresses.sender_belongs_to("a@notmof.gov.example", body)
    assert not addresses.sender_belongs_to("a@gov.example", body)
    assert not addresses.sender_belongs_to("", body)
