"""Reads for the working calendar's declared days and for a person's calendar feed.

The feed lists due dates only of requests its owner may see anyway: their own open requests
(and the decision due on their undecided appeals), and for an officer the open requests of
their bodies that ``permissions.may_handle`` lets them handle, the same rule the queue's
buttons follow. Nothing in it names the requester.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch

from core.errors import NotVisible
from foi import permissions
from foi.deadlines.declared import Declared, Snapshot
from foi.models import OPEN_STATES, Appeal, CalendarFeedToken, DeclaredDay, FOIRequest, State


def declared_days_snapshot() -> Snapshot:
    """Every declared non-working day by country and date (``foi.deadlines.declared``)."""
    snapshot: Snapshot = {}
    for row in DeclaredDay.objects.order_by("country", "day"):
        snapshot.setdefault(row.country, {})[row.day] = Declared(
            day=row.day, kind=row.kind, basis=row.legal_basis, names=row.names()
        )
    return snapshot


def declared_day_list(*, country: str | None = None):
    rows = DeclaredDay.objects.all()
    return rows.filter(country=country) if country else rows


@dataclass(frozen=True)
class FeedEntry:
    """One due date in a feed: ``kind`` is "answer" (the body's answer) or "appeal" (the
    decision on an appeal); ``role`` says whose side the owner is on."""

    foi_request: FOIRequest
    kind: str
    due_at: datetime
    role: str  # "requester" or "officer"


def calendar_feed_token_of(*, user) -> CalendarFeedToken | None:
    if not permissions.is_person(user):
        return None
    return CalendarFeedToken.objects.filter(user=user).first()


def calendar_feed_owner(*, token: str):
    """The active person whose feed ``token`` opens; NotVisible (404) for any other token."""
    if not token or len(token) > 64:
        raise NotVisible("No such calendar.")
    found = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise NotVisible("No such calendar.")
    return found.user


def _open_appeals() -> Prefetch:
    return Prefetch(
        "appeals",
        queryset=Appeal.objects.filter(decided_at__isnull=True, due_at__isnull=False).order_by(
            "-lodged_at"
        ),
        to_attr="undecided_appeals",
    )


def calendar_feed_entries(*, user) -> list[FeedEntry]:
    """The due dates in ``user``'s feed, soonest first (a handful of queries, whatever the
    number of requests)."""
    if not permissions.is_person(user):
        return []
    entries: dict[tuple[int, str], FeedEntry] = {}
    own = (
        FOIRequest.objects.filter(requester=user, state__in=[*OPEN_STATES, State.UNDER_APPEAL])
        .select_related("body", "law")
        .prefetch_related(_open_appeals())
    )
    for foi_request in own:
        if foi_request.state in OPEN_STATES and foi_request.due_at:
            entries[(foi_request.pk, "answer")] = FeedEntry(
                foi_request, "answer", foi_request.due_at, "requester"
            )
        for appeal in foi_request.undecided_appeals[:1]:
            entries[(foi_request.pk, "appeal")] = FeedEntry(
                foi_request, "appeal", appeal.due_at, "requester"
            )
    bodies = list(permissions.body_roles(user))
    if bodies:
        queue = FOIRequest.objects.filter(
            body_id__in=bodies, state__in=OPEN_STATES, due_at__isnull=False
        ).select_related("body", "law")
        for foi_request in queue:
            if permissions.may_handle(foi_request, user):
                entries.setdefault(
                    (foi_request.pk, "answer"),
                    FeedEntry(foi_request, "answer", foi_request.due_at, "officer"),
                )
    return sorted(entries.values(), key=lambda entry: (entry.due_at, entry.foi_request.pk))
