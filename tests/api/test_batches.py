"""POST /api/v1/batches/ and GET /api/v1/batches/{reference}/: one letter to several bodies."""

import datetime

import pytest

from foi.models import Batch, FOIRequest, State
from tests.factories import PublicBodyFactory

URL = "/api/v1/batches/"
LETTER = {"subject": "Road repairs 2025", "text": "Please send the list of road repairs."}


@pytest.fixture
def districts(world):
    return [
        PublicBodyFactory(law=world.law, slug=f"district-{i}", name_en=f"District {i}")
        for i in range(3)
    ]


def test_a_batch_is_one_request_per_body(api, world, districts):
    payload = {**LETTER, "bodies": [body.slug for body in districts]}
    response = api.as_(world.requester).post(URL, payload, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "filed" and data["body_count"] == 3
    assert response["Location"] == f"{URL}{data['reference']}/"
    assert sorted(r["body"]["slug"] for r in data["requests"]) == [b.slug for b in districts]
    assert {r["state"] for r in data["requests"]} == {State.SUBMITTED}
    assert len({r["reference"] for r in data["requests"]}) == 3
    # Anyone reads a public batch.
    public = api.as_(None).get(f"{URL}{data['reference']}/")
    assert public.status_code == 200 and len(public.json()["requests"]) == 3


def test_anonymous_is_401_and_nothing_is_saved(api, districts):
    payload = {**LETTER, "bodies": [body.slug for body in districts]}
    assert api.as_(None).post(URL, payload, format="json").status_code == 401
    assert not Batch.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"bodies": ["district-0"]},
        {"bodies": []},
        {"bodies": "district-0"},
        {"bodies": ["district-0", "no-such-body"]},
        {"subject": ""},
        {"visibility": "private"},  # without private_until
        {"urgency": "life"},  # without its justification
    ],
)
def test_bad_input_is_400_and_nothing_is_saved(api, world, districts, changes):
    payload = {**LETTER, "bodies": [body.slug for body in districts], **changes}
    response = api.as_(world.requester).post(URL, payload, format="json")
    assert response.status_code == 400, response.json()
    assert not Batch.objects.exists() and not FOIRequest.objects.exists()


def test_over_the_daily_limit_is_429_and_nothing_is_sent(api, world, districts, settings):
    settings.FOI_FILING_RATE_LIMIT = 2
    payload = {**LETTER, "bodies": [body.slug for body in districts]}
    response = api.as_(world.requester).post(URL, payload, format="json")
    assert response.status_code == 429
    assert "3 requests" in str(response.json())
    assert not FOIRequest.objects.exists()


def test_a_large_batch_waits_and_is_hidden_from_others(api, world, districts, settings):
    settings.FOI_BATCH_APPROVAL_THRESHOLD = 2
    payload = {**LETTER, "bodies": [body.slug for body in districts]}
    data = api.as_(world.requester).post(URL, payload, format="json").json()
    assert data["status"] == "pending_approval" and data["requests"] == []
    url = f"{URL}{data['reference']}/"
    assert api.as_(world.requester).get(url).status_code == 200
    assert api.as_(world.citizen).get(url).status_code == 404
    assert api.as_(None).get(url).status_code == 404


def test_a_private_batch_is_404_to_others(api, world, districts):
    payload = {
        **LETTER,
        "bodies": [body.slug for body in districts],
        "visibility": "private",
        "private_until": (datetime.date.today() + datetime.timedelta(days=60)).isoformat(),
    }
    data = api.as_(world.requester).post(URL, payload, format="json").json()
    url = f"{URL}{data['reference']}/"
    assert len(api.as_(world.requester).get(url).json()["requests"]) == 3
    assert api.as_(world.citizen).get(url).status_code == 404
    assert api.as_(None).get(url).status_code == 404
    assert api.as_(None).get(f"{URL}BATCH-1999-000001/").status_code == 404
