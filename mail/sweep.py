"""The e-mail half of the daily sweep: deadline notices (each once per request, milestone and
due date, so an extension earns a fresh reminder), reminders of a body's e-mailed reply nobody
has classified (each once per letter), followers' digests, and retries of sends whose back-off
has passed.

While a body's reply waits to be classified (``foi.selectors.reply_waiting``), nobody is told
that the request is overdue: the requester is reminded that the body replied and that the reply
waits for them to say what it is, and the body is not told it is late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse

from core import clock
from foi import conditions, deadlines, permissions, selectors
from foi.models import OPEN_STATES, Appeal, CaseEvent, FOIRequest, Follow, State
from foi.selectors.replies import REMINDER_AFTER, REMINDER_WINDOW
from mail.models import DigestFrequency, MilestoneNotice, ReplyReminder
from mail.notices import absolute, request_url
from mail.notify import Fanout, handlers_of, staff_of, tell_person
from mail.outbound import outbound_emails_retry_due
from mail.preferences import preferences_of

DUE_SOON_WORKING_DAYS = 2
# Two working days are never further off than this, even across the longest holidays.
DUE_SOON_HORIZON = timedelta(days=21)
DIGEST_MAX_EVENTS = 200
# Cron starts a little earlier or later each day; a digest a few hours early is still on time.
DIGEST_DRIFT = timedelta(hours=4)


@dataclass
class MilestonesSent:
    due_soon: int = 0
    overdue: int = 0
    very_overdue: int = 0
    emails: int = 0
    # Overdue requests whose body replied, the reply waiting: no overdue notice.
    reply_waiting: int = 0
    appeals_overdue: int = 0


def deadline_notices_send(*, now=None) -> MilestonesSent:
    """Tell officers of requests due in two working days, and requesters and officers of
    overdue and of very overdue ones (the law's ``very_overdue_after_working_days``); each
    (request, milestone, due date) once. A request found already very overdue is told that
    alone, not "overdue" first."""
    now = now or clock.now()
    sent = MilestonesSent()
    candidates = (
        FOIRequest.objects.filter(state__in=OPEN_STATES, due_at__lte=now + DUE_SOON_HORIZON)
        .select_related("law", "body", "requester", "assignee")
        .order_by("due_at", "pk")
    )
    waiting = selectors.request_ids_with_reply_waiting(candidates.values_list("pk", flat=True))
    for foi_request in candidates.iterator():
        if now > foi_request.due_at and foi_request.pk in waiting:
            # The body replied: not overdue until the reply is classified. No milestone is
            # recorded, so the overdue notice goes out if the reply turns out not to answer.
            letter = selectors.reply_waiting(foi_request)
            if letter is not None:
                sent.reply_waiting += 1
                sent.emails += _remind(letter, now, overdue=True)
            continue
        if conditions.is_very_overdue(foi_request, now):
            milestone = MilestoneNotice.VERY_OVERDUE
        elif now > foi_request.due_at:
            milestone = MilestoneNotice.OVERDUE
        elif (
            deadlines.working_days_left(foi_request.law, due_at=foi_request.due_at, now=now)
            <= DUE_SOON_WORKING_DAYS
        ):
            milestone = MilestoneNotice.DUE_SOON
        else:
            continue
        try:
            with transaction.atomic():
                _, created = MilestoneNotice.objects.get_or_create(
                    foi_request=foi_request,
                    milestone=milestone,
                    due_at=foi_request.due_at,
                    defaults={"sent_at": now},
                )
                if not created:
                    continue
                sent.emails += _tell_milestone(foi_request, milestone, now)
        except IntegrityError:
            continue  # another sweep recorded it at the same moment
        if milestone == MilestoneNotice.OVERDUE:
            sent.overdue += 1
        elif milestone == MilestoneNotice.VERY_OVERDUE:
            sent.very_overdue += 1
        else:
            sent.due_soon += 1
    _appeal_overdue_notices(sent, now)
    return sent


APPEAL_OVERDUE = "appeal_overdue"


def _appeal_overdue_notices(sent: MilestonesSent, now) -> None:
    """Tell the requester when the body reviewing their appeal let its decision's deadline
    pass (in the portal or off it, where it was sent the appeal by letter): as with a body's
    silence, they may go on to the next level. Once per appeal and due date."""
    late = (
        Appeal.objects.filter(
            decided_at__isnull=True,
            due_at__lt=now,
            foi_request__state=State.UNDER_APPEAL,
        )
        .select_related("foi_request__law", "foi_request__body", "foi_request__requester")
        .select_related("level", "reviewing_body")
        .order_by("due_at", "pk")
    )
    for appeal in late.iterator():
        foi_request = appeal.foi_request
        if permissions.reviewing_appeal(foi_request) != appeal:
            continue  # the requester already went on to the next level
        try:
            with transaction.atomic():
                _, created = MilestoneNotice.objects.get_or_create(
                    foi_request=foi_request,
                    milestone=APPEAL_OVERDUE,
                    due_at=appeal.due_at,
                    defaults={"sent_at": now},
                )
                if not created:
                    continue
                fanout = Fanout(None, foi_request=foi_request)
                fanout.tell(
                    foi_request.requester,
                    "appeal_overdue",
                    skip_actor=False,
                    with_appeal_route=True,
                    appeal=appeal,
                    body=appeal.reviewing_body or foi_request.body,
                )
                sent.emails += fanout.count
        except IntegrityError:
            continue
        sent.appeals_overdue += 1


def _tell_milestone(foi_request, milestone: str, now) -> int:
    fanout = Fanout(None, foi_request=foi_request)
    if milestone == MilestoneNotice.DUE_SOON:
        fanout.tell_all(handlers_of(foi_request), "due_soon")
        return fanout.count
    late_by = deadlines.working_days_late(foi_request.law, due_at=foi_request.due_at, now=now)
    if milestone == MilestoneNotice.VERY_OVERDUE:
        return _tell_very_overdue(fanout, late_by, now)
    fanout.tell(
        foi_request.requester, "overdue", skip_actor=False, with_appeal_route=True, late_by=late_by
    )
    # Overdue is escalated: the coordinators hear of it too, not only the assignee.
    coordinators = staff_of(foi_request.body, roles=("coordinator",))
    fanout.tell_all([*handlers_of(foi_request), *coordinators], "overdue_body", late_by=late_by)
    return fanout.count


def _tell_very_overdue(fanout: Fanout, late_by: int, now) -> int:
    """The requester hears of the next appeal step open and its deadline (and of the reminder
    letter, for a body reached by e-mail); the body's staff on the portal, of the lateness."""
    foi_request = fanout.foi_request
    options = selectors.appeal_options(foi_request=foi_request, now=now)
    next_step = options[0] if options else None
    by_email = not selectors.body_answers_through_portal(foi_request.body)
    fanout.tell(
        foi_request.requester,
        "very_overdue",
        skip_actor=False,
        late_by=late_by,
        next_level=next_step["level"] if next_step else None,
        lodge_by=next_step["lodge_by"] if next_step else None,
        appeal_url=absolute(reverse("foi:request_appeal", args=[foi_request.reference])),
        remind_url=absolute(reverse("foi:request_remind", args=[foi_request.reference]))
        if by_email
        else "",
    )
    coordinators = staff_of(foi_request.body, roles=("coordinator",))
    fanout.tell_all(
        [*handlers_of(foi_request), *coordinators], "very_overdue_body", late_by=late_by
    )
    return fanout.count


def reply_reminders_send(*, now=None) -> int:
    """Remind the requester of each body's reply waiting three days to be classified, once per
    letter (letters older than ``REMINDER_WINDOW`` are not dug up); returns how many."""
    now = now or clock.now()
    letters = selectors.replies_waiting_older_than(
        REMINDER_AFTER, now=now, not_older_than=REMINDER_WINDOW
    ).exclude(pk__in=ReplyReminder.objects.values("letter_id"))
    return sum(_remind(letter, now) for letter in letters.iterator())


def _remind(letter, now, *, overdue: bool = False) -> int:
    """The requester's reminder of ``letter``, unless it went out already."""
    foi_request = letter.foi_request
    try:
        with transaction.atomic():
            _, created = ReplyReminder.objects.get_or_create(
                letter=letter, defaults={"sent_at": now}
            )
            if not created:
                return 0
            fanout = Fanout(None, foi_request=foi_request)
            fanout.tell(
                foi_request.requester,
                "reply_waiting",
                skip_actor=False,
                letter=letter,
                body=letter.from_body,
                letter_url=f"{request_url(foi_request)}#message-{letter.pk}",
                overdue=overdue,
            )
            return fanout.count
    except IntegrityError:
        return 0  # another sweep sent it at the same moment


def digest_events(*, user, since, until) -> list[CaseEvent]:
    """Public events, since ``since``, on public requests the person follows (or whose body
    they follow). Nothing private ever: drafts, private requests and parties' or internal
    events are left out, and their own actions too."""
    followed = FOIRequest.objects.filter(Q(follows__user=user) | Q(body__follows__user=user))
    requests = selectors.foi_request_public_qs().filter(pk__in=followed.values("pk"))
    return list(
        CaseEvent.objects.filter(
            foi_request__in=requests,
            audience="public",
            created_at__gt=since,
            created_at__lte=until,
        )
        .exclude(actor=user)
        .select_related("foi_request__body", "foi_request__law")
        .order_by("foi_request__reference", "seq")[:DIGEST_MAX_EVENTS]
    )


def digests_send(*, now=None) -> int:
    """One digest per follower who wants one and has news; returns how many were sent."""
    now = now or clock.now()
    followers = get_user_model().objects.filter(
        pk__in=Follow.objects.values("user_id"), is_active=True
    )
    sent = 0
    for user in followers.order_by("pk").iterator():
        preferences = preferences_of(user)
        frequency = preferences.follower_digest
        if frequency == DigestFrequency.OFF:
            continue
        period = timedelta(days=7 if frequency == DigestFrequency.WEEKLY else 1)
        last = preferences.digest_sent_until
        if last is not None and now - last < period - DIGEST_DRIFT:
            continue  # the sweep may run more often than the digest goes out
        events = digest_events(user=user, since=last or now - period, until=now)
        with transaction.atomic():
            if events:
                tell_person(user, "digest", entries=_group(events), count=len(events))
                sent += 1
            preferences.digest_sent_until = now
            preferences.save()
    return sent


def _group(events: list[CaseEvent]) -> list[dict]:
    entries: dict[int, dict] = {}
    for event in events:
        entry = entries.setdefault(
            event.foi_request_id,
            {"foi_request": event.foi_request, "url": request_url(event.foi_request), "events": []},
        )
        entry["events"].append(event)
    return list(entries.values())


@dataclass
class SweepReport:
    milestones: MilestonesSent
    digests: int
    retried: int
    reply_reminders: int = 0


def mail_sweep(*, now=None) -> SweepReport:
    """Everything the daily sweep does about e-mail (the command lapses clarifications first)."""
    now = now or clock.now()
    return SweepReport(
        milestones=deadline_notices_send(now=now),
        reply_reminders=reply_reminders_send(now=now),
        digests=digests_send(now=now),
        retried=outbound_emails_retry_due(now=now),
    )
