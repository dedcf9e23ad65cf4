"""POST /api/v1/requests/: filing through the API, as the portal's wizard files."""

import datetime

import pytest

from foi.models import CaseEvent, FOIRequest, State

URL = "/api/v1/requests/"
LETTER = {"body": "ministry", "subject": "Budget 2025", "text": "Please send the 2025 budget."}


def test_filing_sends_the_request_with_its_deadline(api, world):
    response = api.as_(world.requester).post(URL, LETTER, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["state"] == State.SUBMITTED
    assert data["reference"].startswith("AZ-")
    assert data["due_at"] and "working days" in data["due_explanation"]
    assert response["Location"] == f"/api/v1/requests/{data['reference']}/"
    foi_request = FOIRequest.objects.get(reference=data["reference"])
    assert foi_request.requester == world.requester and foi_request.body == world.ministry
    assert foi_request.messages.filter(kind="letter").count() == 1


def test_a_private_request_under_a_pseudonym(api, world):
    payload = {
        **LETTER,
        "visibility": "private",
        "private_until": (datetime.date.today() + datetime.timedelta(days=60)).isoformat(),
        "public_name": "pseudonym",
        "pseudonym": "Qələm",
        "urgency": "relevance",
        "urgency_justification": "The hearing is next week.",
    }
    response = api.as_(world.requester).post(URL, payload, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["public_name"] == "Qələm" and data["visibility"] == "private"
    assert api.as_(None).get(f"/api/v1/requests/{data['reference']}/").status_code == 404


def test_anonymous_filing_is_401(api, world):
    response = api.as_(None).post(URL, LETTER, format="json")
    assert response.status_code == 401
    assert not FOIRequest.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"body": None},
        {"body": "no-such-body"},
        {"subject": ""},
        {"text": "   "},
        {"urgency": "yesterday"},
        {"visibility": "private"},  # without private_until
        {"urgency": "life"},  # without its justification
        {"public_name": "pseudonym"},  # without the pseudonym
        {"private_until": "not a date"},
        {"visibility": "private", "private_until": "2099-01-01"},  # more than a year away
    ],
)
def test_a_bad_filing_is_400_and_saves_nothing(api, world, changes):
    payload = {key: value for key, value in {**LETTER, **changes}.items() if value is not None}
    response = api.as_(world.requester).post(URL, payload, format="json")
    assert response.status_code == 400, response.json()
    assert set(response.json()) <= {"detail", "errors"}
    assert not FOIRequest.objects.exists()
    assert not CaseEvent.objects.exists()


def test_a_body_that_no_longer_takes_requests(api, world):
    world.ministry.is_active = False
    world.ministry.save()
    response = api.as_(world.requester).post(URL, LETTER, format="json")
    assert response.status_code == 400
    assert not FOIRequest.objects.exists()


def test_the_daily_limit_is_429_and_leaves_no_draft(api, world, settings):
    settings.FOI_FILING_RATE_LIMIT = 1
    assert api.as_(world.requester).post(URL, LETTER, format="json").status_code == 201
    response = api.post(URL, LETTER, format="json")
    assert response.status_code == 429
    assert "24 hours" in response.json()["detail"]
    assert FOIRequest.objects.count() == 1
