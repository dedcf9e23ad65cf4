"""About sixty requests, built by replaying the scenarios through ``foi.services``.

All scenarios play together, in the order their steps happen, as on a real portal: references
are handed out in the order requests arrive, and each step runs at its own past moment inside
``clock.travel``, so deadlines, timestamps and audit chains are what they would have been.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from core import clock
from foi.models import OPEN_STATES, FOIRequest
from foi.services import ServiceError

from .actions import VERBS, Context, actor_for, actor_kind
from .scenarios import SCENARIOS
from .timeline import first_day_after, later_of, planned_moment


class DemoError(Exception):
    """A scenario that cannot be played as written; names the scenario and the step."""


@dataclass
class RequestsBuilt:
    created: int


@dataclass
class _Run:
    """One scenario being played: its steps, how far it got and the request as it stands."""

    scenario: dict
    requester: object
    law: object
    start: date
    steps: list
    position: int = 0
    foi_request: FOIRequest | None = None
    last_moment: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.position >= len(self.steps)

    def describe(self, step) -> str:
        day, verb, _params = step
        return f"{self.scenario['subject']!r}, day {day} ({verb})"


def _steps(scenario: dict) -> list[tuple[int, str, dict]]:
    """(day, verb, params) for every step, starting with the draft unless an officer
    registers the request."""
    steps = [(step[0], step[1], step[2] if len(step) > 2 else {}) for step in scenario["steps"]]
    if not steps or steps[0][1] != "register":
        steps.insert(0, (0, "create", {}))
    return steps


def _next_moment(run: _Run, *, now: datetime) -> datetime:
    step = run.steps[run.position]
    day, verb, params = step
    moment = planned_moment(
        law=run.law,
        start=run.start,
        day=day,
        kind=actor_kind(verb),
        seed=f"{run.scenario['subject']}|{run.position}",
        at=params.get("at"),
        now=now,
    )
    moment = later_of(moment, after=run.last_moment)
    current = run.foi_request
    # Where the law decides when a step becomes possible, wait for it: how many days that is
    # depends on the holidays of the year the demo is loaded in.
    if verb == "lapse":
        moment = first_day_after(moment, limit=current.clarification_lapses_at)
    if verb == "appeal" and current.state in OPEN_STATES:
        moment = first_day_after(moment, limit=current.due_at)
    if moment > now:
        raise DemoError(f"{run.describe(step)} would happen in the future, at {moment}.")
    return moment


def _perform(run: _Run, *, moment: datetime, people: dict, bodies: dict) -> None:
    step = run.steps[run.position]
    _day, verb, params = step
    context = Context(
        scenario=run.scenario, requester=run.requester, people=people, bodies=bodies, at=moment
    )
    actor = actor_for(verb=verb, params=params, context=context)
    try:
        with clock.travel(moment):
            run.foi_request = VERBS[verb](
                foi_request=run.foi_request, actor=actor, params=params, context=context
            )
    except ServiceError as error:
        raise DemoError(f"{run.describe(step)}: {error}") from error
    run.last_moment = moment
    run.position += 1


def _is_built(scenario: dict, *, requester) -> bool:
    # The requester and the subject are the demo's key: no other marker is stored.
    return FOIRequest.objects.filter(requester=requester, subject=scenario["subject"]).exists()


def requests_build(
    *,
    people: dict,
    bodies: dict,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RequestsBuilt:
    """Build every scenario that is not there yet; all of them or, on an error, none."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    runs = []
    for scenario in SCENARIOS:
        requester = people[scenario["requester"]]
        if _is_built(scenario, requester=requester):
            continue
        runs.append(
            _Run(
                scenario=scenario,
                requester=requester,
                law=bodies[scenario["body"]].law,
                start=today - timedelta(days=scenario["days_ago"]),
                steps=_steps(scenario),
            )
        )
    queue = []
    for order, run in enumerate(runs):
        heapq.heappush(queue, (_next_moment(run, now=now), order, run))
    done = 0
    with transaction.atomic():
        while queue:
            moment, order, run = heapq.heappop(queue)
            _perform(run, moment=moment, people=people, bodies=bodies)
            if run.finished:
                done += 1
                if progress:
                    progress(done, len(runs))
            else:
                heapq.heappush(queue, (_next_moment(run, now=now), order, run))
    return RequestsBuilt(created=len(runs))
