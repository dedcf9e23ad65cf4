"""Each role may take exactly the transitions docs/permissions.md gives it, and the list of
available actions (which drives every button and API action list) says the same."""

import pytest
from django.contrib.auth.models import AnonymousUser

from core.errors import NotPermitted
from foi import selectors
from foi.models import CaseEvent, FOIRequest, State
from tests.foi.transition_calls import call

ROLES = [
    "anonymous",
    "requester",
    "citizen",
    "officer",
    "second_officer",
    "coordinator",
    "other_officer",
    "reviewer",
    "ombudsman_reviewer",
    "editor",
    "admin",
    "system",
]

# (transition, state to try it in) -> roles that may take it on an unassigned request.
MAY = {
    ("submit", State.DRAFT): {"requester"},
    ("clarify", State.AWAITING_CLARIFICATION): {"requester"},
    ("withdraw", State.SUBMITTED): {"requester"},
    ("appeal", State.REFUSED): {"requester"},
    ("accept", State.SUBMITTED): {"coordinator"},
    ("assign", State.IN_PROGRESS): {"coordinator"},
    ("transfer", State.SUBMITTED): {"coordinator"},
    ("reject", State.SUBMITTED): {"coordinator"},
    ("ask_clarification", State.IN_PROGRESS): {"officer", "second_officer", "coordinator"},
    ("extend", State.IN_PROGRESS): {"officer", "second_officer", "coordinator"},
    ("answer", State.IN_PROGRESS): {"officer", "second_officer", "coordinator"},
    ("refuse", State.IN_PROGRESS): {"officer", "second_officer", "coordinator"},
    ("decide_appeal", State.UNDER_APPEAL): {"reviewer"},
    ("lapse", State.AWAITING_CLARIFICATION): {"system"},
}


def actor_for(world, system, role):
    if role == "anonymous":
        return AnonymousUser()
    if role == "system":
        return system
    return getattr(world, role)


CASES = [(name, state, role) for (name, state) in MAY for role in ROLES]


@pytest.mark.parametrize(("name", "state", "role"), CASES)
def test_who_may_take_each_transition(world, system, name, state, role):
    foi_request = world.request(state)
    actor = actor_for(world, system, role)
    allowed = role in MAY[(name, state)]
    events_before = CaseEvent.objects.filter(foi_request=foi_request).count()
    if role not in ("anonymous", "system"):
        offered = name in selectors.available_actions(foi_request=foi_request, user=actor)
        assert offered == allowed, f"{role} offered {name}: {offered}"
    if allowed:
        result = call(world, system, name, foi_request, actor=actor)
        assert CaseEvent.objects.filter(foi_request=foi_request).count() == events_before + 1
        assert result.version > foi_request.version
    else:
        with pytest.raises(NotPermitted):
            call(world, system, name, foi_request, actor=actor)
        row = FOIRequest.objects.get(pk=foi_request.pk)
        assert row.state == state
        assert row.version == foi_request.version
        assert CaseEvent.objects.filter(foi_request=foi_request).count() == events_before


HANDLING = ["ask_clarification", "extend", "answer", "refuse"]


@pytest.mark.parametrize("name", HANDLING)
@pytest.mark.parametrize(
    ("role", "allowed"),
    [("officer", True), ("second_officer", False), ("coordinator", False)],
)
def test_only_the_assignee_handles_an_assigned_request(world, system, name, role, allowed):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    actor = getattr(world, role)
    if allowed:
        call(world, system, name, foi_request, actor=actor)
    else:
        with pytest.raises(NotPermitted):
            call(world, system, name, foi_request, actor=actor)


def test_ombudsman_level_is_decided_by_the_ombudsman_only(world, system):
    foi_request = world.request(State.UNDER_APPEAL)
    foi_request.appeals.update(decided_at=foi_request.submitted_at, decision="upheld")
    from tests.factories import AppealFactory

    AppealFactory(
        foi_request=foi_request,
        level=world.levels["ombudsman"],
        reviewing_body=world.ombudsman,
    )
    with pytest.raises(NotPermitted):
        call(world, system, "decide_appeal", foi_request, actor=world.reviewer)
    result = call(world, system, "decide_appeal", foi_request, actor=world.ombudsman_reviewer)
    assert result.state == State.IN_PROGRESS


def test_a_court_judgment_is_recorded_by_an_administrator(world, system):
    foi_request = world.request(State.UNDER_APPEAL)
    foi_request.appeals.update(decided_at=foi_request.submitted_at, decision="upheld")
    from tests.factories import AppealFactory

    AppealFactory(foi_request=foi_request, level=world.levels["court"], reviewing_body=None)
    with pytest.raises(NotPermitted):
        call(world, system, "decide_appeal", foi_request, actor=world.reviewer)
    assert call(world, system, "decide_appeal", foi_request, actor=world.admin).state == (
        State.IN_PROGRESS
    )
