"""A saved search's digest and feed carry nothing private: the secrets of tests/test_leaks.py
(the requester's identity and contact details, an internal note, a parties-only message, an
unapproved file, a private request that matches) never reach them, whoever saved the search."""

import datetime

import pytest
from django.urls import reverse

from alerts import digest, services
from core import clock
from mail.models import OutboundEmail
from tests.test_leaks import SECRETS, leaky  # noqa: F401 (a fixture)


@pytest.mark.parametrize("owner", ["citizen", "requester", "officer", "admin"])
def test_no_secret_reaches_a_digest_or_a_feed(client, world, leaky, owner):  # noqa: F811
    person = getattr(world, owner)
    with clock.travel(clock.now() - datetime.timedelta(days=1)):
        saved = services.saved_search_create(user=person, query="water")
    digest.digests_send(now=clock.now() + datetime.timedelta(hours=1))
    [email] = OutboundEmail.objects.filter(kind="saved_search_digest")
    feed = client.get(reverse("alerts:feed", args=[saved.feed_token]))
    assert feed.status_code == 200
    assert leaky.reference in email.body_text  # the public request was shown
    assert leaky.reference in feed.content.decode()
    for text in (email.subject, email.body_text, email.body_html, feed.content.decode()):
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked to {owner}'s saved search"
