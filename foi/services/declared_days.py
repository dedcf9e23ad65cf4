"""Declaring a day non-working, changing or removing the declaration (``DeclaredDay``).

The day goes into the working calendar (``foi.deadlines.declared``), and every open request of
the country whose clock window touches the day is recomputed by the clock itself
(``foi.services.clock.clock_recompute``). Each request whose due date moved gets a
``due_date_moved`` event on its trail, saying the old and the new due date and the day with its
legal basis; its requester and the body's officers hear of it after commit (mail/notify.py).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotPermitted
from foi import permissions
from foi.deadlines import declared
from foi.models import DeclaredDay, FOIRequest, State
from foi.services.case import Entry, foi_request_append
from foi.services.clock import clock_recompute

logger = logging.getLogger(__name__)

# States whose clock may still move: the body's clock runs (submitted, in progress) or waits
# for the requester's clarification or payment.
CLOCK_STATES = (
    State.SUBMITTED,
    State.IN_PROGRESS,
    State.AWAITING_CLARIFICATION,
    State.AWAITING_PAYMENT,
)
DECLARED_FIELDS = ("country", "day", "kind", "name_az", "name_en", "name_ru", "legal_basis")


@dataclass(frozen=True)
class Recomputed:
    declared_day: DeclaredDay | None
    moved: list[FOIRequest]


def _require_administrator(actor) -> None:
    if not (permissions.is_person(actor) and actor.is_superuser):
        raise NotPermitted(_("Only administrators may declare non-working days."))


def _validated(declared_day: DeclaredDay) -> None:
    declared_day.country = (declared_day.country or "").strip().upper()
    declared_day.legal_basis = (declared_day.legal_basis or "").strip()
    try:
        declared_day.full_clean()
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages), errors=error.message_dict) from error


def declared_day_save(*, actor, declared_day: DeclaredDay) -> Recomputed:
    """Add a declared day or save a changed one, and recompute the deadlines it touches."""
    _require_administrator(actor)
    _validated(declared_day)
    before = None
    if declared_day.pk:
        before = DeclaredDay.objects.filter(pk=declared_day.pk).first()
    days = {(declared_day.country, declared_day.day)}
    if before is not None:
        days.add((before.country, before.day))
    record = {
        "change": "changed" if before is not None else "added",
        "day": declared_day.day.isoformat(),
        "country": declared_day.country,
        "kind": declared_day.kind,
        "names": declared_day.names(),
        "basis": declared_day.legal_basis,
    }
    with _declared_days_changing():
        declared_day.save()
        declared.forget()  # the clock below reads the new day (this transaction's own view)
        moved = _recompute(actor=actor, days=days, record=record)
    return Recomputed(declared_day=declared_day, moved=moved)


def declared_day_delete(*, actor, declared_day: DeclaredDay) -> Recomputed:
    """Remove a declared day: the deadlines it had moved move back."""
    _require_administrator(actor)
    record = {
        "change": "removed",
        "day": declared_day.day.isoformat(),
        "country": declared_day.country,
        "kind": declared_day.kind,
        "names": declared_day.names(),
        "basis": declared_day.legal_basis,
    }
    with _declared_days_changing():
        DeclaredDay.objects.filter(pk=declared_day.pk).delete()
        declared.forget()
        moved = _recompute(
            actor=actor, days={(declared_day.country, declared_day.day)}, record=record
        )
    return Recomputed(declared_day=None, moved=moved)


@contextmanager
def _declared_days_changing():
    """One transaction; the other processes reload their declared days once it commits, and
    this one forgets what it read inside it either way (a rollback leaves no trace)."""
    try:
        with transaction.atomic():
            transaction.on_commit(declared.forget)
            yield
    finally:
        declared.forget()


def _touching(country: str, day: date):
    """Open requests of ``country`` whose clock window (received .. due) may include ``day``;
    a day's slack either side for the time zones, the recomputation decides."""
    start = datetime.combine(day - timedelta(days=1), time(0), tzinfo=UTC)
    end = datetime.combine(day + timedelta(days=2), time(0), tzinfo=UTC)
    return FOIRequest.objects.filter(
        law__holiday_country=country,
        state__in=CLOCK_STATES,
        first_received_at__isnull=False,
        first_received_at__lt=end,
        due_at__gte=start,
    ).order_by("pk")


def _recompute(*, actor, days: set[tuple[str, date]], record: dict) -> list[FOIRequest]:
    candidates: dict[int, FOIRequest] = {}
    for country, day in days:
        for foi_request in _touching(country, day):
            candidates.setdefault(foi_request.pk, foi_request)
    moved = []
    for foi_request in candidates.values():
        try:
            appended = foi_request_append(
                foi_request=foi_request,
                actor=actor,
                kind="due_date_moved",
                audience="public",
                write=lambda locked, at: _recompute_one(locked, record),
            )
        except InvalidInput:
            # A history the clock cannot replay (an old record) keeps its due date; its own
            # savepoint is rolled back, and the other requests still move.
            logger.warning("Deadline of request %s not recomputed", foi_request.reference)
            continue
        if appended is not None:
            moved.append(appended.foi_request)
    return moved


def _recompute_one(locked: FOIRequest, record: dict) -> Entry | None:
    old_due = locked.due_at
    clock_recompute(locked)
    if locked.due_at == old_due:
        return None
    # A real change of the request: its version moves, so a calendar feed and a form opened
    # before it see that the due date is not what they showed.
    locked.save(update_fields=["due_at", "due_explanation", "extensions_count", "updated_at"])
    data = {
        **record,
        "old_due": old_due.isoformat() if old_due else "",
        "new_due": locked.due_at.isoformat() if locked.due_at else "",
    }
    return Entry(data=data)
