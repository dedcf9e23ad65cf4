"""Bodies' e-mailed replies that nobody has said what they are yet (issue 19, "no reply left
unclassified").

A reply waits when it is an e-mail received on the case from a body (its address known or
confirmed: ``foi.services.letters.is_body_letter``), not yet classified, and it speaks for a body
that answers by e-mail: the body holding the request, or the body reviewing an appeal on it
that is still open. A body that works in Sorğu records its own moves, so its letters never
wait. Nor do letters on a draft or on a withdrawn request (there is nothing left to move).

The daily sweep reminds the requester of a reply waiting three days (``REMINDER_AFTER``,
``mail.sweep``); after seven (``QUEUE_AFTER``) it joins the moderators' queue in the admin. While
a reply waits, nobody is told that the request is overdue (``reply_waiting``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Subquery

from core import clock
from core.errors import NotPermitted, NotVisible
from foi import permissions
from foi.actors import RECORDED_BY
from foi.models import (
    Appeal,
    CaseEvent,
    ClassificationSuggestion,
    FOIRequest,
    Membership,
    Message,
    MessageKind,
    State,
)

REMINDER_AFTER = timedelta(days=3)
QUEUE_AFTER = timedelta(days=7)
# A letter older than this is never the subject of a first reminder (letters that arrived before
# the reminders existed, or while the sweep did not run, are not dug up).
REMINDER_WINDOW = timedelta(days=30)

# The events that give a request its outcome: the decisions whose recording is counted.
DECISION_EVENTS = ("answer", "refuse")
# How a decision was recorded (foi.actors): by the body's officer in Sorğu, or on its behalf.
OFFICER = "officer"
RECORDED_BY_CHOICES = (OFFICER, *RECORDED_BY.values())

__all__ = [
    "DECISION_EVENTS",
    "OFFICER",
    "QUEUE_AFTER",
    "RECORDED_BY_CHOICES",
    "REMINDER_AFTER",
    "REMINDER_WINDOW",
    "decision_recorded_by_of",
    "decisions_recorded_by",
    "moderator_reply_get",
    "moderator_reply_queue",
    "recorded_by",
    "replies_waiting",
    "replies_waiting_older_than",
    "replies_waiting_qs",
    "replies_waiting_summary",
    "reply_waiting",
    "request_ids_with_reply_waiting",
    "suggestions_of",
    "unclassified_reply_count",
    "with_decision_recorded_by",
]


def replies_waiting_qs() -> QuerySet[Message]:
    """Every reply waiting to be classified (no visibility filter: for the sweep, the
    moderators and the counts, which filter themselves). The first condition is the partial
    index ``message_reply_unclassified``'s, so a cut by ``created_at`` reads few rows."""
    works_in_portal = Membership.objects.filter(
        body=OuterRef("from_body"), is_active=True, user__is_active=True
    )
    reviewing = Appeal.objects.filter(
        foi_request=OuterRef("foi_request"),
        reviewing_body=OuterRef("from_body"),
        decided_at__isnull=True,
    )
    return (
        Message.objects.filter(kind=MessageKind.EMAIL_IN, classified_as="")
        .filter(from_body__isnull=False, sender_unknown=False)
        .exclude(foi_request__state__in=(State.DRAFT, State.WITHDRAWN))
        .filter(Q(from_body=F("foi_request__body")) | Exists(reviewing))
        .exclude(Exists(works_in_portal))
    )


def replies_waiting_summary() -> tuple[int, datetime | None]:
    """How many replies wait to be classified, and when the oldest of them arrived (None when
    none waits): one aggregate over the partial index, for the monitoring's gauges."""
    summary = replies_waiting_qs().aggregate(count=Count("pk"), oldest=Min("created_at"))
    return summary["count"], summary["oldest"]


def replies_waiting(*, foi_request: FOIRequest) -> list[Message]:
    """The replies waiting on this request, oldest first (no text is read here: who may read
    them is ``foi.selectors.message_list``'s business)."""
    return list(
        replies_waiting_qs()
        .filter(foi_request=foi_request)
        .select_related("from_body")
        .order_by("created_at", "pk")
    )


def reply_waiting(foi_request: FOIRequest) -> Message | None:
    """The oldest reply waiting on this request, or None: while there is one, the request is
    not called overdue; its page says "the body replied; waiting for the requester to say what
    the reply is". Kept on the instance, so a page asks once."""
    cached = getattr(foi_request, "_reply_waiting", None)
    if cached is None:
        found = replies_waiting(foi_request=foi_request)
        cached = found[0] if found else False
        foi_request._reply_waiting = cached
    return cached or None


def request_ids_with_reply_waiting(request_ids: Iterable[int]) -> set[int]:
    """Which of these requests have a reply waiting: one query for any number."""
    ids = list(request_ids)
    if not ids:
        return set()
    return set(
        replies_waiting_qs().filter(foi_request_id__in=ids).values_list("foi_request_id", flat=True)
    )


def replies_waiting_older_than(
    age: timedelta, *, now=None, not_older_than: timedelta | None = None
) -> QuerySet[Message]:
    """Replies waiting for at least ``age`` (and at most ``not_older_than``), oldest first, with
    their request, its body, law and requester."""
    now = now or clock.now()
    letters = replies_waiting_qs().filter(created_at__lte=now - age)
    if not_older_than is not None:
        letters = letters.filter(created_at__gte=now - not_older_than)
    return letters.select_related(
        "foi_request__body", "foi_request__law", "foi_request__requester", "from_body"
    ).order_by("created_at", "pk")


def moderator_reply_queue(*, user, now=None) -> QuerySet[Message]:
    """The moderators' queue: replies waiting seven days or more, with the number of
    followers' suggestions on each. NotPermitted for anyone but a moderator."""
    if not permissions.is_moderator(user):
        raise NotPermitted("Only moderators classify the replies nobody has classified.")
    return replies_waiting_older_than(QUEUE_AFTER, now=now).annotate(
        suggestions=Count("classification_suggestions")
    )


def moderator_reply_get(*, user, message_id: int) -> Message:
    """A body's e-mailed letter, for a moderator to read and classify (classified or not, so
    that the page can say it was). NotPermitted for anyone but a moderator, NotVisible for
    any other message."""
    if not permissions.is_moderator(user):
        raise NotPermitted("Only moderators classify the replies nobody has classified.")
    letter = (
        Message.objects.filter(
            pk=message_id,
            kind=MessageKind.EMAIL_IN,
            from_body__isnull=False,
            sender_unknown=False,
        )
        .select_related("foi_request__body", "foi_request__law", "from_body")
        .prefetch_related("attachments")
        .first()
    )
    if letter is None:
        raise NotVisible("No such letter.")
    return letter


def unclassified_reply_count(*, requests: QuerySet[FOIRequest] | None = None) -> int:
    """How many replies wait to be classified, on ``requests`` (the public ones by default)."""
    if requests is None:
        from foi.selectors import foi_request_public_qs

        requests = foi_request_public_qs()
    return replies_waiting_qs().filter(foi_request__in=requests.values("pk")).count()


def recorded_by(label: str | None) -> str | None:
    """How a decision was recorded, from its event's ``actor_label``: ``officer``,
    ``reply_link``, ``requester`` or ``moderator`` (None: no decision)."""
    if label is None:
        return None
    return RECORDED_BY.get(label, OFFICER)


def decisions_recorded_by(*, requests: QuerySet[FOIRequest] | None = None) -> dict[str, int]:
    """The answers and refusals on ``requests`` (the public ones by default), counted by how
    each was recorded; every way present, zero where none."""
    if requests is None:
        from foi.selectors import foi_request_public_qs

        requests = foi_request_public_qs()
    counts = dict.fromkeys(RECORDED_BY_CHOICES, 0)
    rows = (
        CaseEvent.objects.filter(kind__in=DECISION_EVENTS, foi_request__in=requests.values("pk"))
        .values_list("actor_label")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for label, n in rows:
        counts[recorded_by(label)] += n
    return counts


def with_decision_recorded_by(requests: QuerySet[FOIRequest]) -> QuerySet[FOIRequest]:
    """``requests`` with ``decision_label``: the ``actor_label`` of the last answer or refusal
    (None when there is none), for ``recorded_by``; a subquery, so no query per row."""
    last = (
        CaseEvent.objects.filter(foi_request=OuterRef("pk"), kind__in=DECISION_EVENTS)
        .order_by("-seq")
        .values("actor_label")[:1]
    )
    return requests.annotate(decision_label=Subquery(last))


def suggestions_of(*, letter: Message) -> list[ClassificationSuggestion]:
    """A letter's followers' suggestions, for the moderator: the most suggested first, then the
    oldest."""
    suggestions = list(
        ClassificationSuggestion.objects.filter(letter=letter)
        .select_related("suggested_by")
        .order_by("created_at", "pk")
    )
    tally: dict[str, int] = {}
    for suggestion in suggestions:
        tally[suggestion.outcome] = tally.get(suggestion.outcome, 0) + 1
    return sorted(suggestions, key=lambda s: -tally[s.outcome])


def decision_recorded_by_of(foi_request: FOIRequest) -> str | None:
    """How this request's last answer or refusal was recorded (None: there is none); read from
    ``decision_label`` when ``with_decision_recorded_by`` annotated it, else one query."""
    if hasattr(foi_request, "decision_label"):
        return recorded_by(foi_request.decision_label)
    label = (
        CaseEvent.objects.filter(foi_request=foi_request, kind__in=DECISION_EVENTS)
        .order_by("-seq")
        .values_list("actor_label", flat=True)
        .first()
    )
    return recorded_by(label)
