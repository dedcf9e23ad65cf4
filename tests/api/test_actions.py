"""POST /api/v1/requests/{reference}/actions/{action}/: every action, who may and who may not,
bad payloads, wrong states and stale versions; a refusal changes nothing."""

import pytest

from foi.models import FOIRequest, State
from tests.api.conftest import assert_one_sentence, snapshot
from tests.factories import AppealFactory


def url(foi_request, action):
    return f"/api/v1/requests/{foi_request.reference}/actions/{action}/"


# action -> (state it is allowed in, who takes it, a valid payload, the state after)
ALLOWED = {
    "accept": (State.SUBMITTED, "coordinator", {}, State.IN_PROGRESS),
    "assign": (State.IN_PROGRESS, "coordinator", {"assignee": "officer"}, State.IN_PROGRESS),
    "ask_clarification": (
        State.IN_PROGRESS,
        "officer",
        {"text": "Which year do you mean?"},
        State.AWAITING_CLARIFICATION,
    ),
    "clarify": (
        State.AWAITING_CLARIFICATION,
        "requester",
        {"text": "The year 2025."},
        State.IN_PROGRESS,
    ),
    "extend": (State.IN_PROGRESS, "officer", {"reason": "volume"}, State.IN_PROGRESS),
    "transfer": (State.SUBMITTED, "coordinator", {"body": "other"}, State.SUBMITTED),
    "answer": (
        State.IN_PROGRESS,
        "officer",
        {
            "outcome": "partial",
            "text": "Here is most of it.",
            "exemptions": [{"code": "personal-data", "note": "Names removed."}],
        },
        State.ANSWERED,
    ),
    "refuse": (
        State.IN_PROGRESS,
        "officer",
        {"text": "It is classified.", "exemptions": [{"code": "state-secret"}]},
        State.REFUSED,
    ),
    "reject": (State.SUBMITTED, "coordinator", {"reason": "This is a complaint."}, State.REJECTED),
    "estimate_fee": (
        State.IN_PROGRESS,
        "officer",
        {"amount": "12.50", "text": "300 pages copied at cost."},
        State.AWAITING_PAYMENT,
    ),
    "record_payment": (State.AWAITING_PAYMENT, "officer", {}, State.IN_PROGRESS),
    "waive_fee": (
        State.AWAITING_PAYMENT,
        "officer",
        {"text": "In the public interest."},
        State.IN_PROGRESS,
    ),
    "withdraw": (State.SUBMITTED, "requester", {}, State.WITHDRAWN),
    "appeal": (
        State.REFUSED,
        "requester",
        {"level": "internal_review", "text": "No reasons were given."},
        State.UNDER_APPEAL,
    ),
    "decide_appeal": (
        State.UNDER_APPEAL,
        "reviewer",
        {"decision": "overturned", "text": "The body must answer."},
        State.IN_PROGRESS,
    ),
}

# action -> a state it is not allowed in (its taker could take it otherwise): 409
WRONG_STATE = {
    "accept": State.ANSWERED,
    "assign": State.ANSWERED,
    "ask_clarification": State.AWAITING_CLARIFICATION,
    "clarify": State.IN_PROGRESS,
    "extend": State.ANSWERED,
    "transfer": State.REFUSED,
    "answer": State.ANSWERED,
    "refuse": State.WITHDRAWN,
    "reject": State.IN_PROGRESS,
    "withdraw": State.ANSWERED,
    "appeal": State.WITHDRAWN,
    "decide_appeal": State.ANSWERED,
    "estimate_fee": State.ANSWERED,
    "record_payment": State.IN_PROGRESS,
    "waive_fee": State.IN_PROGRESS,
}

# action -> payloads that are wrong (400)
BAD = {
    "assign": [{}, {"assignee": "nobody"}, {"assignee": 999999}],
    "accept": [{"assignee": "citizen"}],
    "ask_clarification": [{}, {"text": "   "}],
    "clarify": [{"text": ""}],
    "extend": [{}, {"reason": "no-such-reason"}],
    "transfer": [{}, {"body": "no-such-body"}, {"body": "ministry"}],
    "answer": [
        {"text": "Here."},
        {"outcome": "partial", "text": "Most of it."},
        {"outcome": "maybe", "text": "Here."},
        {"outcome": "full", "text": ""},
    ],
    "refuse": [{"text": "No."}, {"text": "No.", "exemptions": [{"code": "no-such-ground"}]}],
    "reject": [{}],
    "appeal": [{"text": "Why?"}, {"level": "no-such-level", "text": "Why?"}],
    "decide_appeal": [{"decision": "maybe", "text": "Hm."}, {"decision": "upheld", "text": ""}],
    "withdraw": [{"text": ["not", "text"]}],
    "estimate_fee": [
        {"text": "Copies."},
        {"amount": "-5", "text": "Copies."},
        {"amount": "five", "text": "Copies."},
        {"amount": "5", "currency": "XYZ", "text": "Copies."},
        {"amount": "5", "text": ""},
    ],
    "waive_fee": [{"text": ""}],
}


def resolve(world, payload):
    payload = dict(payload)
    if isinstance(payload.get("assignee"), str) and hasattr(world, payload["assignee"]):
        payload["assignee"] = getattr(world, payload["assignee"]).pk
    return payload


@pytest.mark.parametrize("action", sorted(ALLOWED))
def test_the_right_person_takes_each_action(api, world, action):
    state, role, payload, after = ALLOWED[action]
    foi_request = world.request(state)
    before = snapshot(foi_request)
    response = api.as_(getattr(world, role)).post(
        url(foi_request, action), resolve(world, payload), format="json"
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["state"] == after == data["request"]["state"]
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert row.state == after
    assert row.version > before[1]
    assert snapshot(foi_request)[4] == before[4] + 1  # one CaseEvent


@pytest.mark.parametrize("action", sorted(ALLOWED))
def test_anonymous_gets_401_and_nothing_changes(api, world, action):
    state, _role, payload, _after = ALLOWED[action]
    foi_request = world.request(state)
    before = snapshot(foi_request)
    response = api.as_(None).post(url(foi_request, action), resolve(world, payload), format="json")
    assert response.status_code == 401
    assert_one_sentence(response)
    assert snapshot(foi_request) == before


OUTSIDERS = ["citizen", "other_officer", "ombudsman_reviewer", "editor"]


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_403_on_a_public_request(api, world, action, role):
    state, _role, payload, _after = ALLOWED[action]
    foi_request = world.request(state)
    before = snapshot(foi_request)
    response = api.as_(getattr(world, role)).post(
        url(foi_request, action), resolve(world, payload), format="json"
    )
    assert response.status_code == 403, response.json()
    assert_one_sentence(response)
    assert snapshot(foi_request) == before


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("role", ["citizen", "other_officer"])
def test_outsiders_get_404_on_a_private_request(api, world, action, role):
    state, _role, payload, _after = ALLOWED[action]
    foi_request = world.request(state, visibility="private", private_until="2099-01-01")
    before = snapshot(foi_request)
    response = api.as_(getattr(world, role)).post(
        url(foi_request, action), resolve(world, payload), format="json"
    )
    assert response.status_code == 404
    assert_one_sentence(response)
    assert snapshot(foi_request) == before


# Roles inside the case that still may not take the action (403).
INSIDERS_REFUSED = {
    "accept": ["officer", "requester", "reviewer"],
    "assign": ["officer", "requester"],
    "ask_clarification": ["requester", "reviewer"],
    "clarify": ["officer", "coordinator"],
    "extend": ["requester"],
    "transfer": ["officer", "requester"],
    "answer": ["requester", "reviewer"],
    "refuse": ["requester"],
    "reject": ["officer", "requester"],
    "withdraw": ["officer", "coordinator"],
    "appeal": ["officer", "coordinator"],
    "decide_appeal": ["officer", "coordinator", "requester", "ombudsman_reviewer"],
    "estimate_fee": ["requester", "reviewer"],
    "record_payment": ["requester", "reviewer"],
    "waive_fee": ["requester", "reviewer"],
}


@pytest.mark.parametrize(
    ("action", "role"), [(a, r) for a, roles in sorted(INSIDERS_REFUSED.items()) for r in roles]
)
def test_parties_who_may_not_take_an_action_get_403(api, world, action, role):
    state, _role, payload, _after = ALLOWED[action]
    foi_request = world.request(state)
    before = snapshot(foi_request)
    response = api.as_(getattr(world, role)).post(
        url(foi_request, action), resolve(world, payload), format="json"
    )
    assert response.status_code == 403, (response.status_code, response.json())
    assert_one_sentence(response)
    assert snapshot(foi_request) == before


@pytest.mark.parametrize("action", sorted(WRONG_STATE))
def test_an_action_in_the_wrong_state_is_409(api, world, action):
    _state, role, payload, _after = ALLOWED[action]
    foi_request = world.request(WRONG_STATE[action])
    if action == "decide_appeal":
        # A pending appeal makes the reviewer a reviewer; the state is still not under appeal.
        AppealFactory(
            foi_request=foi_request,
            level=world.levels["internal_review"],
            reviewing_body=world.cabinet,
        )
    before = snapshot(foi_request)
    response = api.as_(getattr(world, role)).post(
        url(foi_request, action), resolve(world, payload), format="json"
    )
    assert response.status_code == 409, response.json()
    assert_one_sentence(response)
    assert snapshot(foi_request) == before


@pytest.mark.parametrize(
    ("action", "index"),
    [(a, i) for a, payloads in sorted(BAD.items()) for i in range(len(payloads))],
)
def test_a_bad_payload_is_400_and_changes_nothing(api, world, action, index):
    state, role, _payload, _after = ALLOWED[action]
    foi_request = world.request(state)
    before = snapshot(foi_request)
    response = api.as_(getattr(world, role)).post(
        url(foi_request, action), resolve(world, BAD[action][index]), format="json"
    )
    assert response.status_code == 400, response.json()
    assert_one_sentence(response)
    assert snapshot(foi_request) == before


def test_a_stale_version_is_409_and_changes_nothing(api, world):
    foi_request = world.request(State.SUBMITTED)
    seen = api.as_(world.officer).get(f"/api/v1/requests/{foi_request.reference}/").json()
    api.as_(world.coordinator).post(url(foi_request, "accept"), {}, format="json")
    before = snapshot(foi_request)
    response = api.as_(world.officer).post(
        url(foi_request, "ask_clarification"),
        {"text": "Which year?", "version": seen["version"]},
        format="json",
    )
    assert response.status_code == 409
    assert "meanwhile" in assert_one_sentence(response)
    assert snapshot(foi_request) == before


def test_the_current_version_is_accepted(api, world):
    foi_request = world.request(State.SUBMITTED)
    seen = api.as_(world.coordinator).get(f"/api/v1/requests/{foi_request.reference}/").json()
    response = api.post(url(foi_request, "accept"), {"version": seen["version"]}, format="json")
    assert response.status_code == 200
    assert response.json()["request"]["version"] > seen["version"]


def test_an_unknown_action_is_404(api, world):
    foi_request = world.request(State.SUBMITTED)
    before = snapshot(foi_request)
    response = api.as_(world.coordinator).post(url(foi_request, "delete"), {}, format="json")
    assert response.status_code == 404
    assert "delete" in assert_one_sentence(response)
    assert snapshot(foi_request) == before


def test_lapse_belongs_to_the_system(api, world):
    foi_request = world.request(State.AWAITING_CLARIFICATION)
    before = snapshot(foi_request)
    for role in ("requester", "officer", "coordinator", "admin"):
        response = api.as_(getattr(world, role)).post(url(foi_request, "lapse"), {}, format="json")
        assert response.status_code == 403
    assert snapshot(foi_request) == before


def test_an_assigned_request_is_the_assignees(api, world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    before = snapshot(foi_request)
    response = api.as_(world.second_officer).post(
        url(foi_request, "ask_clarification"), {"text": "Which year?"}, format="json"
    )
    assert response.status_code == 403
    assert snapshot(foi_request) == before
    response = api.as_(world.officer).post(
        url(foi_request, "ask_clarification"), {"text": "Which year?"}, format="json"
    )
    assert response.status_code == 200


def test_the_reviewer_decides_and_the_ombudsman_reviews_the_next_level(api, world):
    foi_request = world.request(State.UNDER_APPEAL)
    response = api.as_(world.reviewer).post(
        url(foi_request, "decide_appeal"),
        {"decision": "upheld", "text": "The refusal was lawful."},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["state"] == State.CLOSED
    appeal = api.as_(world.requester).post(
        url(foi_request, "appeal"), {"level": "ombudsman", "text": "Still wrong."}, format="json"
    )
    assert appeal.status_code == 200, appeal.json()
    # The cabinet no longer reviews; the Ombudsman does.
    refused = api.as_(world.reviewer).post(
        url(foi_request, "decide_appeal"), {"decision": "upheld", "text": "No."}, format="json"
    )
    assert refused.status_code == 403
    decided = api.as_(world.ombudsman_reviewer).post(
        url(foi_request, "decide_appeal"),
        {"decision": "overturned", "text": "Answer."},
        format="json",
    )
    assert decided.status_code == 200
    assert decided.json()["state"] == State.IN_PROGRESS


def test_actions_offered_are_the_ones_the_person_may_take(api, world):
    foi_request = world.request(State.SUBMITTED)
    offered = {
        role: api.as_(getattr(world, role))
        .get(f"/api/v1/requests/{foi_request.reference}/")
        .json()["actions"]
        for role in ("requester", "coordinator", "officer", "citizen")
    }
    assert set(offered["coordinator"]) >= {"accept", "assign", "transfer", "reject"}
    assert set(offered["officer"]) == {
        "assign",
        "ask_clarification",
        "extend",
        "answer",
        "refuse",
        "estimate_fee",
        "record_fee_class",
    } - {"assign"}
    assert set(offered["requester"]) >= {"withdraw"}
    assert not {"estimate_fee", "record_fee_class"} & set(offered["requester"])
    assert offered["citizen"] == []
    assert api.as_(None).get(f"/api/v1/requests/{foi_request.reference}/").json()["actions"] == []


def test_session_sign_in_needs_the_csrf_token(world):
    from rest_framework.test import APIClient

    foi_request = world.request(State.SUBMITTED)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.coordinator)
    before = snapshot(foi_request)
    response = client.post(url(foi_request, "accept"), {}, format="json")
    assert response.status_code == 403
    assert "CSRF" in assert_one_sentence(response)
    assert snapshot(foi_request) == before
    # Reading with the session works.
    assert client.get(f"/api/v1/requests/{foi_request.reference}/").json()["actions"]


def test_every_transition_has_an_api_action():
    # A guard on the table itself: every transition of the model has an API action.
    from api.actions import NAMES

    transitions = {
        t.name for t in FOIRequest._meta.get_field("state").get_all_transitions(FOIRequest)
    }
    assert transitions == set(NAMES)


def test_the_fee_shows_in_the_request_and_the_officer_records_its_class(api, world):
    foi_request = world.request(State.IN_PROGRESS)
    officer = api.as_(world.officer)
    detail = officer.get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert detail["fee"]["fee_class"] == "" and detail["fee"]["amount"] is None
    assert "record_fee_class" in detail["actions"] and "estimate_fee" in detail["actions"]
    response = officer.post(
        url(foi_request, "record_fee_class"), {"fee_class": "discounted"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["request"]["fee"]["fee_class"] == "discounted"
    response = officer.post(
        url(foi_request, "estimate_fee"), {"amount": "7.5", "text": "Copies."}, format="json"
    )
    fee = response.json()["request"]["fee"]
    assert (fee["fee_class"], fee["amount"], fee["currency"]) == ("paid", "7.50", "AZN")
    # The public sees the estimate too, and is offered nothing.
    public = api.as_(None).get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert public["fee"]["amount"] == "7.50" and public["actions"] == []


@pytest.mark.parametrize("role", ["requester", "other_officer", "citizen"])
def test_only_the_handling_officer_records_the_fee_class(api, world, role):
    foi_request = world.request(State.IN_PROGRESS)
    before = snapshot(foi_request)
    response = api.as_(getattr(world, role)).post(
        url(foi_request, "record_fee_class"), {"fee_class": "free"}, format="json"
    )
    assert response.status_code == 403
    assert_one_sentence(response)
    assert snapshot(foi_request) == before
    assert FOIRequest.objects.get(pk=foi_request.pk).fee_class == ""


@pytest.mark.parametrize("payload", [{}, {"fee_class": "expensive"}])
def test_a_bad_fee_class_is_400(api, world, payload):
    foi_request = world.request(State.IN_PROGRESS)
    response = api.as_(world.officer).post(
        url(foi_request, "record_fee_class"), payload, format="json"
    )
    assert response.status_code == 400
    assert_one_sentence(response)
    assert FOIRequest.objects.get(pk=foi_request.pk).fee_class == ""


def test_under_a_law_without_fees_the_request_has_no_fee_and_no_estimate(api, world):
    world.law.fees_apply = False
    world.law.save()
    foi_request = world.request(State.IN_PROGRESS)
    officer = api.as_(world.officer)
    detail = officer.get(f"/api/v1/requests/{foi_request.reference}/").json()
    assert detail["fee"] is None
    assert "estimate_fee" not in detail["actions"]
    assert "record_fee_class" not in detail["actions"]
    response = officer.post(
        url(foi_request, "estimate_fee"), {"amount": "5", "text": "Copies."}, format="json"
    )
    assert response.status_code == 409
    assert "lets no body charge" in assert_one_sentence(response)
