"""Reading requests' ``CaseFacts`` from the database: a body's cohort for a period, the cohorts
of many bodies at once, and a body's transfers."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from foi import deadlines
from foi.stats.figures import DECISION_KINDS, RESPONSE_KINDS, CaseFacts


def period_bounds(law, date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """[start, end) of the period as moments: from the first day's midnight in the law's time
    zone to the midnight after the last day."""
    zone = ZoneInfo(law.time_zone)
    start = datetime.combine(date_from, time.min, tzinfo=zone)
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def _due_when_decided(request, decided_at: datetime) -> datetime | None:
    """The due moment in force at ``decided_at``: the stored one, unless the clock moved
    after the decision (an appeal reopened the request)."""
    history = request.clock_history or []
    before = [item for item in history if datetime.fromisoformat(item["at"]) <= decided_at]
    if len(before) == len(history):
        return request.due_at
    try:
        return deadlines.compute_due(
            request.law,
            received_at=request.first_received_at,
            urgency=request.urgency,
            history=before,
        ).due_at
    except deadlines.DeadlineError:
        return request.due_at


def case_facts(*, body, date_from: date, date_to: date) -> list[CaseFacts]:
    """The body's cohort for the period as ``CaseFacts``, in five queries."""
    from foi.models import FOIRequest

    return cohort_facts(
        requests=FOIRequest.objects.filter(body=body),
        date_from=date_from,
        date_to=date_to,
        law=body.law,
    ).get(body.pk, [])


def _widened_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """[start, end) wide enough for the period in any time zone (UTC-14 to UTC+14)."""
    start = datetime.combine(date_from, time.min, tzinfo=UTC) - timedelta(hours=14)
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=UTC) + timedelta(hours=14)
    return start, end


def cohort_facts(
    *, requests, date_from: date, date_to: date, law=None
) -> dict[int, list[CaseFacts]]:
    """The cohorts for the period of every body holding one of ``requests`` (a queryset: all
    requests, one body's, or only the public ones), as ``CaseFacts`` per body id, in five
    queries whatever the number of bodies. The period is counted in each request's law's time
    zone (``law``, when given, for all of them); each fact carries its law."""
    if law is not None:
        start, end = period_bounds(law, date_from, date_to)
    else:
        start, end = _widened_bounds(date_from, date_to)
    cohort = (
        requests.filter(received_at__gte=start, received_at__lt=end)
        .exclude(state="draft")
        .select_related("law")
        .order_by("received_at", "pk")
    )
    requests_ = []
    bounds = {}
    for request in cohort:
        request_law = law or request.law
        if request_law.pk not in bounds:
            bounds[request_law.pk] = period_bounds(request_law, date_from, date_to)
        low, high = bounds[request_law.pk]
        if low <= request.received_at < high:
            requests_.append(request)
    facts = defaultdict(list)
    for request, case in facts_of(requests_, cohort):
        facts[request.body_id].append(case)
    return dict(facts)


def facts_of(requests_, cohort) -> list[tuple[object, CaseFacts]]:
    """``CaseFacts`` of each request in ``requests_`` (loaded, with their law), reading the
    letters, decisions, grounds and appeals of ``cohort`` (a queryset holding them) in four
    queries."""
    from foi.models import Appeal, CaseEvent, InvokedExemption, Message

    letters = defaultdict(list)
    for letter in (
        Message.objects.filter(foi_request__in=cohort, kind__in=RESPONSE_KINDS)
        .exclude(from_body=None)
        .order_by("created_at", "pk")
        .values("pk", "foi_request_id", "from_body_id", "kind", "created_at")
    ):
        letters[letter["foi_request_id"]].append(letter)
    decision_events = {
        event["message_id"]: event
        for event in CaseEvent.objects.filter(
            message__foi_request__in=cohort, kind__in=("answer", "refuse", "reject")
        ).values("message_id", "kind", "actor_id", "data")
    }
    grounds = defaultdict(list)
    for row in InvokedExemption.objects.filter(foi_request__in=cohort).values(
        "message_id", "exemption__code"
    ):
        grounds[row["message_id"]].append(row["exemption__code"])
    appeals = defaultdict(list)
    appeal_deadlines = defaultdict(list)
    for row in (
        Appeal.objects.filter(foi_request__in=cohort)
        .order_by("lodged_at", "pk")
        .values("foi_request_id", "decision", "due_at", "decided_at")
    ):
        appeals[row["foi_request_id"]].append(row["decision"] or "")
        appeal_deadlines[row["foi_request_id"]].append((row["due_at"], row["decided_at"]))

    facts = []
    for request in requests_:
        own = [
            letter
            for letter in letters[request.pk]
            if letter["from_body_id"] == request.body_id
            and letter["created_at"] >= request.received_at
        ]
        first_letter = own[0] if own else None
        decision = next((letter for letter in own if letter["kind"] in DECISION_KINDS), None)
        event = decision_events.get(decision["pk"]) if decision else None
        decided_at = decision["created_at"] if decision else None
        facts.append(
            (
                request,
                CaseFacts(
                    received_at=request.received_at,
                    state=request.state,
                    due_at=request.due_at,
                    handled_by=event["actor_id"] if event else request.assignee_id,
                    first_response_at=first_letter["created_at"] if first_letter else None,
                    decided_at=decided_at,
                    due_at_decision=_due_when_decided(request, decided_at) if decision else None,
                    outcome=_outcome(decision, event),
                    grounds=tuple(grounds[decision["pk"]]) if decision else (),
                    appeal_decisions=tuple(appeals[request.pk]),
                    appeal_deadlines=tuple(appeal_deadlines[request.pk]),
                    law=request.law,
                ),
            )
        )
    return facts


def _outcome(decision, event) -> str:
    if decision is None:
        return ""
    if decision["kind"] == "refusal":
        return "refused"
    if decision["kind"] == "rejection":
        return "rejected"
    return (event or {}).get("data", {}).get("outcome", "") or "full"


def transfers_out(*, body, date_from: date, date_to: date) -> Counter:
    """Transfers the body made in the period, per person who made them."""
    from foi.models import CaseEvent

    start, end = period_bounds(body.law, date_from, date_to)
    rows = CaseEvent.objects.filter(
        kind="transfer", created_at__gte=start, created_at__lt=end, data__from_body=body.pk
    ).values_list("actor_id", flat=True)
    return Counter(rows)
