"""Issue 19, point 9: POST /api/v1/requests/{reference}/actions/classify/ records what a body
that answers by e-mail said in its letter."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from foi.models import Appeal, CaseEvent, Membership, Message, MessageKind, State
from tests.factories import PublicBodyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_body(world):
    return PublicBodyFactory(slug="water", name_en="Water Agency", law=world.law)


def letter_on(foi_request, body, text="Here is the information you asked for."):
    return Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        text=text,
        email_from="office@water.gov.example",
        created_at=timezone.now() - datetime.timedelta(hours=5),
    )


def url(foi_request):
    return f"/api/v1/requests/{foi_request.reference}/actions/classify/"


@pytest.fixture
def case(world, post_body):
    foi_request = world.request(
        State.SUBMITTED, body=post_body, due_at=timezone.now() + datetime.timedelta(days=2)
    )
    return foi_request, letter_on(foi_request, post_body)


def test_the_requester_classifies_a_partial_answer(api, world, case):
    foi_request, letter = case
    detail = api.as_(world.requester).get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert "classify" in detail["actions"]
    response = api.as_(world.requester).post(
        url(foi_request),
        {
            "message": letter.pk,
            "outcome": "partial",
            "exemptions": [{"code": "personal-data", "note": "staff names"}],
            "text": "Part of the budget was given.",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == State.ANSWERED
    assert "classify" not in response.json()["request"]["actions"]
    event = CaseEvent.objects.filter(foi_request=foi_request).order_by("-seq").first()
    assert event.actor_label == "letter:requester" and event.data["letter"] == letter.pk


@pytest.mark.parametrize(
    "payload",
    [
        {"outcome": "full"},  # no message
        {"message": 1, "outcome": "maybe"},
        {"message": "x", "outcome": "full"},
        {"outcome": "partial"},
    ],
)
def test_a_bad_payload_is_400(api, world, case, payload):
    foi_request, letter = case
    if payload.get("message") == 1:
        payload["message"] = letter.pk
    if payload.get("outcome") == "partial":
        payload["message"] = letter.pk  # partial without grounds
    response = api.as_(world.requester).post(url(foi_request), payload, format="json")
    assert response.status_code == 400, response.content
    letter.refresh_from_db()
    assert letter.classified_as == ""


@pytest.mark.parametrize("who", ["citizen", "officer", "other_officer", "editor"])
def test_anyone_else_is_refused(api, world, case, who):
    foi_request, letter = case
    response = api.as_(getattr(world, who)).post(
        url(foi_request), {"message": letter.pk, "outcome": "full"}, format="json"
    )
    assert response.status_code == 403
    detail = api.as_(getattr(world, who)).get(f"/api/v1/requests/{foi_request.reference}/")
    assert "classify" not in detail.json()["actions"]


def test_anonymous_is_401(api, world, case):
    foi_request, letter = case
    response = api.as_(None).post(
        url(foi_request), {"message": letter.pk, "outcome": "full"}, format="json"
    )
    assert response.status_code in (401, 403)


def test_a_moderator_may(api, world, case):
    foi_request, letter = case
    moderator = UserFactory()
    moderator.user_permissions.add(Permission.objects.get(codename="classify_replies"))
    response = api.as_(moderator).post(
        url(foi_request),
        {"message": letter.pk, "outcome": "transfer", "body": world.other_body.slug},
        format="json",
    )
    assert response.status_code == 200, response.content


def test_a_portal_body_is_409(api, world):
    foi_request = world.request(State.SUBMITTED)
    letter = letter_on(foi_request, world.ministry)
    response = api.as_(world.requester).post(
        url(foi_request), {"message": letter.pk, "outcome": "full"}, format="json"
    )
    assert response.status_code == 409


def test_a_message_that_is_not_the_bodys_reply_is_409(api, world, case):
    foi_request, _letter = case
    own = Message.objects.create(
        foi_request=foi_request, kind=MessageKind.CLARIFICATION, audience="public", text="x"
    )
    response = api.as_(world.requester).post(
        url(foi_request), {"message": own.pk, "outcome": "full"}, format="json"
    )
    assert response.status_code == 409


def test_a_message_of_another_request_is_404(api, world, case, post_body):
    foi_request, _letter = case
    other = world.request(State.SUBMITTED, body=post_body)
    elsewhere = letter_on(other, post_body)
    response = api.as_(world.requester).post(
        url(foi_request), {"message": elsewhere.pk, "outcome": "full"}, format="json"
    )
    assert response.status_code == 404


def test_a_state_that_does_not_allow_it_is_409(api, world, post_body):
    foi_request = world.request(State.WITHDRAWN, body=post_body)
    letter = letter_on(foi_request, post_body)
    response = api.as_(world.requester).post(
        url(foi_request), {"message": letter.pk, "outcome": "full"}, format="json"
    )
    assert response.status_code == 409
    letter.refresh_from_db()
    assert letter.classified_as == ""


def test_an_appeal_decision_from_the_reviewers_letter(api, world, post_body):
    foi_request = world.request(State.UNDER_APPEAL, body=post_body)
    Appeal.objects.filter(foi_request=foi_request).update(reviewing_body=world.ombudsman)
    Membership.objects.filter(body=world.ombudsman).delete()
    letter = letter_on(foi_request, world.ombudsman, text="The appeal is not admitted.")
    response = api.as_(world.requester).post(
        url(foi_request), {"message": letter.pk, "outcome": "not_admitted"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == State.CLOSED
    assert Appeal.objects.get(foi_request=foi_request).decision == "not_admitted"
