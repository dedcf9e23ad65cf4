"""List and detail endpoints ask the database a fixed number of times, however many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foi import services
from foi.models import Message, State
from tests.factories import FOIRequestFactory


def queries(api, url):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["anonymous", "officer"])
def test_the_request_list(api, world, role):
    api.as_(None if role == "anonymous" else getattr(world, role))
    FOIRequestFactory(body=world.ministry, state=State.SUBMITTED)
    few = queries(api, "/api/v1/requests/")
    for _ in range(15):
        FOIRequestFactory(body=world.ministry, state=State.ANSWERED)
    assert queries(api, "/api/v1/requests/") == few
    assert few <= 8


def _messages(foi_request, count):
    for index in range(count):
        message = Message.objects.create(
            foi_request=foi_request, kind="response", from_body=foi_request.body, text=f"n{index}"
        )
        services.attachment_create(message=message, name=f"f{index}.txt", content=b"text")


@pytest.mark.parametrize("role", ["anonymous", "requester", "officer"])
def test_the_request_detail(api, world, role):
    api.as_(None if role == "anonymous" else getattr(world, role))
    foi_request = world.request(State.IN_PROGRESS)
    _messages(foi_request, 1)
    url = f"/api/v1/requests/{foi_request.reference}/"
    few = queries(api, url)
    _messages(foi_request, 12)
    services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="note")
    assert queries(api, url) == few
    assert few <= 16


def test_bodies_and_laws(api, world):
    from tests.factories import PublicBodyFactory

    few_bodies = queries(api, "/api/v1/bodies/")
    law = queries(api, "/api/v1/laws/az/")
    for _ in range(10):
        PublicBodyFactory(parent=world.cabinet)
    assert queries(api, "/api/v1/bodies/") == few_bodies
    assert queries(api, "/api/v1/laws/az/") == law


def test_filing_a_request(api, world):
    """Filing asks a fixed number of queries: the draft, its sending, their two audit events,
    and the 201's representation (what waits for the commit is counted apart: notices, the
    statistics and the index go to the task queue)."""
    api.as_(world.requester)
    payload = {"body": world.ministry.slug, "subject": "Budgets", "text": "Please."}
    with CaptureQueriesContext(connection) as captured:
        response = api.post("/api/v1/requests/", payload, format="json")
    assert response.status_code == 201, response.content
    assert len(captured) <= 41
