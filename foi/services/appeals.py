"""Appeals: lodged by the requester up the law's route, decided by the reviewing body."""

from __future__ import annotations

from core.errors import InvalidInput
from foi import appeal_route, deadlines, permissions, transitions
from foi.actors import author_of
from foi.models import Appeal, AppealDecision, FOIRequest, Message, MessageKind
from foi.models.request import DECISIONS_THAT_CLOSE
from foi.services.base import require_text, run_transition
from foi.services.clock import clock_note


def foi_request_appeal(*, foi_request: FOIRequest, actor, level: str, grounds: str) -> FOIRequest:
    """Lodge an appeal at ``level`` (an appeal level code of the request's law)."""
    grounds = require_text(grounds, transitions.rule("appeal", "grounds").says())

    before = {}

    def prepare(locked, at):
        open_levels = {lvl.code: lvl for lvl in appeal_route.available_levels(locked, now=at)}
        if level not in open_levels:
            rule = transitions.rule("appeal", "level")
            raise InvalidInput(
                rule.says(levels=", ".join(str(lvl.name) for lvl in open_levels.values()) or "-"),
                errors={rule.field: [level]},
            )
        before["level"] = open_levels[level]
        before["state"] = locked.state

    def apply(locked, at):
        chosen = before["level"]
        decision_due = deadlines.appeal_decision_due(locked.law, chosen, lodged_at=at)
        appeal = Appeal.objects.create(
            foi_request=locked,
            level=chosen,
            reviewing_body=appeal_route.reviewing_body_for(locked, chosen),
            appealed_state=before["state"],
            grounds=grounds,
            lodged_by=actor,
            lodged_at=at,
            due_at=decision_due.due_at if decision_due else None,
            due_explanation=decision_due.to_json() if decision_due else [],
        )
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.APPEAL,
            audience="public",
            author=author_of(actor),
            subject=str(chosen.name),
            text=grounds,
            created_at=at,
        )
        return {
            "message": message,
            "data": {
                "appeal": appeal.pk,
                "level": chosen.code,
                "reviewing_body": appeal.reviewing_body_id,
                "due_at": appeal.due_at.isoformat() if appeal.due_at else None,
            },
        }

    return run_transition(
        foi_request=foi_request, actor=actor, name="appeal", prepare=prepare, apply=apply
    )


def foi_request_decide_appeal(
    *, foi_request: FOIRequest, actor, decision: str, reasons: str
) -> FOIRequest:
    """Decide the pending appeal. Overturning sends the request back to the body with a new
    deadline; upholding closes it (the requester may go on up the route)."""
    rules = transitions.rules("decide_appeal")
    if decision not in AppealDecision.values:
        raise InvalidInput(rules["decision"].says())
    reasons = require_text(reasons, rules["reasons"].says())

    def apply(locked, at):
        appeal = permissions.reviewing_appeal(locked)
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        appeal.decision = decision
        appeal.reasons = reasons
        appeal.decided_by = author_of(actor)
        appeal.decided_at = at
        appeal.save(update_fields=["decision", "reasons", "decided_by", "decided_at"])
        if decision not in DECISIONS_THAT_CLOSE:
            clock_note(locked, "reopened", at)
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.APPEAL_DECISION,
            audience="public",
            author=author_of(actor),
            from_body=appeal.reviewing_body,
            subject=str(appeal.level.name),
            text=reasons,
            created_at=at,
        )
        return {
            "message": message,
            "data": {"appeal": appeal.pk, "decision": decision, "level": appeal.level.code},
        }

    return run_transition(
        foi_request=foi_request,
        actor=actor,
        name="decide_appeal",
        call_kwargs={"decision": decision},
        apply=apply,
    )
