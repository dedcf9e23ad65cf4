"""A successful transfer of a private request answers 200, though the caller lost sight of it.

Before, the answer was built after the transfer by reading the request as the caller, who (no
longer of the body holding it) could not: a success answered 404.
"""

import datetime

from django.utils import timezone

from foi.models import CaseEvent, FOIRequest, State


def url(foi_request, action):
    return f"/api/v1/requests/{foi_request.reference}/actions/{action}/"


def private_request(world, **overrides):
    until = timezone.localdate() + datetime.timedelta(days=90)
    return world.request(
        State.SUBMITTED,
        visibility="private",
        private_until=until,
        subject="PRIVATE-SUBJECT",
        **overrides,
    )


def test_transferring_a_private_request_answers_200_with_what_the_caller_still_knows(api, world):
    foi_request = private_request(world)
    response = api.as_(world.coordinator).post(
        url(foi_request, "transfer"), {"body": world.other_body.slug}, format="json"
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data == {"state": State.SUBMITTED, "reference": foi_request.reference, "request": None}
    assert "PRIVATE-SUBJECT" not in response.content.decode()
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert row.body == world.other_body
    assert CaseEvent.objects.filter(foi_request=row, kind="transfer").count() == 1
    # And it is hidden from them from now on, as the permission table says.
    after = api.get(f"/api/v1/requests/{foi_request.reference}/")
    assert after.status_code == 404


def test_transferring_a_public_request_answers_with_what_the_public_sees(api, world):
    foi_request = world.request(State.SUBMITTED, subject="PUBLIC-SUBJECT")
    response = api.as_(world.coordinator).post(
        url(foi_request, "transfer"), {"body": world.other_body.slug}, format="json"
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["state"] == State.SUBMITTED
    assert data["reference"] == foi_request.reference
    assert data["request"]["subject"] == "PUBLIC-SUBJECT"
    assert data["request"]["body"]["slug"] == world.other_body.slug
    # No longer of the body: no contact details, no internal assignee.
    assert data["request"]["requester_contact"] is None
    assert data["request"]["actions"] == []


def test_a_refused_transfer_of_a_private_request_still_refuses(api, world):
    foi_request = private_request(world)
    response = api.as_(world.officer).post(
        url(foi_request, "transfer"), {"body": world.other_body.slug}, format="json"
    )
    assert response.status_code == 403
    assert FOIRequest.objects.get(pk=foi_request.pk).body == world.ministry
