"""What public statistics (``publicstats``) read of foi: the requests' facts, their transfers,
bodies, laws and exemptions, and the figures' one definition (``foi.stats.FIGURES``) they count
by. Nothing here filters by visibility: the statistics store facts of every sent request and
choose the public ones themselves (``publicstats.store``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import QuerySet

from foi.models import CaseEvent, Exemption, FOIRequest, Law, PublicBody
from foi.models.i18n import FALLBACK_ORDER, translated_fields
from foi.selectors.replies import (
    RECORDED_BY_CHOICES,
    decisions_recorded_by,
    unclassified_reply_count,
)
from foi.stats import (
    CLOCK_RUNNING,
    DUTIES,
    DUTY_CODES,
    FIGURES,
    HEADLINE,
    OUTCOME_LABELS,
    OUTCOMES,
    STATUS_LABELS,
    STATUSES,
    CaseFacts,
    DutyFact,
    Figure,
    duty_facts,
    duty_rate,
    facts_of,
    of_kind,
    share,
    working_days_between,
)

__all__ = [
    "CLOCK_RUNNING",
    "DUTIES",
    "DUTY_CODES",
    "FALLBACK_ORDER",
    "FIGURES",
    "HEADLINE",
    "OUTCOMES",
    "OUTCOME_LABELS",
    "RECORDED_BY_CHOICES",
    "STATUSES",
    "STATUS_LABELS",
    "CaseFacts",
    "DutyFact",
    "Figure",
    "body_laws",
    "case_facts_of",
    "decisions_recorded_by",
    "duty_facts",
    "duty_rate",
    "exemptions_by_code",
    "law_codes",
    "laws",
    "of_kind",
    "public_body_identities",
    "request_ids_changed_since",
    "requests_locked",
    "requests_with_facts",
    "sent_request_ids",
    "share",
    "transfers_of",
    "unclassified_reply_count",
    "very_overdue_before",
    "working_days_between",
]


def _sent(requests: QuerySet[FOIRequest]) -> QuerySet[FOIRequest]:
    """The requests that reached a body: the only ones with statistics."""
    return requests.exclude(state="draft").exclude(received_at=None)


def sent_request_ids() -> list[int]:
    """Every request that reached a body, by id."""
    return list(_sent(FOIRequest.objects.order_by("pk")).values_list("pk", flat=True))


def requests_with_facts(*, first_pk: int, last_pk: int) -> QuerySet[FOIRequest]:
    """The requests with ids from ``first_pk`` to ``last_pk``, with their law, by id."""
    requests = FOIRequest.objects.filter(pk__gte=first_pk, pk__lte=last_pk)
    return requests.select_related("law").order_by("pk")


def requests_locked(ids: Iterable[int]) -> QuerySet[FOIRequest]:
    """These requests with their law, by id, their rows locked (only their own: not their law's
    or body's) until the transaction ends, once evaluated."""
    return (
        FOIRequest.objects.select_for_update(of=("self",))
        .filter(pk__in=list(ids))
        .select_related("law")
        .order_by("pk")
    )


def request_ids_changed_since(since: datetime) -> list[int]:
    return list(FOIRequest.objects.filter(updated_at__gte=since).values_list("pk", flat=True))


def case_facts_of(requests: QuerySet[FOIRequest]) -> list[tuple[FOIRequest, CaseFacts]]:
    """``foi.stats.CaseFacts`` of each request of ``requests`` (with their law) that reached a
    body, in five queries."""
    sent = list(_sent(requests))
    if not sent:
        return []
    return facts_of(sent, FOIRequest.objects.filter(pk__in=[request.pk for request in sent]))


def transfers_of(request_ids: Iterable[int]) -> list[tuple[int, int, datetime, int]]:
    """(event id, request id, moment, id of the body it left) of each transfer of these
    requests."""
    events = (
        CaseEvent.objects.filter(kind="transfer", foi_request_id__in=list(request_ids))
        .values_list("pk", "foi_request_id", "created_at", "data")
        .order_by()
    )
    return [
        (pk, request_id, created_at, data["from_body"])
        for pk, request_id, created_at, data in events
        if (data or {}).get("from_body")
    ]


def body_laws(body_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Body id -> its law's id, for these bodies (None: every body)."""
    bodies = PublicBody.objects.all()
    if body_ids is not None:
        bodies = bodies.filter(pk__in=set(body_ids))
    return dict(bodies.values_list("pk", "law_id"))


def law_codes() -> dict[int, str]:
    return dict(Law.objects.values_list("pk", "code"))


def laws() -> list[Law]:
    """Every law (a handful), for its code and its very-overdue tier (``very_overdue_before``)."""
    return list(Law.objects.order_by("pk"))


def very_overdue_before(*, laws, now) -> dict[int, object]:
    """Law id -> the due moments before which an open request is very overdue ``now``; laws
    without the tier are left out. No query."""
    from foi import deadlines

    cutoffs = {}
    for law in laws:
        cutoff = deadlines.very_overdue_due_before(law, now=now)
        if cutoff is not None:
            cutoffs[law.pk] = cutoff
    return cutoffs


def public_body_identities(body_ids: Iterable[int]) -> dict[int, dict]:
    """Body id -> {"slug", "acronym", "law" (its code), "names" (language code -> name)}, in one
    query."""
    bodies = (
        PublicBody.objects.filter(pk__in=set(body_ids))
        .select_related("law")
        .only("slug", "acronym", *translated_fields("name"), "law__code")
    )
    return {
        body.pk: {
            "slug": body.slug,
            "acronym": body.acronym,
            "law": body.law.code,
            "names": {code: getattr(body, f"name_{code}") for code in FALLBACK_ORDER},
        }
        for body in bodies
    }


def exemptions_by_code(codes: Iterable[str]) -> dict[tuple[str, str], Exemption]:
    """(law code, exemption code) -> the exemption, for these codes: one query (none when there
    are no codes)."""
    codes = set(codes)
    if not codes:
        return {}
    exemptions = Exemption.objects.filter(code__in=codes).select_related("law")
    return {(exemption.law.code, exemption.code): exemption for exemption in exemptions}
