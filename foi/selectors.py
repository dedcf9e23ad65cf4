"""Reads, each already filtered by PERMISSIONS.md. Pages, the API, feeds, exports and the
search index ask these, never the models directly."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django_fsm import get_available_user_FIELD_transitions

from foi import clock, permissions
from foi.models import (
    Appeal,
    Attachment,
    CaseEvent,
    FOIRequest,
    Message,
    PublicBody,
    State,
)
from foi.services.errors import NotVisible


def _public_q() -> Q:
    today = timezone.localdate(clock.now())
    return ~Q(state=State.DRAFT) & (Q(visibility="public") | Q(private_until__lte=today))


def foi_request_public_qs() -> QuerySet[FOIRequest]:
    """What anonymous visitors, feeds, sitemaps, statistics and search indexes may see."""
    return FOIRequest.objects.filter(_public_q())


def foi_request_visible_qs(*, user) -> QuerySet[FOIRequest]:
    if permissions.is_person(user) and user.is_superuser:
        return FOIRequest.objects.all()
    condition = _public_q()
    if permissions.is_person(user):
        condition |= Q(requester=user)
        bodies = list(permissions.body_roles(user))
        if bodies:
            reviewing = Appeal.objects.filter(
                foi_request=OuterRef("pk"), reviewing_body_id__in=bodies
            )
            condition |= ~Q(state=State.DRAFT) & (Q(body_id__in=bodies) | Exists(reviewing))
    return FOIRequest.objects.filter(condition)


def foi_request_get(*, reference: str, user) -> FOIRequest:
    """The request if this person may see it; NotVisible (404) otherwise, hiding its existence."""
    foi_request = (
        FOIRequest.objects.select_related("law", "body", "requester", "assignee")
        .filter(reference=reference)
        .first()
    )
    if foi_request is None or not permissions.can_view_request(foi_request, user):
        raise NotVisible("No such request.")
    return foi_request


def audiences_for(*, foi_request: FOIRequest, user) -> tuple[str, ...]:
    if permissions.can_see_internal(foi_request, user):
        return ("public", "parties", "internal")
    if permissions.is_party(foi_request, user):
        return ("public", "parties")
    return ("public",)


def message_list(*, foi_request: FOIRequest, user) -> list[Message]:
    """The timeline this person may see, with only the files they may see."""
    audiences = audiences_for(foi_request=foi_request, user=user)
    files = Attachment.objects.order_by("id")
    if audiences == ("public",):
        files = files.filter(approved=True)
    elif "internal" not in audiences:
        # Parties see unapproved files on parties' and public messages, not on internal ones.
        files = files.exclude(message__audience="internal")
    return list(
        Message.objects.filter(foi_request=foi_request, audience__in=audiences)
        .select_related("author", "from_body")
        .prefetch_related(Prefetch("attachments", queryset=files))
        .order_by("created_at", "id")
    )


def case_event_list(*, foi_request: FOIRequest, user) -> list[CaseEvent]:
    audiences = audiences_for(foi_request=foi_request, user=user)
    if permissions.is_person(user) and user.is_superuser:
        audiences = ("public", "parties", "internal")
    elif permissions.is_reviewer(foi_request, user) or permissions.is_requester(foi_request, user):
        # They see that internal notes exist on the trail, never what they say
        # (note events carry no text; the note itself is an internal message).
        audiences = ("public", "parties", "internal")
    return list(
        CaseEvent.objects.filter(foi_request=foi_request, audience__in=audiences)
        .select_related("actor")
        .order_by("seq")
    )


def available_actions(*, foi_request: FOIRequest, user) -> list[str]:
    """The transitions this person may take now: what every button and API list shows."""
    if not permissions.is_person(user):
        return []
    field = FOIRequest._meta.get_field("state")
    return [t.name for t in get_available_user_FIELD_transitions(foi_request, user, field)]


def public_body_list(*, kind: str | None = None) -> QuerySet[PublicBody]:
    bodies = PublicBody.objects.filter(is_active=True).select_related("law", "parent")
    return bodies.filter(kind=kind) if kind else bodies


def public_counts_by_state() -> dict[str, int]:
    rows = foi_request_public_qs().values("state").annotate(n=Count("id")).order_by()
    return {row["state"]: row["n"] for row in rows}


def foi_request_latest_public(*, limit: int = 10) -> QuerySet[FOIRequest]:
    return foi_request_public_qs().select_related("body").order_by("-submitted_at")[:limit]


def followers_of(*, foi_request: FOIRequest) -> QuerySet:
    """People to tell of a request's public events: its followers and its body's followers,
    each once, who may still see it (a request made private loses its outside followers)."""
    from django.contrib.auth import get_user_model

    from foi.models import Follow

    user_ids = Follow.objects.filter(
        Q(foi_request=foi_request) | Q(body_id=foi_request.body_id)
    ).values("user_id")
    people = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    if foi_request.is_public:
        return people
    insiders = [person.pk for person in people if permissions.can_view_request(foi_request, person)]
    return people.filter(pk__in=insiders)


def follows_of(*, user) -> QuerySet:
    from foi.models import Follow

    return Follow.objects.filter(user=user).select_related("foi_request", "body")


def clock_now():
    return clock.now()
