"""Reads, each already filtered by docs/permissions.md. Pages, the API, feeds, exports and the
search index ask these, never the models directly."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django_fsm import get_available_user_FIELD_transitions

from core import clock
from core import files as core_files
from core.errors import NotVisible
from foi import permissions
from foi.models import (
    Appeal,
    Attachment,
    CaseEvent,
    FOIRequest,
    Law,
    Membership,
    Message,
    PublicBody,
    State,
)
from foi.models.i18n import translated_fields
from foi.privacy import masking


def _sent_q() -> Q:
    """Requests that were sent to a body. A request that never was (a draft, or a draft
    withdrawn before discarding deleted drafts) is nobody's business but its requester's.
    ``submitted_at`` leads the list indexes, so this costs no extra read."""
    return ~Q(state=State.DRAFT) & Q(submitted_at__isnull=False)


def _public_q() -> Q:
    today = timezone.localdate(clock.now())
    return _sent_q() & (Q(visibility="public") | Q(private_until__lte=today))


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
            condition |= _sent_q() & (Q(body_id__in=bodies) | Exists(reviewing))
    return FOIRequest.objects.filter(condition)


def foi_request_party_qs(*, user) -> QuerySet[FOIRequest]:
    """Sent requests a person is a party to through a body: held by one of their bodies or
    appealed to one. What an agency's system (an OAuth client acting as its service account)
    sees: its body's own work, not the public's view of others'."""
    bodies = list(permissions.body_roles(user))
    if not bodies:
        return FOIRequest.objects.none()
    reviewing = Appeal.objects.filter(foi_request=OuterRef("pk"), reviewing_body_id__in=bodies)
    return FOIRequest.objects.filter(_sent_q() & (Q(body_id__in=bodies) | Exists(reviewing)))


def body_staff_list(*, body: PublicBody) -> list[Membership]:
    """The body's active officers and coordinators, by name: whom a request can be assigned to.
    Service accounts (no password: an agency system's OAuth client) are not people to assign."""
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

    return list(
        Membership.objects.filter(body=body, is_active=True, user__is_active=True)
        .exclude(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user_id")
    )


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
    """The timeline this person may see, with only the files they may see; for the public,
    with the requester's identity masked (``foi.privacy.masking``)."""
    audiences = audiences_for(foi_request=foi_request, user=user)
    # A redacted copy says what it withholds ("released in part"), from its Redaction.
    files = Attachment.objects.select_related("redaction").order_by("id")
    if audiences == ("public",):
        files = files.filter(approved=True)
    elif "internal" not in audiences:
        # Parties see unapproved files on parties' and public messages, not on internal ones,
        # and never the original of a redacted copy: what it withholds is withheld from them.
        files = files.exclude(message__audience="internal").exclude(redactions__isnull=False)
    else:
        # The body sees which files have a redacted copy, on the case page.
        files = files.select_related("redaction__original").prefetch_related("redactions")
    messages = list(
        Message.objects.filter(foi_request=foi_request, audience__in=audiences)
        .select_related("author", "from_body")
        .prefetch_related(Prefetch("attachments", queryset=files))
        .order_by("created_at", "id")
    )
    if audiences == ("public",):
        # The public never reads the requester's identity, even where someone typed it in.
        masking.mask_messages(messages, masking.requester_identifiers(foi_request))
        # Nor an e-mail's addresses, nor the mark of a sender the body is not known to write
        # from (for the parties to judge), on an e-mail an officer made public.
        for message in messages:
            message.email_from = message.email_to = ""
            message.sender_unknown = False
    return messages


def message_get(*, foi_request: FOIRequest, message_id: int, user) -> Message:
    """One message of the request, if this person may see it; NotVisible otherwise."""
    message = Message.objects.filter(
        pk=message_id,
        foi_request=foi_request,
        audience__in=audiences_for(foi_request=foi_request, user=user),
    ).first()
    if message is None:
        raise NotVisible("No such message.")
    return message


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
    return (
        foi_request_public_qs()
        .select_related("body", "requester")
        .order_by("-submitted_at")[:limit]
    )


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


def clock_now():
    return clock.now()


# -- The citizen portal: the body directory, browsing, filing, the dashboard -----------------


def public_body_search(*, query: str = "", kind: str | None = None) -> list[PublicBody]:
    """Active bodies whose name in az, en or ru, or acronym, contains every word typed, case and
    Azerbaijani letters folded (``ictimai`` finds ``İctimai``, ``seher`` finds ``Şəhər``).

    Matching runs in Python over the few hundred bodies, so SQLite and PostgreSQL agree. Names
    starting with the query come first, then by name in the reader's language.
    """
    from core import textfold

    bodies = sorted(public_body_list(kind=kind or None), key=lambda body: textfold.fold(body.name))
    query = (query or "").strip()
    if not query:
        return bodies
    folded = textfold.fold(query)
    found = []
    for body in bodies:
        names = [body.name_az, body.name_en, body.name_ru, body.acronym]
        if textfold.matches(query, *names):
            starts = any(textfold.fold(name).startswith(folded) for name in names if name)
            found.append((0 if starts else 1, body))
    return [body for _rank, body in sorted(found, key=lambda pair: pair[0])]


def public_body_get(*, slug: str) -> PublicBody:
    """Any body, active or not: a body that no longer takes requests keeps its public record."""
    body = PublicBody.objects.select_related("law", "parent").filter(slug=slug).first()
    if body is None:
        raise NotVisible("No such body.")
    return body


def public_request_counts_by_body(*, body_ids) -> dict[int, int]:
    rows = (
        foi_request_public_qs()
        .filter(body_id__in=list(body_ids))
        .values("body_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["body_id"]: row["n"] for row in rows}


def public_body_counts_by_state(*, body: PublicBody) -> dict[str, int]:
    rows = (
        foi_request_public_qs().filter(body=body).values("state").annotate(n=Count("id")).order_by()
    )
    return {row["state"]: row["n"] for row in rows}


def foi_request_public_of_body(*, body: PublicBody, limit: int = 10) -> QuerySet[FOIRequest]:
    return (
        foi_request_public_qs()
        .filter(body=body)
        .select_related("body", "requester", "law")
        .order_by("-submitted_at", "-pk")[:limit]
    )


def overdue_q(*, now=None) -> Q:
    """Requests whose body's clock runs and whose due moment has passed (``is_overdue``)."""
    from foi.models import OPEN_STATES

    return Q(state__in=OPEN_STATES, due_at__lt=now or clock.now())


def very_overdue_q(*, now=None) -> Q:
    """Requests past their law's very-overdue tier (``conditions.is_very_overdue``), as a
    filter: per law with a tier, the due moments before its cut-off (one query for the laws)."""
    from foi import deadlines
    from foi.models import OPEN_STATES, Law

    now = now or clock.now()
    per_law = Q(pk__in=[])
    for law in Law.objects.exclude(very_overdue_after_working_days=None):
        per_law |= Q(law=law, due_at__lt=deadlines.very_overdue_due_before(law, now=now))
    return Q(state__in=OPEN_STATES) & per_law


# The deadline filter of the request list.
LATENESS = ("overdue", "very_overdue")

BROWSE_SORTS = {
    "newest": ("-submitted_at", "-pk"),
    "oldest": ("submitted_at", "pk"),
    "due": ("due_at", "pk"),
    "updated": ("-updated_at", "-pk"),
}


def foi_request_browse(
    *,
    user,
    body: str = "",
    state: str = "",
    outcome: str = "",
    year: int | None = None,
    sort: str = "newest",
    late: str = "",
) -> QuerySet[FOIRequest]:
    """The request list: what this person may see (never drafts), filtered and sorted."""
    from foi.models import Outcome

    requests = foi_request_visible_qs(user=user).exclude(state=State.DRAFT)
    if body:
        requests = requests.filter(body__slug=body)
    if state in State.values:
        requests = requests.filter(state=state)
    if outcome in Outcome.values:
        requests = requests.filter(outcome=outcome)
    if year:
        requests = requests.filter(submitted_at__year=year)
    if late == "overdue":
        requests = requests.filter(overdue_q())
    elif late == "very_overdue":
        requests = requests.filter(very_overdue_q())
    order = BROWSE_SORTS.get(sort, BROWSE_SORTS["newest"])
    # The law too: a row's "very overdue" tag counts its law's working days.
    return requests.select_related("body", "requester", "law").order_by(*order)


def foi_request_years() -> list[int]:
    """The years from the first public request's to the last one's, newest first (two index
    lookups; listing the distinct years would read every request)."""
    public = foi_request_public_qs().exclude(submitted_at=None).order_by()
    first = public.order_by("submitted_at").values_list("submitted_at", flat=True).first()
    last = public.order_by("-submitted_at").values_list("submitted_at", flat=True).first()
    if first is None:
        return []
    first_year, last_year = timezone.localtime(first).year, timezone.localtime(last).year
    return list(range(last_year, first_year - 1, -1))


def foi_request_public_feed(*, body: PublicBody | None = None, limit: int = 30):
    requests = foi_request_public_qs()
    if body is not None:
        requests = requests.filter(body=body)
    # The requester too: a feed masks their identity in each entry (foi.privacy.masking).
    return requests.select_related("body", "requester").order_by("-submitted_at", "-pk")[:limit]


def foi_request_public_get(*, reference: str) -> FOIRequest:
    """A request as the public sees it, whoever asks: for feeds, which are public documents."""
    foi_request = (
        foi_request_public_qs()
        .select_related("law", "body", "requester")
        .filter(reference=reference)
        .first()
    )
    if foi_request is None:
        raise NotVisible("No such request.")
    return foi_request


def appeal_list(*, foi_request: FOIRequest) -> list[Appeal]:
    """The appeals on a request its viewer may already see (appeals are public with it)."""
    return list(
        Appeal.objects.filter(foi_request=foi_request)
        .select_related("level", "reviewing_body")
        .order_by("lodged_at", "id")
    )


def appeal_options(*, foi_request: FOIRequest, now=None) -> list[dict]:
    """The levels open now, each with the last moment to lodge it (None: no time limit)."""
    from foi import appeal_route, deadlines

    now = now or clock.now()
    levels = appeal_route.available_levels(foi_request, now=now)
    if not levels:
        return []
    decided_at = appeal_route._decision_moment(
        foi_request, appeal_route.current_round(foi_request), now
    )
    return [
        {
            "level": level,
            "lodge_by": deadlines.appeal_lodge_deadline(
                foi_request.law, level, decided_at=decided_at
            ),
        }
        for level in levels
    ]


def invoked_exemptions_of_last_decision(*, foi_request: FOIRequest) -> list:
    """The grounds the body gave in its latest refusal or partial answer (public)."""
    from foi.models import InvokedExemption

    message = (
        Message.objects.filter(
            foi_request=foi_request,
            audience="public",
            invoked_exemptions__isnull=False,
        )
        .order_by("-created_at", "-id")
        .first()
    )
    if message is None:
        return []
    return list(
        InvokedExemption.objects.filter(message=message).select_related("exemption").order_by("id")
    )


def law_list() -> list[Law]:
    """Every law, for the index of the laws' pages (law data is public)."""
    return list(Law.objects.order_by("code"))


def law_get(*, code: str) -> Law:
    """A law with its grounds for withholding (each with its advice) and its appeal route."""
    law = (
        Law.objects.filter(code=code)
        .prefetch_related("exemptions", "appeal_levels__reviewer_body")
        .first()
    )
    if law is None:
        raise NotVisible(gettext("No law has the code %(code)s.") % {"code": code[:20]})
    return law


def _prime_appeal_caches(foi_request: FOIRequest) -> None:
    """Fill what appeal_route and permissions memoise from prefetched appeals (no queries)."""
    appeals = sorted(foi_request.appeals.all(), key=lambda appeal: (appeal.lodged_at, appeal.pk))
    foi_request._appeal_list = appeals
    pending = [appeal for appeal in appeals if appeal.decided_at is None]
    foi_request._open_appeal = pending[-1] if pending else False


def foi_request_list_of_requester(*, user) -> QuerySet[FOIRequest]:
    """Everything a person asked for, drafts included, newest first."""
    if not permissions.is_person(user):
        return FOIRequest.objects.none()
    return (
        FOIRequest.objects.filter(requester=user)
        .select_related("body", "law")
        .prefetch_related(
            Prefetch("appeals", queryset=Appeal.objects.select_related("level")),
            "law__appeal_levels",
        )
        .order_by("-updated_at", "-pk")
    )


def requester_actions(*, foi_requests, user) -> dict[int, list[str]]:
    """Available transitions for each of a page of requests, without a query per request."""
    result = {}
    for foi_request in foi_requests:
        _prime_appeal_caches(foi_request)
        result[foi_request.pk] = available_actions(foi_request=foi_request, user=user)
    return result


def foi_request_draft_get(*, pk: int, user) -> FOIRequest:
    """A draft of this person's; NotVisible otherwise (a draft is nobody else's business)."""
    foi_request = (
        FOIRequest.objects.select_related("law", "body", "requester").filter(pk=pk).first()
    )
    if foi_request is None or not permissions.is_requester(foi_request, user):
        raise NotVisible("No such draft.")
    return foi_request


def foi_request_last_of_requester(*, user) -> FOIRequest | None:
    """The person's latest request, whose choices (public name, access) a new one starts from."""
    if not permissions.is_person(user):
        return None
    return FOIRequest.objects.filter(requester=user).order_by("-created_at", "-pk").first()


def follow_of(*, user, foi_request: FOIRequest | None = None, body: PublicBody | None = None):
    """This person's follow of the request or body, or None."""
    from foi.models import Follow

    if not permissions.is_person(user):
        return None
    target = {"foi_request": foi_request} if foi_request is not None else {"body": body}
    return Follow.objects.filter(user=user, **target).first()


def followed_requests_of(*, user) -> list[FOIRequest]:
    """Requests this person follows and may still see."""
    from foi.models import Follow

    if not permissions.is_person(user):
        return []
    ids = Follow.objects.filter(user=user, foi_request__isnull=False).values("foi_request_id")
    return list(
        foi_request_visible_qs(user=user)
        .filter(pk__in=ids)
        .exclude(state=State.DRAFT)
        .select_related("body", "requester")
        .order_by("-updated_at", "-pk")
    )


def followed_bodies_of(*, user) -> list[PublicBody]:
    from foi.models import Follow

    if not permissions.is_person(user):
        return []
    ids = Follow.objects.filter(user=user, body__isnull=False).values("body_id")
    return sorted(PublicBody.objects.filter(pk__in=ids), key=lambda body: body.name)


SIMILAR_CANDIDATES = 400
# Words nearly every request shares; matching on them would make everything "similar".
_COMMON_WORDS = frozenset(
    " ".join(
        [
            "please send copy copies information request requests report reports provide would",
            "like data about with from that this have which year years under kindly asking dear",
            "thank xahis edirem melumat melumatin melumati barede haqqinda ucun olan zehmet",
            "gonderin teqdim sorgu sorgunun ilde ilin ilinde прошу предоставить информацию",
            "информации информация данные копию просьба года году",
        ]
    ).split()
)


def _stems(text: str) -> set[str]:
    """Folded words of four letters or more, cut to five so that Azerbaijani endings
    (``büdcə``, ``büdcənin``, ``büdcəsi``) meet."""
    from core import textfold

    return {
        word[:5]
        for word in textfold.words(text)
        if len(word) >= 4 and not word.isdigit() and word not in _COMMON_WORDS
    }


def similar_answered_requests(
    *, text: str, body: PublicBody | None = None, limit: int = 5
) -> list[FOIRequest]:
    """Public requests that were answered or refused and share words with ``text``: shown
    before someone files, in case the answer is already public.

    ``settings.FOI_SIMILAR_REQUESTS_FINDER`` (a dotted path) hands this to the search app,
    called with the same keyword arguments; otherwise a simple scoring of shared words over the
    latest answered requests runs here (subject words count double; the same body breaks ties).
    """
    from django.conf import settings
    from django.db.models.functions import Substr
    from django.utils.module_loading import import_string

    finder = getattr(settings, "FOI_SIMILAR_REQUESTS_FINDER", "")
    if finder:
        return list(import_string(finder)(text=text, body=body, limit=limit))
    wanted = _stems(text)
    if not wanted or limit <= 0:
        return []
    candidates = (
        foi_request_public_qs()
        .exclude(outcome="")
        .annotate(excerpt=Substr("text", 1, 2000))
        .order_by("-submitted_at", "-pk")
        .values_list("pk", "subject", "excerpt", "body_id")[:SIMILAR_CANDIDATES]
    )
    scored = []
    for position, (pk, subject, excerpt, body_id) in enumerate(candidates):
        in_subject = wanted & _stems(subject)
        in_text = (wanted & _stems(excerpt)) - in_subject
        score = 2 * len(in_subject) + len(in_text)
        if score == 0:
            continue
        same_body = body is not None and body_id == body.pk
        scored.append((-score, not same_body, position, pk))
    best = [pk for *_key, pk in sorted(scored)[:limit]]
    found = FOIRequest.objects.filter(pk__in=best).select_related("body", "requester")
    by_pk = {foi_request.pk: foi_request for foi_request in found}
    return [by_pk[pk] for pk in best if pk in by_pk]


def similar_disclosures(*, text: str, body: PublicBody | None = None, limit: int = 3) -> list:
    """Published proactive disclosures like ``text``, shown beside similar requests before
    someone files: the information may already be public. foi knows no disclosures itself:
    ``settings.FOI_SIMILAR_DISCLOSURES_FINDER`` (a dotted path, the search app's by default)
    finds them and returns items with ``title``, ``url``, ``date`` and ``summary``; empty,
    none are suggested."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    finder = getattr(settings, "FOI_SIMILAR_DISCLOSURES_FINDER", "")
    if not finder or not (text or "").strip():
        return []
    return list(import_string(finder)(text=text, body=body, limit=limit))


def public_body_choices() -> list[PublicBody]:
    """Every body, active or not, by name in the reader's language: for filters."""
    from core import textfold

    bodies = PublicBody.objects.only("slug", *translated_fields("name"))
    return sorted(bodies, key=lambda body: textfold.fold(body.name))


def body_answers_through_portal(body: PublicBody) -> bool:
    """Whether a body acts on its requests in Sorğu (an active officer or coordinator with an
    active account) or by e-mail, where its moves are recorded from its letters."""
    return Membership.objects.filter(body=body, is_active=True, user__is_active=True).exists()


# -- bodies' e-mailed letters waiting to be recorded (foi.services.letters) ------------------


def _body_letters(foi_request: FOIRequest) -> QuerySet[Message]:
    return Message.objects.filter(
        foi_request=foi_request,
        kind="email_in",
        from_body__isnull=False,
        sender_unknown=False,
    ).select_related("from_body")


def letter_awaits_classification(message: Message) -> bool:
    """A body's e-mailed reply nobody has said what it is yet, from a body that answers by
    e-mail (a body in Sorğu records its moves itself)."""
    return (
        message.kind == "email_in"
        and message.from_body_id is not None
        and not message.sender_unknown
        and not message.classified_as
        and not body_answers_through_portal(message.from_body)
    )


def letters_to_classify(*, foi_request: FOIRequest, user) -> list[Message]:
    """The letters this person is asked to say what they are: the requester's and the
    moderators' banner on the case page. Oldest first."""
    if not permissions.can_classify_letters(foi_request, user):
        return []
    letters = _body_letters(foi_request).filter(classified_as="").order_by("created_at", "id")
    # From the body holding the request, or the body reviewing its open appeal.
    appeal = permissions.reviewing_appeal(foi_request)
    speaking_for = {foi_request.body_id, appeal.reviewing_body_id if appeal else None}
    answers: dict[int, bool] = {}
    waiting = []
    for letter in letters:
        if letter.from_body_id not in speaking_for:
            continue
        if letter.from_body_id not in answers:
            answers[letter.from_body_id] = body_answers_through_portal(letter.from_body)
        if not answers[letter.from_body_id]:
            waiting.append(letter)
    return waiting


def letter_for_classification_get(*, foi_request: FOIRequest, message_id: int, user) -> Message:
    """A body's e-mailed letter on this request, with its files, for whoever may say what it
    is (the requester; a moderator, who reads it here even when not a party). NotPermitted
    for anyone else; NotVisible when there is no such letter on the request."""
    from core.errors import NotPermitted

    if not permissions.can_classify_letters(foi_request, user):
        raise NotPermitted(
            gettext("Only the requester and the moderators may say what a body's letter is.")
        )
    letter = (
        _body_letters(foi_request)
        .filter(pk=message_id)
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("id")))
        .first()
    )
    if letter is None:
        raise NotVisible(gettext("There is no such message on this request."))
    return letter


def transfer_targets(*, foi_request: FOIRequest) -> QuerySet[PublicBody]:
    """Bodies a request may be forwarded to: active and under the same law."""
    return PublicBody.objects.filter(is_active=True, law_id=foi_request.law_id).order_by("name_az")


def attachment_for_publication_get(*, foi_request: FOIRequest, attachment_id: int, user):
    """A file on this request that this person sees and may publish, for the warning screen.
    NotVisible when they do not see it; NotPermitted when they may not publish it."""
    from core.errors import NotPermitted

    attachment = attachment_visible_get(
        foi_request=foi_request, attachment_id=attachment_id, user=user
    )
    if attachment is None:
        raise NotVisible(gettext("There is no such file on this request."))
    if not (
        permissions.can_publish_letter_file(foi_request, user)
        or permissions.can_approve_attachment(foi_request, user)
    ):
        raise NotPermitted(gettext("You may not publish files on this request."))
    return Attachment.objects.select_related("message").get(pk=attachment.pk)


OCR_NOT_NEEDED = "not_needed"


def attachment_ocr_progress(attachment: Attachment) -> dict:
    """Where reading a file's text stands (``foi.services.ocr``), as the API, the case file and
    the case page's status script give it: ``status`` (pending, running, done, failed,
    unavailable, or not_needed for a file with a text layer or not a scan) and the pages read
    of the pages to read. Nothing of the text or of the failure's reason: the caller has
    already decided the person sees the file."""
    return {
        "status": attachment.ocr_status or OCR_NOT_NEEDED,
        "pages_done": attachment.ocr_pages_done,
        "pages_total": attachment.ocr_pages_total,
    }


def _letter_files_q() -> Q:
    """Files that came with a body's e-mailed letter, and their copies on the entry recorded
    from it: what a moderator reads and publishes without being a party."""
    letter = Q(message__kind="email_in", message__from_body__isnull=False)
    return (letter | Q(message__recorded_from__isnull=False)) & ~Q(message__audience="internal")


def attachment_visible_get(*, foi_request: FOIRequest, attachment_id: int, user):
    """One file of the request as this person may see it (its name masked for the public),
    or None: those on the messages they see (``message_list``), and for a moderator also the
    files of bodies' e-mailed letters, which they read to record and publish them."""
    visible = {
        attachment.pk: attachment
        for message in message_list(foi_request=foi_request, user=user)
        for attachment in message.attachments.all()
    }
    found = visible.get(int(attachment_id))
    if found is None and permissions.is_moderator(user):
        found = (
            Attachment.objects.filter(_letter_files_q(), message__foi_request=foi_request)
            .filter(pk=int(attachment_id))
            .first()
        )
    return found


def letter_files_to_publish(*, foi_request: FOIRequest, user) -> list[Attachment]:
    """Files of the entries recorded from bodies' letters, not yet published, for whoever may
    publish them (``permissions.can_publish_letter_file``): the case page lists them."""
    if not permissions.can_publish_letter_file(foi_request, user):
        return []
    return list(
        Attachment.objects.filter(
            message__foi_request=foi_request,
            message__recorded_from__isnull=False,
            message__audience="public",
            approved=False,
        )
        .exclude(content_type=core_files.ZIP)
        .annotate(**_redaction_marks())
        .select_related("message")
        .order_by("id")
    )


def _redaction_marks() -> dict:
    """``has_copy``: the file has a redacted copy (it is never published); ``is_copy``: it is
    one. The case page and the moderators' list offer "Redact" on the others."""
    from foi.models import Redaction

    return {
        "has_copy": Exists(Redaction.objects.filter(original=OuterRef("pk"))),
        "is_copy": Exists(Redaction.objects.filter(redacted=OuterRef("pk"))),
    }


def offers_redaction(attachment: Attachment) -> bool:
    """Whether a listed letter file (annotated by ``_redaction_marks``) may be redacted: of a
    kind that can be, neither a copy nor the original of one."""
    from foi.services.redactions import REDACTABLE_KINDS

    return (
        attachment.content_type in REDACTABLE_KINDS
        and not attachment.has_copy
        and not attachment.is_copy
    )


def moderator_letter_files(*, user) -> QuerySet[Attachment]:
    """The moderators' list of files from bodies' e-mailed replies nobody has published yet
    (on the entries recorded from the letters), oldest first. NotPermitted for anyone else."""
    from core.errors import NotPermitted

    if not permissions.is_moderator(user):
        raise NotPermitted(gettext("Only moderators see the files waiting to be published."))
    return (
        Attachment.objects.filter(
            message__recorded_from__isnull=False, message__audience="public", approved=False
        )
        .exclude(content_type=core_files.ZIP)
        .annotate(**_redaction_marks())
        .select_related("message__foi_request", "message__recorded_from__from_body")
        .order_by("id")
    )


# Bodies' e-mailed replies waiting to be classified (issue 19); at the end, as the module
# imports this package's own public reads.
# The working calendar's declared days and a person's calendar feed (issue 24).
# Suggestions of bodies and corrections, and a body's contact history (issue 24).
# Batch requests: one letter to many bodies (issue 24).
from foi.selectors.batches import (  # noqa: E402, F401
    batch_figures,
    batch_followed_count,
    batch_get,
    batch_pending_queue,
    batch_requests,
    batches_of,
)
from foi.selectors.body_suggestions import (  # noqa: E402, F401
    body_contact_history,
    body_suggestion_get,
    body_suggestion_queue,
)
from foi.selectors.calendars import (  # noqa: E402, F401
    FeedEntry,
    calendar_feed_entries,
    calendar_feed_owner,
    calendar_feed_token_of,
    declared_day_list,
    declared_days_snapshot,
)
from foi.selectors.letter_templates import (  # noqa: E402, F401
    letter_template_bodies,
    letter_template_filled,
    letter_template_for_action,
    letter_template_get,
    letter_template_list,
    letter_template_values,
    letter_templates_for_action,
)
from foi.selectors.replies import (  # noqa: E402, F401
    decision_recorded_by_of,
    decisions_recorded_by,
    moderator_reply_get,
    moderator_reply_queue,
    recorded_by,
    replies_waiting,
    replies_waiting_older_than,
    replies_waiting_summary,
    reply_waiting,
    request_ids_with_reply_waiting,
    suggestions_of,
    unclassified_reply_count,
    with_decision_recorded_by,
)
