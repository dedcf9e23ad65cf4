"""Assigning someone who is not the body's officer is refused in one sentence that names no one.

Before, the refusal read "<their full name> does not work for <body>", so a coordinator could
learn any account's name by trying ids through the API (and "There is no such person" told
which ids were accounts).
"""

import pytest

from core.errors import InvalidInput
from foi import services
from foi.models import FOIRequest, State
from tests.factories import UserFactory

SECRET_NAME = ("Gizlinur", "Adsızova")


@pytest.fixture
def stranger(world):
    return UserFactory(first_name=SECRET_NAME[0], last_name=SECRET_NAME[1])


def url(foi_request, action):
    return f"/api/v1/requests/{foi_request.reference}/actions/{action}/"


@pytest.mark.parametrize("service", ["accept", "assign"])
def test_the_service_never_names_the_person(world, stranger, service):
    state = State.SUBMITTED if service == "accept" else State.IN_PROGRESS
    foi_request = world.request(state)
    call = getattr(services, f"foi_request_{service}")
    for person in (stranger, world.citizen, world.other_officer, world.requester):
        with pytest.raises(InvalidInput) as refused:
            call(foi_request=foi_request, actor=world.coordinator, assignee=person)
        message = str(refused.value)
        assert SECRET_NAME[0] not in message and SECRET_NAME[1] not in message
        assert str(person) not in message
        assert message == "Choose one of the officers of Ministry of Finance."
    assert FOIRequest.objects.get(pk=foi_request.pk).state == state


@pytest.mark.parametrize("action", ["accept", "assign"])
def test_the_api_answers_the_same_for_a_stranger_an_unknown_id_and_a_closed_account(
    api,
    world,
    stranger,
    action,
):
    state = State.SUBMITTED if action == "accept" else State.IN_PROGRESS
    foi_request = world.request(state)
    closed = UserFactory(first_name="Bağlı", is_active=False)
    answers = []
    for assignee in (stranger.pk, 999_999, closed.pk, world.other_officer.pk):
        response = api.as_(world.coordinator).post(
            url(foi_request, action), {"assignee": assignee}, format="json"
        )
        assert response.status_code == 400, response.json()
        body = response.content.decode()
        assert SECRET_NAME[0] not in body and SECRET_NAME[1] not in body
        assert "Bağlı" not in body and str(world.other_officer) not in body
        answers.append(response.json())
    assert all(answer == answers[0] for answer in answers), answers
    assert FOIRequest.objects.get(pk=foi_request.pk).assignee_id is None
