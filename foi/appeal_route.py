"""Which appeal levels a requester may use now, and who reviews them.

A "round" of appeals starts with each decision of the body: appeals lodged after the last
decision that overturned the body's answer belong to the current round. Within a round the route
is climbed upwards (superior body, oversight body, court); a level that ``requires_previous``
(the Ombudsman will not examine a complaint that skipped the body's own avenues) is open only
once the level below it was used in this round.
"""

from __future__ import annotations

from core import clock
from foi import deadlines


def _appeals(foi_request) -> list:
    cached = getattr(foi_request, "_appeal_list", None)
    if cached is None:
        cached = list(foi_request.appeals.select_related("level").order_by("lodged_at", "id"))
        foi_request._appeal_list = cached
    return cached


def current_round(foi_request) -> list:
    appeals = _appeals(foi_request)
    start = 0
    for index, appeal in enumerate(appeals):
        if appeal.decision in ("overturned", "partly_overturned"):
            start = index + 1
    return appeals[start:]


def _decision_moment(foi_request, appeals, now):
    """When the decision being appealed against was made, or the silence began."""
    from foi.models import State

    state = foi_request.state
    if state in (State.SUBMITTED, State.IN_PROGRESS):
        overdue = foi_request.due_at is not None and now > foi_request.due_at
        return foi_request.due_at if overdue else None
    if state == State.ANSWERED:
        return foi_request.answered_at
    if state == State.REFUSED:
        return foi_request.refused_at
    if state == State.REJECTED:
        return foi_request.rejected_at
    if state == State.UNDER_APPEAL:
        pending = appeals[-1] if appeals and appeals[-1].decided_at is None else None
        if pending and pending.due_at is not None and now > pending.due_at:
            return pending.due_at
        return None
    if state == State.CLOSED:
        last = appeals[-1] if appeals else None
        if last and last.decision == "upheld" and last.decided_at == foi_request.closed_at:
            return last.decided_at
        return None
    return None


def available_levels(foi_request, now=None) -> list:
    """The appeal levels open to the requester at this moment, lowest first."""
    now = now or clock.now()
    round_appeals = current_round(foi_request)
    decided_at = _decision_moment(foi_request, round_appeals, now)
    if decided_at is None:
        return []
    used = {appeal.level.order for appeal in round_appeals}
    highest = max(used, default=0)
    law = foi_request.law
    levels = []
    for level in law.appeal_levels.all():
        if level.order <= highest:
            continue
        if level.requires_previous and (level.order - 1) not in used:
            continue
        lodge_by = deadlines.appeal_lodge_deadline(law, level, decided_at=decided_at)
        if lodge_by is not None and now > lodge_by:
            continue
        levels.append(level)
    return levels


def reviewing_body_for(foi_request, level):
    if level.reviewer == "superior":
        # The head of the body reviews when it has no superior body.
        return foi_request.body.parent or foi_request.body
    # An oversight body outside the portal, or a court: an administrator records its decision.
    return level.reviewer_body if level.reviewer == "oversight" else None
