"""Every (state, transition) pair: the diagram's pairs succeed and write one CaseEvent; every
other pair is refused with a clear error and changes nothing."""

import pytest

from core.errors import TransitionNotAllowed
from foi.models import CaseEvent, FOIRequest, Message, State
from tests.foi.transition_calls import call

# The sketch in docs/design.md, refined where the law demands (docs/workflow.md says why).
ALLOWED = {
    "submit": {State.DRAFT},
    "accept": {State.SUBMITTED},
    "assign": {
        State.SUBMITTED,
        State.IN_PROGRESS,
        State.AWAITING_CLARIFICATION,
        State.AWAITING_PAYMENT,
    },
    "ask_clarification": {State.SUBMITTED, State.IN_PROGRESS},
    "clarify": {State.AWAITING_CLARIFICATION},
    "extend": {State.SUBMITTED, State.IN_PROGRESS},
    "transfer": {State.SUBMITTED, State.IN_PROGRESS},
    "answer": {State.SUBMITTED, State.IN_PROGRESS},
    "refuse": {State.SUBMITTED, State.IN_PROGRESS},
    "estimate_fee": {State.SUBMITTED, State.IN_PROGRESS},
    "record_payment": {State.AWAITING_PAYMENT},
    "waive_fee": {State.AWAITING_PAYMENT},
    "close_unpaid": {State.AWAITING_PAYMENT},
    "reject": {State.SUBMITTED},
    "withdraw": {
        State.SUBMITTED,
        State.IN_PROGRESS,
        State.AWAITING_CLARIFICATION,
        State.AWAITING_PAYMENT,
    },
    "lapse": {State.AWAITING_CLARIFICATION},
    "appeal": {
        State.SUBMITTED,
        State.IN_PROGRESS,
        State.ANSWERED,
        State.REFUSED,
        State.REJECTED,
        State.UNDER_APPEAL,
        State.CLOSED,
    },
    "decide_appeal": {State.UNDER_APPEAL},
}

EXPECTED_TARGET = {
    "submit": State.SUBMITTED,
    "accept": State.IN_PROGRESS,
    "ask_clarification": State.AWAITING_CLARIFICATION,
    "clarify": State.IN_PROGRESS,
    "transfer": State.SUBMITTED,
    "answer": State.ANSWERED,
    "refuse": State.REFUSED,
    "estimate_fee": State.AWAITING_PAYMENT,
    "record_payment": State.IN_PROGRESS,
    "waive_fee": State.IN_PROGRESS,
    "close_unpaid": State.CLOSED,
    "reject": State.REJECTED,
    "withdraw": State.WITHDRAWN,
    "lapse": State.CLOSED,
    "appeal": State.UNDER_APPEAL,
    "decide_appeal": State.IN_PROGRESS,
}


def snapshot(foi_request):
    row = FOIRequest.objects.get(pk=foi_request.pk)
    return {
        "state": row.state,
        "due_at": row.due_at,
        "version": row.version,
        "events": CaseEvent.objects.filter(foi_request=foi_request).count(),
        "messages": Message.objects.filter(foi_request=foi_request).count(),
        "appeals": row.appeals.count(),
    }


PAIRS = [(state, name) for state in State.values for name in ALLOWED]


@pytest.mark.parametrize(("state", "name"), PAIRS)
def test_every_state_and_transition(world, system, state, name):
    foi_request = world.request(state)
    before = snapshot(foi_request)
    if state in ALLOWED[name]:
        result = call(world, system, name, foi_request)
        after = snapshot(result)
        assert after["events"] == before["events"] + 1
        event = CaseEvent.objects.filter(foi_request=foi_request).latest("seq")
        assert event.kind == name
        assert event.from_state == state
        assert event.to_state == result.state
        expected = EXPECTED_TARGET.get(name, state if state != State.SUBMITTED else None)
        if name == "assign":
            expected = State.IN_PROGRESS if state == State.SUBMITTED else state
        if name == "extend":
            expected = state
        assert result.state == expected
    else:
        with pytest.raises(TransitionNotAllowed) as refused:
            call(world, system, name, foi_request)
        assert "cannot" in str(refused.value).lower()
        assert snapshot(foi_request) == before
