"""Keeping ``due_at`` equal to what ``foi.deadlines`` computes from the request's own facts."""

from __future__ import annotations

from core.errors import InvalidInput
from foi import deadlines


def clock_note(foi_request, kind: str, at, **extra) -> None:
    """Record a fact that may move the clock (the law decides how), then recompute."""
    foi_request.clock_history = [
        *foi_request.clock_history,
        {"kind": kind, "at": at.isoformat(), **extra},
    ]
    clock_recompute(foi_request)


def clock_recompute(foi_request) -> None:
    try:
        deadline = deadlines.compute_due(
            foi_request.law,
            received_at=foi_request.first_received_at,
            urgency=foi_request.urgency,
            history=foi_request.clock_history,
        )
    except deadlines.DeadlineError as error:
        raise InvalidInput(str(error)) from error
    foi_request.due_at = deadline.due_at
    foi_request.due_explanation = deadline.to_json()
    foi_request.extensions_count = deadline.extensions_used
