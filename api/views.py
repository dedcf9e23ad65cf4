"""The API's endpoints. Thin: parse, ask a selector or call one service, serialise.

Refusals are the services' own (``core.errors``); ``errors.exception_handler`` turns
each into its status and one sentence.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import (
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api import actions as action_table
from api import serializers as s
from api.clients import ClientScopes, is_client
from api.schema import (
    ERROR_400,
    ERROR_401,
    ERROR_403,
    ERROR_404,
    ERROR_409,
    ERROR_429,
    ERROR_503,
)
from core.errors import InvalidInput, NotVisible, TransitionNotAllowed
from core.inputs import parse_int
from foi import permissions, selectors, services
from foi.models import BodyKind, FOIRequest, Law, Outcome, PublicBody, State
from foi.privacy import masking


class ApiView(GenericAPIView):
    """Refuses a NUL character in the address or the query string: no database stores one
    (PostgreSQL raises), so it can only be a mistake or a probe."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        values = [*request.query_params.values(), *(str(v) for v in kwargs.values())]
        if any("\x00" in value for value in values):
            raise ValidationError(_("The address contains a NUL character."))


# -- laws --------------------------------------------------------------------------------------


def _law_queryset():
    return Law.objects.prefetch_related("exemptions", "appeal_levels__reviewer_body").order_by(
        "code"
    )


class LawListView(ApiView):
    serializer_class = s.LawSerializer
    pagination_class = None

    @extend_schema(
        operation_id="laws_list",
        tags=["laws"],
        summary="The laws",
        responses={200: s.LawSerializer(many=True), 400: ERROR_400},
    )
    def get(self, request):
        return Response(s.LawSerializer(Law.objects.order_by("code"), many=True).data)


class LawDetailView(ApiView):
    serializer_class = s.LawDetailSerializer

    @extend_schema(
        tags=["laws"],
        summary="One law: its clock rules, exemption grounds and appeal route",
        responses={200: s.LawDetailSerializer, 400: ERROR_400, 404: ERROR_404},
    )
    def get(self, request, code):
        law = _law_queryset().filter(code=code).first()
        if law is None:
            raise NotFound(_("No law has the code %(code)s.") % {"code": code[:20]})
        return Response(s.LawDetailSerializer(law).data)


# -- bodies ------------------------------------------------------------------------------------


class BodyListView(ApiView):
    serializer_class = s.BodySerializer

    @extend_schema(
        operation_id="bodies_list",
        tags=["bodies"],
        summary="Active public bodies",
        parameters=[
            OpenApiParameter(
                "q", str, description="Words of the name (az, en or ru) or acronym; any case."
            ),
            OpenApiParameter("kind", str, enum=BodyKind.values),
        ],
        responses={200: s.BodySerializer(many=True), 400: ERROR_400, 404: ERROR_404},
    )
    def get(self, request):
        kind = request.query_params.get("kind", "")
        if kind and kind not in BodyKind.values:
            raise ValidationError(
                {"kind": [_("There is no kind of body called %(kind)s.") % {"kind": kind[:30]}]}
            )
        bodies = selectors.public_body_search(query=request.query_params.get("q", ""), kind=kind)
        page = self.paginate_queryset(bodies)
        return self.get_paginated_response(s.BodySerializer(page, many=True).data)


class BodyDetailView(ApiView):
    serializer_class = s.BodyDetailSerializer

    @extend_schema(
        tags=["bodies"],
        summary="One public body",
        responses={200: s.BodyDetailSerializer, 400: ERROR_400, 404: ERROR_404},
    )
    def get(self, request, slug):
        return Response(s.BodyDetailSerializer(selectors.public_body_get(slug=slug)).data)


class BodyOfficersView(ApiView):
    serializer_class = s.OfficerSerializer
    oauth_scopes = {"GET": "officers:read"}

    @extend_schema(
        operation_id="bodies_officers_list",
        tags=["bodies"],
        summary="The body's officers and coordinators, to assign requests to",
        description=(
            "For the body's own officers and coordinators, and its client applications with "
            "the scope officers:read: each person's id (the `assignee` of the assign action), "
            "name and role. Never their e-mail. Anyone else: 403."
        ),
        responses={
            200: s.OfficerSerializer(many=True),
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def get(self, request, slug):
        body = selectors.public_body_get(slug=slug)
        if not request.user.is_authenticated:
            raise NotAuthenticated()
        if not (request.user.is_superuser or permissions.is_member(request.user, body.pk)):
            raise PermissionDenied(_("Only the body's own officers may list its staff."))
        page = self.paginate_queryset(selectors.body_staff_list(body=body))
        return self.get_paginated_response(s.OfficerSerializer(page, many=True).data)


# -- requests ----------------------------------------------------------------------------------


def get_request(request, reference: str):
    """The request if the caller may see it (NotVisible, a 404, otherwise). A client application
    sees only its own body's work: requests held by its body or appealed to it."""
    foi_request = selectors.foi_request_get(reference=reference, user=request.user)
    if is_client(request) and not permissions.is_party(foi_request, request.user):
        raise NotVisible("No such request.")
    return foi_request


def request_representation(foi_request, user) -> dict:
    """The request as this person may see it: the case page's facts, as data."""
    messages = selectors.message_list(foi_request=foi_request, user=user)
    show_contact = permissions.can_see_contact_details(foi_request, user)
    internal = permissions.can_see_internal(foi_request, user)
    data = dict(s.RequestSerializer(foi_request).data)
    # The messages come masked for the public from the selector; the request's own words too.
    identifiers = None if show_contact else masking.requester_identifiers(foi_request)
    data["subject"] = masking.mask_text(foi_request.subject, identifiers)
    requester = foi_request.requester
    contact = None
    if show_contact:
        contact = {
            "name": requester.get_full_name(),
            "email": requester.email if requester.has_account else "",
            "phone": requester.phone,
            "postal_address": requester.postal_address,
            "organisation": requester.organisation,
            "account_closed": not requester.is_active,
        }
    assignee = foi_request.assignee if internal else None
    data.update(
        {
            "text": masking.mask_text(foi_request.text, identifiers),
            "law": foi_request.law.code,
            "urgency": foi_request.urgency,
            "access_form": foi_request.access_form,
            "visibility": foi_request.visibility,
            "private_until": foi_request.private_until.isoformat()
            if foi_request.private_until
            else None,
            "due_explanation": s.due_explanation(foi_request),
            "version": foi_request.version,
            "requester_contact": contact,
            "assignee": {"id": assignee.pk, "name": str(assignee)} if assignee else None,
            "appeals": s.AppealSerializer(
                selectors.appeal_list(foi_request=foi_request), many=True
            ).data,
            "fee": s.fee_of(foi_request),
            "messages": s.MessageSerializer(
                messages, many=True, context={"reference": foi_request.reference}
            ).data,
            "actions": selectors.available_actions(foi_request=foi_request, user=user)
            + (
                [action_table.CLASSIFY]
                if selectors.letters_to_classify(foi_request=foi_request, user=user)
                else []
            )
            + ([action_table.FEE_CLASS] if _may_class_fee(foi_request, user) else []),
        }
    )
    return data


def _may_class_fee(foi_request, user) -> bool:
    from foi.services.fees import CLASSABLE_STATES

    return (
        foi_request.law.fees_apply
        and foi_request.state in CLASSABLE_STATES
        and permissions.is_person(user)
        and permissions.can_record_fee_class(foi_request, user)
    )


REQUEST_FILTERS = [
    OpenApiParameter("body", str, description="A body's slug."),
    OpenApiParameter("state", str, enum=[v for v in State.values if v != State.DRAFT]),
    OpenApiParameter("outcome", str, enum=Outcome.values),
    OpenApiParameter("year", int, description="The year it was sent."),
    OpenApiParameter("q", str, description="Words in the subject or text."),
]


def _request_filters(params) -> dict:
    """The list's filters, each checked: a value that cannot be is a 400 with a sentence."""
    errors = {}
    body = params.get("body", "").strip()
    if body and not PublicBody.objects.filter(slug=body).exists():
        errors["body"] = [_("There is no body called %(slug)s.") % {"slug": body[:60]}]
    state = params.get("state", "")
    if state and (state not in State.values or state == State.DRAFT):
        errors["state"] = [_("There is no state called %(state)s.") % {"state": state[:30]}]
    outcome = params.get("outcome", "")
    if outcome and outcome not in Outcome.values:
        errors["outcome"] = [
            _("There is no outcome called %(outcome)s.") % {"outcome": outcome[:30]}
        ]
    year_text = params.get("year", "").strip()
    year = None
    if year_text:
        year = parse_int(year_text, minimum=1900, maximum=2200)
        if year is None:
            errors["year"] = [_("The year must be a number such as 2026.")]
    if errors:
        raise ValidationError(errors)
    return {"body": body, "state": state, "outcome": outcome, "year": year}


class RequestListView(ApiView):
    serializer_class = s.RequestSerializer
    # A client reads its body's queue; filing is for people.
    oauth_scopes = {"GET": "requests:read", "POST": None}

    @extend_schema(
        operation_id="requests_list",
        tags=["requests"],
        summary="Requests: the public ones, and the caller's own and their body's",
        parameters=REQUEST_FILTERS,
        responses={200: s.RequestSerializer(many=True), 400: ERROR_400, 404: ERROR_404},
    )
    def get(self, request):
        filters = _request_filters(request.query_params)
        requests = selectors.foi_request_browse(user=request.user, **filters)
        if is_client(request):
            requests = requests.filter(pk__in=selectors.foi_request_party_qs(user=request.user))
        words = request.query_params.get("q", "").split()[:10]
        for word in words:
            requests = requests.filter(Q(subject__icontains=word) | Q(text__icontains=word))
        # How each last decision was recorded, in the same query (no query per row).
        requests = selectors.with_decision_recorded_by(requests)
        page = self.paginate_queryset(requests)
        return self.get_paginated_response(s.RequestSerializer(page, many=True).data)

    @extend_schema(
        operation_id="requests_create",
        tags=["requests"],
        summary="File a request",
        description=(
            "Creates the request and sends it to the body at once, as the portal's filing "
            "wizard does (and within the same daily limit per person). A private request "
            "needs `private_until`; an urgent one its `urgency_justification`; "
            "`public_name` `pseudonym` needs `pseudonym`."
        ),
        request=s.RequestCreateSerializer,
        responses={
            201: s.RequestCreatedSerializer,
            400: ERROR_400,
            401: ERROR_401,
            429: ERROR_429,
        },
    )
    def post(self, request):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        serializer = s.RequestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        body = PublicBody.objects.select_related("law").filter(slug=data.pop("body")).first()
        if body is None:
            raise InvalidInput(_("There is no such public body."), errors={"body": ["unknown"]})
        data["public_name_choice"] = data.pop("public_name")
        # One transaction: a refused submission leaves no draft behind.
        with transaction.atomic():
            draft = services.foi_request_create_draft(requester=request.user, body=body, **data)
            try:
                sent = services.foi_request_file(foi_request=draft, actor=request.user)
            except TransitionNotAllowed as error:
                # A new draft is refused only for what was sent (an unmet condition): bad input.
                raise InvalidInput(error.message, errors=error.errors) from error
        sent = selectors.foi_request_get(reference=sent.reference, user=request.user)
        url = reverse("api:request_detail", args=[sent.reference])
        return Response(
            request_representation(sent, request.user), status=201, headers={"Location": url}
        )


# -- batches -----------------------------------------------------------------------------------


def batch_representation(batch, user) -> dict:
    """The batch as this person may see it: its requests that they may see, never another's
    private one; its subject and reason masked as its requests' are for the public."""
    foi_requests = selectors.batch_requests(batch=batch, user=user)
    identifiers = None
    if foi_requests and not permissions.can_see_contact_details(foi_requests[0], user):
        identifiers = masking.requester_identifiers(foi_requests[0])
    foi_requests = selectors.with_decision_recorded_by(
        FOIRequest.objects.filter(pk__in=[r.pk for r in foi_requests])
        .select_related("body", "requester", "law")
        .order_by("body__name_az")
    )
    return {
        "reference": batch.reference,
        "status": batch.status,
        "status_label": str(batch.get_status_display()),
        "subject": masking.mask_text(batch.subject, identifiers),
        "created_at": batch.created_at,
        "filed_at": batch.filed_at,
        "decision_reason": batch.decision_reason,
        "body_count": batch.bodies.count(),
        "requests": s.RequestSerializer(foi_requests, many=True).data,
        "url": reverse("foi:batch_detail", args=[batch.reference]),
    }


class BatchCreateView(ApiView):
    serializer_class = s.BatchSerializer
    # Sending batches is for people; client applications may not.
    oauth_scopes = {"POST": None}

    @extend_schema(
        operation_id="batches_create",
        tags=["batches"],
        summary="Send one request to several bodies",
        description=(
            "The same fields as filing a request, with `bodies` (a list of slugs, at least "
            "two) instead of `body`. Each body gets its own request with its own reference "
            "and deadline, sent at once; the daily limit per person counts each request and a "
            "batch that would pass it is refused whole (429), nothing sent. A batch to more "
            "bodies than the site's threshold (10) waits for a moderator: `status` is "
            "`pending_approval` and `requests` is empty until they approve it."
        ),
        request=s.BatchCreateSerializer,
        responses={
            201: s.BatchSerializer,
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
            409: ERROR_409,
            429: ERROR_429,
        },
    )
    def post(self, request):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        serializer = s.BatchCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        slugs = list(dict.fromkeys(data.pop("bodies")))
        found = {b.slug: b for b in PublicBody.objects.select_related("law").filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise InvalidInput(
                _("There is no public body called %(slugs)s.")
                % {"slugs": ", ".join(slug[:60] for slug in unknown[:10])},
                errors={"bodies": ["unknown"]},
            )
        data["public_name_choice"] = data.pop("public_name")
        batch = services.batch_create(
            creator=request.user, bodies=[found[slug] for slug in slugs], **data
        )
        url = reverse("api:batch_detail", args=[batch.reference])
        return Response(
            batch_representation(batch, request.user), status=201, headers={"Location": url}
        )


class BatchDetailView(ApiView):
    serializer_class = s.BatchSerializer
    oauth_scopes = {"GET": None}

    @extend_schema(
        operation_id="batches_retrieve",
        tags=["batches"],
        summary="One batch: each body's request the caller may see, its state and outcome",
        responses={200: s.BatchSerializer, 403: ERROR_403, 404: ERROR_404},
    )
    def get(self, request, reference):
        batch = selectors.batch_get(reference=reference, user=request.user)
        return Response(batch_representation(batch, request.user))


class RequestDetailView(ApiView):
    serializer_class = s.RequestDetailSerializer
    oauth_scopes = {"GET": "requests:read"}

    @extend_schema(
        tags=["requests"],
        summary="One request with the messages and files the caller may see",
        responses={200: s.RequestDetailSerializer, 400: ERROR_400, 404: ERROR_404},
    )
    def get(self, request, reference):
        foi_request = get_request(request, reference)
        return Response(request_representation(foi_request, request.user))


class RequestActionView(ApiView):
    serializer_class = s.ActionSerializer
    permission_classes = [IsAuthenticated, ClientScopes]
    oauth_scopes = {"POST": "requests:act"}

    @extend_schema(
        tags=["requests"],
        summary="Take an action on a request",
        description=action_table.DESCRIPTION,
        parameters=[
            OpenApiParameter("action", str, OpenApiParameter.PATH, enum=action_table.ACTIONS)
        ],
        request=s.ActionSerializer,
        responses={
            200: s.ActionResultSerializer,
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
            404: ERROR_404,
            409: ERROR_409,
            429: ERROR_429,
        },
    )
    def post(self, request, reference, action):
        if action not in action_table.ACTIONS:
            raise NotFound(_("There is no action called %(action)s.") % {"action": action[:40]})
        foi_request = get_request(request, reference)
        serializer = s.ActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        refusal = action_table.refusal(foi_request, request.user, action)
        if refusal:
            raise PermissionDenied(refusal)
        if data.get("version"):
            # The version the caller saw: the service refuses (409) if it changed since.
            foi_request.seen_version = data["version"]
        done = action_table.run(action, foi_request=foi_request, actor=request.user, data=data)
        try:
            fresh = get_request(request, reference)
        except NotVisible:
            # The action itself took the caller's sight of it (a private request transferred
            # to another body): it succeeded, so 200, with only what they already knew.
            return Response({"state": done.state, "reference": done.reference, "request": None})
        return Response(
            {
                "state": fresh.state,
                "reference": fresh.reference,
                "request": request_representation(fresh, request.user),
            }
        )


# -- search ------------------------------------------------------------------------------------


class SearchView(ApiView):
    serializer_class = s.SearchResultSerializer
    oauth_scopes = {"GET": "requests:read"}
    pagination_class = None

    @extend_schema(
        tags=["search"],
        summary="Search answered requests and disclosures",
        parameters=[
            OpenApiParameter("q", str, description='Words; "a phrase"; -excluded.'),
            OpenApiParameter("body", str, description="A body's slug (or id)."),
            OpenApiParameter("outcome", str, enum=Outcome.values),
            OpenApiParameter("year", int),
            OpenApiParameter("kind", str, description="request, disclosure, ..."),
            OpenApiParameter("page", int),
        ],
        responses={200: s.SearchResultSerializer, 400: ERROR_400, 503: ERROR_503},
    )
    def get(self, request):
        from search import search as run_search

        params = request.query_params
        filters = {name: params.get(name, "") for name in ("kind", "outcome", "year")}
        body = params.get("body", "").strip()
        if body:
            found = PublicBody.objects.filter(Q(slug=body)).values_list("pk", flat=True).first()
            if found is None:
                found = parse_int(body, minimum=1)
            if found is None:
                raise ValidationError(
                    {"body": [_("There is no body called %(slug)s.") % {"slug": body[:60]}]}
                )
            filters["body"] = found
        page = parse_int(params.get("page", "1"), minimum=1)
        if page is None:
            raise ValidationError({"page": [_("The page must be a number from 1.")]})
        results = run_search(params.get("q", ""), filters, page, request.user)
        bodies = dict(
            PublicBody.objects.filter(
                pk__in={hit.body_id for hit in results.hits if hit.body_id}
            ).values_list("pk", "slug")
        )
        return Response(
            {
                "count": results.total,
                "degraded": results.degraded,
                "ranked_within": results.ranked_within,
                "page": results.page,
                "num_pages": results.num_pages,
                "results": [
                    {
                        "kind": hit.kind,
                        "kind_label": hit.kind_label,
                        "reference": hit.reference,
                        "url": hit.url,
                        "title": hit.title,
                        "snippet": " … ".join(hit.snippets),
                        "body": {"slug": bodies.get(hit.body_id, ""), "name": hit.body_name}
                        if hit.body_id
                        else None,
                        "outcome": hit.outcome,
                        "date": hit.date.isoformat() if hit.date else None,
                    }
                    for hit in results.hits
                ],
                "facets": {
                    name: [
                        {
                            "value": str(value.value),
                            "label": str(value.label),
                            "count": value.count,
                            "selected": value.selected,
                        }
                        for value in values
                    ]
                    for name, values in results.facets.items()
                },
            }
        )


# -- anything else under /api/ -------------------------------------------------------------------


class NotFoundView(APIView):
    """A JSON 404 for addresses under /api/ that name nothing."""

    schema = None

    def dispatch_404(self):
        raise NotFound(_("There is nothing at this address; see /api/docs/."))

    def get(self, request, *args, **kwargs):
        self.dispatch_404()

    post = put = patch = delete = get
