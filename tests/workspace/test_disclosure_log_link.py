"""The workspace offers the disclosure log only for answers the public may read."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from foi.models import State
from tests.workspace.conftest import case_url

LINK = "Publish this answer to the disclosure log"


def test_an_answered_public_request_offers_the_log(as_role, world):
    answered = world.request(State.ANSWERED)
    page = as_role("officer").get(case_url(answered)).content.decode()
    assert LINK in page
    assert reverse("cms:log_draft_create", args=[answered.reference]) in page


@pytest.mark.parametrize(
    "overrides",
    [
        {"state": State.IN_PROGRESS},
        {
            "state": State.ANSWERED,
            "visibility": "private",
            "private_until": timezone.localdate() + datetime.timedelta(days=30),
        },
    ],
)
def test_open_or_private_requests_do_not(as_role, world, overrides):
    foi_request = world.request(overrides.pop("state"), **overrides)
    assert LINK not in as_role("officer").get(case_url(foi_request)).content.decode()
