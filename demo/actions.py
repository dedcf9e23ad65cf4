"""One function per scenario verb, each calling one service of ``foi.services``.

Each takes the request as it stands (None before it exists), who acts, the step's parameters
and the scenario's context, and returns the request as the service returned it, so that the
next step never works on a stale copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from foi import services, transitions
from foi.actors import SYSTEM
from foi.models import Attachment, Channel

from . import letters
from .files import demo_file

# The requester's own verbs, and the daily sweep's (the transitions' declared roles); every
# other step names who acts ("by").
REQUESTER_VERBS = {
    "create",
    *transitions.names(transitions.REQUESTER),
    *letters.REQUESTER_VERBS,
}
SYSTEM_VERBS = set(transitions.names(transitions.SYSTEM))


@dataclass(frozen=True)
class Context:
    scenario: dict
    requester: object
    people: dict  # account key -> User
    bodies: dict  # slug -> PublicBody
    at: datetime


def actor_for(*, verb: str, params: dict, context: Context):
    if verb in letters.BODY_VERBS:
        return None  # a body off the portal: its letter, or its officer through the link
    if verb in REQUESTER_VERBS:
        return context.requester
    if verb in SYSTEM_VERBS:
        return SYSTEM
    return context.people[params["by"]]


def actor_kind(verb: str) -> str:
    """Who acts, for the time of day: "personal", "office" or "system"."""
    if verb in REQUESTER_VERBS:
        return "personal"
    if verb in SYSTEM_VERBS:
        return "system"
    return "office"


def _draft_fields(context: Context) -> dict:
    scenario = context.scenario
    fields = {
        "subject": scenario["subject"],
        "text": scenario["text"],
        "urgency": scenario.get("urgency", "normal"),
        "urgency_justification": scenario.get("urgency_justification", ""),
        "access_form": scenario.get("access_form", "electronic"),
        "public_name_choice": scenario.get("public_name_choice", "name"),
        "pseudonym": scenario.get("pseudonym", ""),
    }
    if "private_for_days" in scenario:
        # Counted from the day it is written: the law allows at most twelve months.
        fields["visibility"] = "private"
        fields["private_until"] = context.at.date() + timedelta(days=scenario["private_for_days"])
    return fields


def _body(context: Context):
    return context.bodies[context.scenario["body"]]


def create(*, foi_request, actor, params, context):
    return services.foi_request_create_draft(
        requester=actor, body=_body(context), **_draft_fields(context)
    )


def register(*, foi_request, actor, params, context):
    """An officer types in a letter that came by post some days before, and files it."""
    fields = _draft_fields(context)
    if "access_form" not in context.scenario:
        fields["access_form"] = "paper"
    draft = services.foi_request_create_draft(
        requester=context.requester,
        body=_body(context),
        channel=params.get("channel", Channel.POST),
        registered_by=actor,
        **fields,
    )
    return services.foi_request_file(
        foi_request=draft,
        actor=actor,
        received_at=context.at - timedelta(days=params.get("received_days_earlier", 0)),
    )


def submit(*, foi_request, actor, params, context):
    # The portal's own door, daily limit and all: no demo requester files ten in a day.
    return services.foi_request_file(foi_request=foi_request, actor=actor)


def accept(*, foi_request, actor, params, context):
    assignee = context.people.get(params.get("assignee", ""))
    return services.foi_request_accept(foi_request=foi_request, actor=actor, assignee=assignee)


def assign(*, foi_request, actor, params, context):
    assignee = context.people[params["assignee"]]
    return services.foi_request_assign(foi_request=foi_request, actor=actor, assignee=assignee)


def ask_clarification(*, foi_request, actor, params, context):
    return services.foi_request_ask_clarification(
        foi_request=foi_request, actor=actor, text=params["text"]
    )


def clarify(*, foi_request, actor, params, context):
    return services.foi_request_clarify(foi_request=foi_request, actor=actor, text=params["text"])


def extend(*, foi_request, actor, params, context):
    return services.foi_request_extend(
        foi_request=foi_request, actor=actor, reason=params["reason"], text=params.get("text", "")
    )


def transfer(*, foi_request, actor, params, context):
    return services.foi_request_transfer(
        foi_request=foi_request,
        actor=actor,
        body=context.bodies[params["to"]],
        text=params.get("text", ""),
    )


def answer(*, foi_request, actor, params, context):
    files = [(name, demo_file(name)) for name in params.get("files", [])]
    return services.foi_request_answer(
        foi_request=foi_request,
        actor=actor,
        outcome=params["outcome"],
        text=params["text"],
        exemptions=params.get("exemptions"),
        files=files,
    )


def refuse(*, foi_request, actor, params, context):
    return services.foi_request_refuse(
        foi_request=foi_request, actor=actor, grounds=params["grounds"], text=params["text"]
    )


def reject(*, foi_request, actor, params, context):
    return services.foi_request_reject(
        foi_request=foi_request, actor=actor, reason=params["reason"]
    )


def withdraw(*, foi_request, actor, params, context):
    return services.foi_request_withdraw(
        foi_request=foi_request, actor=actor, text=params.get("text", "")
    )


def lapse(*, foi_request, actor, params, context):
    return services.foi_request_lapse(foi_request=foi_request, actor=actor)


def appeal(*, foi_request, actor, params, context):
    return services.foi_request_appeal(
        foi_request=foi_request, actor=actor, level=params["level"], grounds=params["grounds"]
    )


def decide(*, foi_request, actor, params, context):
    return services.foi_request_decide_appeal(
        foi_request=foi_request,
        actor=actor,
        decision=params["decision"],
        reasons=params["reasons"],
    )


def fee_class(*, foi_request, actor, params, context):
    return services.foi_request_record_fee_class(
        foi_request=foi_request, actor=actor, fee_class=params["fee_class"]
    )


def estimate_fee(*, foi_request, actor, params, context):
    return services.foi_request_estimate_fee(
        foi_request=foi_request, actor=actor, amount=params["amount"], text=params["text"]
    )


def record_payment(*, foi_request, actor, params, context):
    return services.foi_request_record_payment(
        foi_request=foi_request, actor=actor, text=params.get("text", "")
    )


def waive_fee(*, foi_request, actor, params, context):
    return services.foi_request_waive_fee(foi_request=foi_request, actor=actor, text=params["text"])


def note(*, foi_request, actor, params, context):
    services.foi_request_add_note(foi_request=foi_request, actor=actor, text=params["text"])
    # The note moved the audit head by a direct update, not through this copy.
    foi_request.refresh_from_db()
    return foi_request


def approve(*, foi_request, actor, params, context):
    attachment = Attachment.objects.get(
        message__foi_request=foi_request, original_name=params["file"]
    )
    services.attachment_approve(attachment=attachment, actor=actor)
    foi_request.refresh_from_db()
    return foi_request


VERBS = {
    "create": create,
    "register": register,
    "submit": submit,
    "accept": accept,
    "assign": assign,
    "ask_clarification": ask_clarification,
    "clarify": clarify,
    "extend": extend,
    "transfer": transfer,
    "answer": answer,
    "refuse": refuse,
    "reject": reject,
    "withdraw": withdraw,
    "lapse": lapse,
    "appeal": appeal,
    "decide": decide,
    "note": note,
    "approve": approve,
    "fee_class": fee_class,
    "estimate_fee": estimate_fee,
    "record_payment": record_payment,
    "waive_fee": waive_fee,
    **letters.VERBS,
}
