"""Calling each transition's service with valid input, as a given actor."""

from foi import services
from foi.models import State

ROLE_OF = {
    "submit": "requester",
    "clarify": "requester",
    "withdraw": "requester",
    "appeal": "requester",
    "accept": "coordinator",
    "assign": "coordinator",
    "transfer": "coordinator",
    "reject": "coordinator",
    "ask_clarification": "officer",
    "extend": "officer",
    "answer": "officer",
    "refuse": "officer",
    "estimate_fee": "officer",
    "record_payment": "officer",
    "waive_fee": "officer",
    "close_unpaid": "system",
    "decide_appeal": "reviewer",
    "lapse": "system",
    "correct_record": "moderator",
}


def call(world, system, name, foi_request, actor=None):
    if actor is None:
        actor = system if ROLE_OF[name] == "system" else getattr(world, ROLE_OF[name])
    level = (
        "ombudsman"
        if foi_request.state in (State.UNDER_APPEAL, State.CLOSED)
        else "internal_review"
    )
    calls = {
        "submit": lambda: services.foi_request_file(foi_request=foi_request, actor=actor),
        "accept": lambda: services.foi_request_accept(foi_request=foi_request, actor=actor),
        "assign": lambda: services.foi_request_assign(
            foi_request=foi_request, actor=actor, assignee=world.officer
        ),
        "ask_clarification": lambda: services.foi_request_ask_clarification(
            foi_request=foi_request, actor=actor, text="Which year do you mean?"
        ),
        "clarify": lambda: services.foi_request_clarify(
            foi_request=foi_request, actor=actor, text="The year 2025."
        ),
        "extend": lambda: services.foi_request_extend(
            foi_request=foi_request, actor=actor, reason="volume"
        ),
        "transfer": lambda: services.foi_request_transfer(
            foi_request=foi_request, actor=actor, body=world.other_body
        ),
        "answer": lambda: services.foi_request_answer(
            foi_request=foi_request, actor=actor, outcome="full", text="Attached."
        ),
        "refuse": lambda: services.foi_request_refuse(
            foi_request=foi_request,
            actor=actor,
            grounds=[{"code": "state-secret", "note": "Defence budget lines."}],
            text="The report is classified.",
        ),
        "estimate_fee": lambda: services.foi_request_estimate_fee(
            foi_request=foi_request, actor=actor, amount="12.50", text="300 pages at cost."
        ),
        "record_payment": lambda: services.foi_request_record_payment(
            foi_request=foi_request, actor=actor
        ),
        "waive_fee": lambda: services.foi_request_waive_fee(
            foi_request=foi_request, actor=actor, text="The requester is a student."
        ),
        "close_unpaid": lambda: services.foi_request_close_unpaid(
            foi_request=foi_request, actor=actor
        ),
        "reject": lambda: services.foi_request_reject(
            foi_request=foi_request, actor=actor, reason="This is a complaint."
        ),
        "withdraw": lambda: services.foi_request_withdraw(foi_request=foi_request, actor=actor),
        "lapse": lambda: services.foi_request_lapse(foi_request=foi_request, actor=actor),
        "appeal": lambda: services.foi_request_appeal(
            foi_request=foi_request, actor=actor, level=level, grounds="No reasons given."
        ),
        "decide_appeal": lambda: services.foi_request_decide_appeal(
            foi_request=foi_request,
            actor=actor,
            decision="overturned",
            reasons="The body must answer.",
        ),
    }
    return calls[name]()
