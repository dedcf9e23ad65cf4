"""The clock's replay: ``compute_due`` walks a request's history (extensions, clarifications,
transfers, reopenings) from its receipt and returns the due moment with the steps behind it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext, ngettext

from foi.deadlines.calendar import (
    Deadline,
    DeadlineError,
    Step,
    _add_working_time,
    _after_hours,
    _days,
    _local,
    _parse_moment,
    _working_time_between,
    is_working_day,
)
from foi.deadlines.periods import _due_step, _period
from foi.models.law import ClarificationEffect, ClockStart, PeriodUnit, TransferClock
from foi.models.request import Urgency


@dataclass
class _Clock:
    """The running state while the history is replayed."""

    law: Any
    received_at: datetime
    urgency: str
    due_at: datetime | None = None
    unit: str = ""
    extensions: int = 0
    asked_at: datetime | None = None
    fee_at: datetime | None = None  # an estimate that stopped the clock, until paid or waived
    steps: list[Step] = field(default_factory=list)

    def start_base_period(self, start: datetime) -> None:
        """Count the law's own period afresh: earlier extensions no longer apply."""
        value, unit, article, basis = _base_period(self.law, self.urgency)
        self.due_at, steps = _period(
            self.law,
            start=start,
            value=value,
            unit=unit,
            clock_start=self.law.clock_start,
            basis=basis,
            article=article,
            clock_start_article=self.law.clock_start_article,
        )
        self.unit, self.extensions = unit, 0
        self.steps.extend(steps)

    def note(self, code: str, **params: Any) -> None:
        self.steps.append(Step(code, params))


def _base_period(law, urgency: str) -> tuple[int, str, str, str]:
    """(value, unit, article, basis) of the period that starts when a request is received."""
    if urgency not in Urgency.values:
        raise DeadlineError(gettext("Unknown urgency %(urgency)s.") % {"urgency": urgency})
    if urgency != Urgency.NORMAL:
        prefix = f"urgent_{urgency}"
        value, unit = getattr(law, f"{prefix}_value"), getattr(law, f"{prefix}_unit")
        if value and unit:
            return value, unit, getattr(law, f"{prefix}_article"), prefix
    return law.response_value, law.response_unit, law.response_article, "response"


def _apply_extension(clock: _Clock, at: datetime, item: Mapping) -> None:
    law, reason = clock.law, str(item.get("reason") or "")
    if not law.extension_value or not law.extension_unit or law.extension_max_count == 0:
        raise DeadlineError(gettext("The law %(law)s allows no extension.") % {"law": law.code})
    # A law that lists no reasons does not restrict them.
    allowed = law.extension_reason(reason)
    if law.extension_reasons and allowed is None:
        raise DeadlineError(
            gettext("The law %(law)s allows no extension for the reason “%(reason)s”.")
            % {"law": law.code, "reason": reason}
        )
    if clock.extensions >= law.extension_max_count:
        raise DeadlineError(
            ngettext(
                "The law %(law)s allows at most %(count)d extension.",
                "The law %(law)s allows at most %(count)d extensions.",
                law.extension_max_count,
            )
            % {"law": law.code, "count": law.extension_max_count}
        )
    clock.extensions += 1
    clock.note("extended", at=at.isoformat(), reason=reason, number=clock.extensions)
    # Counting starts the day after the current last day (for working days, the next working day).
    clock.due_at, steps = _period(
        law,
        start=clock.due_at,
        value=law.extension_value,
        unit=law.extension_unit,
        clock_start=ClockStart.NEXT_DAY,
        basis="extension",
        article=(allowed or {}).get("article") or law.extension_article,
    )
    clock.unit = law.extension_unit
    clock.steps.extend(steps)


def _apply_clarification_asked(clock: _Clock, at: datetime, item: Mapping) -> None:
    if clock.asked_at is not None:
        raise DeadlineError(
            gettext("A clarification has been awaited since %(at)s already.")
            % {"at": clock.asked_at.isoformat()}
        )
    clock.asked_at = at
    effect = str(clock.law.clarification_effect)
    clock.note("clarification_asked", at=at.isoformat(), effect=effect)


def _apply_clarified(clock: _Clock, at: datetime, item: Mapping) -> None:
    asked_at, effect = clock.asked_at, str(clock.law.clarification_effect)
    if asked_at is None:
        raise DeadlineError(gettext("A clarification arrived that nobody asked for."))
    if at < asked_at:
        raise DeadlineError(gettext("A clarification cannot arrive before it was asked for."))
    clock.asked_at = None
    if effect == ClarificationEffect.RESTART:
        clock.note("clarified", at=at.isoformat(), effect=effect)
        clock.start_base_period(at)
    elif effect == ClarificationEffect.PAUSE:
        _resume(clock, asked_at=asked_at, clarified_at=at)
    else:
        clock.note("clarified", at=at.isoformat(), effect=effect)


def _resume(
    clock: _Clock,
    *,
    asked_at: datetime,
    clarified_at: datetime,
    code: str = "clarified",
    **extra: Any,
) -> None:
    """Count again, from the clarification (or the fee's payment: ``code``), what was left
    when the clock stopped."""
    law, unit = clock.law, clock.unit
    asked, due = _local(law, asked_at), _local(law, clock.due_at)
    if unit in (PeriodUnit.HOURS, PeriodUnit.WORKING_HOURS):
        hourly = unit == PeriodUnit.HOURS
        left = due - asked if hourly else _working_time_between(law, asked, due)
        resumed = left > timedelta(0)
        clock.note(code, at=clarified_at.isoformat(), effect="pause", resumed=resumed, **extra)
        if resumed:
            # The exact time left moves the clock; whole seconds are enough to tell it.
            end = _after_hours if hourly else _add_working_time
            clock.due_at = end(law, clarified_at, left)
            clock.note(
                "period",
                basis="remaining",
                unit=str(unit),
                seconds=int(left.total_seconds()),
                start=clarified_at.isoformat(),
            )
        return
    # The clock stops on the day asked: that day has been used, the later ones have not.
    asked_day, due_day = asked.date(), due.date()
    if unit == PeriodUnit.WORKING_DAYS:
        left_days = sum(
            1 for day in _days(asked_day + timedelta(days=1), due_day) if is_working_day(law, day)
        )
        clock_start = ClockStart.NEXT_WORKING_DAY
    else:
        # Months shrink to the calendar days that were left.
        left_days, unit, clock_start = (
            (due_day - asked_day).days,
            PeriodUnit.CALENDAR_DAYS,
            ClockStart.NEXT_DAY,
        )
    clock.note(code, at=clarified_at.isoformat(), effect="pause", resumed=left_days > 0, **extra)
    if left_days > 0:
        clock.due_at, steps = _period(
            law,
            start=clarified_at,
            value=left_days,
            unit=unit,
            clock_start=clock_start,
            basis="remaining",
        )
        clock.unit = unit
        clock.steps.extend(steps)


def _apply_fee_estimated(clock: _Clock, at: datetime, item: Mapping) -> None:
    if clock.fee_at is not None:
        raise DeadlineError(
            gettext("A fee has been awaited since %(at)s already.")
            % {"at": clock.fee_at.isoformat()}
        )
    pauses = bool(clock.law.fee_estimate_pauses_clock)
    if pauses:
        clock.fee_at = at
    clock.note("fee_estimated", at=at.isoformat(), effect="pause" if pauses else "none")


def _apply_fee_settled(clock: _Clock, at: datetime, item: Mapping) -> None:
    how = str(item.get("how") or "paid")
    fee_at, clock.fee_at = clock.fee_at, None
    if fee_at is None:
        clock.note("fee_settled", at=at.isoformat(), effect="none", how=how)
        return
    if at < fee_at:
        raise DeadlineError(gettext("A fee cannot be settled before it was estimated."))
    _resume(clock, asked_at=fee_at, clarified_at=at, code="fee_settled", how=how)


def _apply_transfer(clock: _Clock, at: datetime, item: Mapping) -> None:
    law = clock.law
    clock.note(
        "transferred",
        at=at.isoformat(),
        from_body=str(item.get("from_body") or ""),
        to_body=str(item.get("to_body") or ""),
        clock=str(law.transfer_clock),
    )
    if law.transfer_clock == TransferClock.CONTINUE:
        return
    start = at
    if law.transfer_clock == TransferClock.RESTART_CAPPED:
        if not law.transfer_value or not law.transfer_unit:
            raise DeadlineError(
                gettext("The law %(law)s caps the clock after a transfer but sets no period.")
                % {"law": law.code}
            )
        cap, _ = _period(
            law,
            start=clock.received_at,
            value=law.transfer_value,
            unit=law.transfer_unit,
            clock_start=law.clock_start,
        )
        if cap < at:
            start = cap
            clock.note(
                "transfer_capped",
                cap=cap.isoformat(),
                value=law.transfer_value,
                unit=str(law.transfer_unit),
                article=law.transfer_article,
            )
    clock.start_base_period(start)


def _apply_reopened(clock: _Clock, at: datetime, item: Mapping) -> None:
    clock.note("reopened", at=at.isoformat())
    clock.asked_at = None
    clock.start_base_period(at)


_EVENTS = {
    "extension": _apply_extension,
    "clarification_asked": _apply_clarification_asked,
    "clarified": _apply_clarified,
    "fee_estimated": _apply_fee_estimated,
    "fee_settled": _apply_fee_settled,
    "transfer": _apply_transfer,
    "reopened": _apply_reopened,
}


def compute_due(
    law,
    *,
    received_at: datetime,
    urgency: str = Urgency.NORMAL,
    history: Sequence[Mapping] = (),
) -> Deadline:
    """The request's due moment: the law's period from receipt, moved by each fact in turn."""
    received = _local(law, received_at)
    clock = _Clock(law=law, received_at=received, urgency=str(urgency))
    clock.note("received", at=received.isoformat())
    clock.start_base_period(received)
    for item in history:
        kind = item.get("kind")
        if kind not in _EVENTS:
            raise DeadlineError(gettext("Unknown clock event %(kind)s.") % {"kind": kind})
        at = _local(law, _parse_moment(item.get("at")))
        if at < received:
            raise DeadlineError(
                gettext("The %(kind)s at %(at)s comes before the request was received.")
                % {"kind": kind, "at": at.isoformat()}
            )
        _EVENTS[kind](clock, at, item)
    if clock.asked_at is not None and law.clarification_effect != ClarificationEffect.NONE:
        # Until the requester replies the due moment stays; the reply decides the new one.
        since = clock.asked_at.date().isoformat()
        clock.note("waiting", since=since, effect=str(law.clarification_effect))
    if clock.fee_at is not None:
        clock.note("fee_waiting", since=clock.fee_at.date().isoformat())
    clock.steps.append(_due_step(clock.due_at, clock.unit))
    return Deadline(clock.due_at, tuple(clock.steps), clock.extensions)
