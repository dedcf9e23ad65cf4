"""Reads for the workspace, each already filtered by docs/permissions.md: a member sees the
queue and reports of their own bodies, a reviewer the appeals lodged with their body, an
administrator everything; everyone else nothing (their case pages answer 404)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet

from core import clock
from core.errors import NotVisible, ServiceError
from foi import deadlines, permissions, stats
from foi.models import (
    OPEN_STATES,
    Appeal,
    FOIRequest,
    InvokedExemption,
    Law,
    Membership,
    PublicBody,
    State,
)
from foi.services.base import check_transition

QUEUE_STATES = (
    State.SUBMITTED,
    State.IN_PROGRESS,
    State.AWAITING_CLARIFICATION,
    State.AWAITING_PAYMENT,
)
DUE_SOON_DEFAULT = 2


def due_soon_working_days() -> int:
    """A request due within this many working days is marked "due soon" in the queue."""
    return int(getattr(settings, "FOI_DUE_SOON_WORKING_DAYS", DUE_SOON_DEFAULT))


def is_administrator(user) -> bool:
    return permissions.is_person(user) and user.is_superuser


def may_use_workspace(user) -> bool:
    """Members of a body (officers, coordinators, reviewers) and administrators."""
    return is_administrator(user) or bool(permissions.body_roles(user))


def workspace_bodies(*, user) -> QuerySet[PublicBody]:
    """The bodies whose queue and reports this person may see."""
    if is_administrator(user):
        return PublicBody.objects.select_related("law").order_by("name_az")
    return PublicBody.objects.filter(pk__in=list(permissions.body_roles(user))).select_related(
        "law"
    )


def member_bodies(*, user) -> QuerySet[PublicBody]:
    """The bodies this person works for (an administrator's dashboard shows none)."""
    return PublicBody.objects.filter(pk__in=list(permissions.body_roles(user))).select_related(
        "law"
    )


def is_coordinator_of(user, body) -> bool:
    return is_administrator(user) or permissions.is_member(
        user, body.pk, (permissions.COORDINATOR,)
    )


def body_members(*, body) -> QuerySet:
    """The people who work for the body now: whom a request may be assigned to."""
    ids = Membership.objects.filter(body=body, is_active=True, user__is_active=True).values(
        "user_id"
    )
    return get_user_model().objects.filter(pk__in=ids).order_by("first_name", "last_name", "pk")


# The queue -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    """What the queue shows; empty values mean "no filter"."""

    state: str = "open"  # "open", "all" or a State value
    assignee: str = ""  # "", "me", "none" or a user id
    overdue: bool = False
    due_within: int | None = None  # working days from today; 0 = due today
    urgency: str = ""
    channel: str = ""


def due_within_cutoff(law, *, days: int, now: datetime) -> datetime:
    """The end of the ``days``-th working day after today (0: the end of today)."""
    if days <= 0:
        zone = ZoneInfo(law.time_zone)
        return datetime.combine(now.astimezone(zone).date(), deadlines.END_OF_DAY, tzinfo=zone)
    return deadlines.period_end(
        law, start=now, value=days, unit="working_days", clock_start="next_working_day"
    )[0]


def queue_qs(
    *, user, body, filters: QueueFilters, now: datetime | None = None, bodies: list | None = None
):
    """The body's requests in the filters' view, the soonest due first (None last).
    ``bodies``: the person's ``workspace_bodies``, when the caller has read them already."""
    if bodies is not None:
        allowed = any(item.pk == body.pk for item in bodies)
    else:
        allowed = workspace_bodies(user=user).filter(pk=body.pk).exists()
    if not allowed:
        raise NotVisible("No such body.")
    now = now or clock.now()
    requests = FOIRequest.objects.filter(body=body).exclude(state=State.DRAFT)
    if filters.state == "open":
        requests = requests.filter(state__in=QUEUE_STATES)
    elif filters.state in State.values:
        requests = requests.filter(state=filters.state)
    if filters.assignee == "me":
        requests = requests.filter(assignee=user)
    elif filters.assignee == "none":
        requests = requests.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        requests = requests.filter(assignee_id=int(filters.assignee))
    if filters.overdue:
        requests = requests.filter(state__in=OPEN_STATES, due_at__lt=now)
    if filters.due_within is not None:
        cutoff = due_within_cutoff(body.law, days=filters.due_within, now=now)
        requests = requests.filter(state__in=OPEN_STATES, due_at__gte=now, due_at__lte=cutoff)
    if filters.urgency:
        requests = requests.filter(urgency=filters.urgency)
    if filters.channel:
        requests = requests.filter(channel=filters.channel)
    # Not the law: its row (its calendars and lists) fifty times over was a third of the
    # rows' fetching; with_laws() gives each row its law from one small query.
    return requests.select_related("assignee", "requester").order_by(
        F("due_at").asc(nulls_last=True), "pk"
    )


def with_laws(foi_requests) -> list[FOIRequest]:
    """The requests, each given its law from one query (a few laws for any number of rows)."""
    foi_requests = list(foi_requests)
    laws = Law.objects.in_bulk({item.law_id for item in foi_requests})
    for item in foi_requests:
        item.law = laws[item.law_id]
    return foi_requests


@dataclass(frozen=True)
class QueueCounts:
    by_state: dict[str, int]
    overdue: int
    due_soon: int
    unassigned: int
    mine: int


def queue_counts(*, user, body, now: datetime | None = None) -> QueueCounts:
    """Counts for the queue's tabs, in two queries."""
    now = now or clock.now()
    requests = FOIRequest.objects.filter(body=body).exclude(state=State.DRAFT)
    by_state = {row["state"]: row["n"] for row in requests.values("state").annotate(n=Count("pk"))}
    cutoff = due_within_cutoff(body.law, days=due_soon_working_days(), now=now)
    open_q = Q(state__in=OPEN_STATES)
    # Every count below is of requests with the body: reading only those (an index range of
    # a few hundred) rather than all the body's requests is what keeps this fast at any size.
    totals = requests.filter(state__in=QUEUE_STATES).aggregate(
        overdue=Count("pk", filter=open_q & Q(due_at__lt=now)),
        due_soon=Count("pk", filter=open_q & Q(due_at__gte=now, due_at__lte=cutoff)),
        unassigned=Count("pk", filter=Q(state__in=QUEUE_STATES, assignee__isnull=True)),
        mine=Count("pk", filter=Q(state__in=QUEUE_STATES, assignee_id=user.pk)),
    )
    return QueueCounts(by_state=by_state, **totals)


@dataclass(frozen=True)
class DeadlineStatus:
    """How a request stands against its due moment, in words and a style."""

    kind: str  # "overdue", "due_soon", "on_track", "stopped" or "none"
    working_days: int = 0


def deadline_status(foi_request: FOIRequest, *, now: datetime | None = None) -> DeadlineStatus:
    now = now or clock.now()
    due = foi_request.due_at
    if due is None:
        return DeadlineStatus("none")
    if foi_request.state == State.AWAITING_CLARIFICATION:
        return DeadlineStatus("stopped")
    if foi_request.state == State.AWAITING_PAYMENT and foi_request.law.fee_estimate_pauses_clock:
        return DeadlineStatus("stopped")
    if foi_request.state not in (*OPEN_STATES, State.AWAITING_PAYMENT):
        return DeadlineStatus("none")
    law = foi_request.law
    if now > due:
        return DeadlineStatus("overdue", deadlines.working_days_late(law, due_at=due, now=now))
    left = stats.working_days_between(law, now, due)
    return DeadlineStatus("due_soon" if left <= due_soon_working_days() else "on_track", left)


# The case ------------------------------------------------------------------------------------


def can_open_case(foi_request: FOIRequest, user) -> bool:
    """The body holding it, a body reviewing an appeal on it, or an administrator."""
    if foi_request.state == State.DRAFT or not permissions.is_person(user):
        return False
    return (
        user.is_superuser
        or permissions.is_member(user, foi_request.body_id)
        or permissions.is_reviewer(foi_request, user)
    )


def case_get(*, reference: str, user) -> FOIRequest:
    """The request for the workspace, or NotVisible (404) for anyone it is not for."""
    foi_request = (
        FOIRequest.objects.select_related(
            "law", "body", "body__parent", "requester", "assignee", "registered_by"
        )
        .filter(reference=reference)
        .first()
    )
    if foi_request is None or not can_open_case(foi_request, user):
        raise NotVisible("No such request.")
    return foi_request


def action_refusal(*, foi_request: FOIRequest, user, action: str) -> ServiceError | None:
    """Why ``user`` cannot take ``action`` now (the service's own sentence), or None."""
    try:
        check_transition(foi_request, action, user)
    except ServiceError as error:
        return error
    return None


def invoked_exemptions_by_message(*, foi_request: FOIRequest) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for invoked in InvokedExemption.objects.filter(foi_request=foi_request).select_related(
        "exemption", "attachment"
    ):
        grouped.setdefault(invoked.message_id, []).append(invoked)
    return grouped


def appeals_of(*, foi_request: FOIRequest) -> list[Appeal]:
    return list(
        foi_request.appeals.select_related("level", "reviewing_body", "decided_by").order_by(
            "lodged_at", "pk"
        )
    )


def extension_preview(*, foi_request: FOIRequest, reason: str, at: datetime) -> datetime | None:
    """The due moment an extension granted at ``at`` would give, before it is granted."""
    history = [
        *foi_request.clock_history,
        {"kind": "extension", "at": at.isoformat(), "reason": reason},
    ]
    try:
        return deadlines.compute_due(
            foi_request.law,
            received_at=foi_request.first_received_at,
            urgency=foi_request.urgency,
            history=history,
        ).due_at
    except deadlines.DeadlineError:
        return None


def transfer_targets(*, foi_request: FOIRequest) -> QuerySet[PublicBody]:
    """Bodies a request may be forwarded to: active and under the same law (its own body is
    among them; the service refuses it with its reason)."""
    return PublicBody.objects.filter(is_active=True, law_id=foi_request.law_id).order_by("name_az")


# Appeals to review ---------------------------------------------------------------------------


def appeals_to_review_qs(*, user, decided: bool = False) -> QuerySet[Appeal]:
    """Appeals lodged with the bodies this person works for (all, for an administrator)."""
    appeals = Appeal.objects.select_related(
        "foi_request", "foi_request__body", "foi_request__law", "level", "reviewing_body"
    )
    if not is_administrator(user):
        appeals = appeals.filter(reviewing_body_id__in=list(permissions.body_roles(user)))
    appeals = appeals.filter(decided_at__isnull=not decided)
    if decided:
        return appeals.order_by("-decided_at", "-pk")
    return appeals.order_by(F("due_at").asc(nulls_last=True), "lodged_at", "pk")
