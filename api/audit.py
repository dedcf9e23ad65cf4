"""The published daily audit roots, and a request's inclusion proof in one of them
(foi.services.audit_roots; docs/security.md, "An audit trail you need not trust us for")."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from api.schema import ERROR_400, ERROR_404
from api.views import ApiView, get_request
from core.errors import InvalidInput, NotVisible
from foi.selectors.audit_roots import audit_root_get, audit_root_list
from foi.services.audit_roots import audit_proof, audit_root_public


def _day(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(_("Give a day as YYYY-MM-DD.")) from None


class AuditRootListView(ApiView):
    pagination_class = None
    serializer_class = None

    @extend_schema(
        tags=["audit"],
        operation_id="audit_roots_list",
        summary="Every published daily audit root, newest first",
        description=(
            "One Merkle root a day over every request's audit chain head as the day ended, each "
            "chained to the day before (hash = SHA-256 of the root's canonical JSON). Public: a "
            "root reveals no request. Keep a copy; `manage.py foi_verify_audit --published` "
            "compares one with the portal's."
        ),
        responses={200: OpenApiResponse(response=OpenApiTypes.OBJECT), 400: ERROR_400},
    )
    def get(self, request):
        roots = [audit_root_public(root) for root in audit_root_list()]
        response = Response({"count": len(roots), "results": roots})
        response["Access-Control-Allow-Origin"] = "*"
        return response


class AuditRootDetailView(ApiView):
    serializer_class = None

    @extend_schema(
        tags=["audit"],
        operation_id="audit_roots_retrieve",
        summary="The audit root published for one day",
        responses={200: OpenApiResponse(response=OpenApiTypes.OBJECT), 404: ERROR_404},
    )
    def get(self, request, day):
        try:
            found = audit_root_get(day=datetime.date.fromisoformat(day))
        except ValueError:
            found = None
        if found is None:
            raise NotVisible(_("No root was published for that day."))
        response = Response(audit_root_public(found))
        response["Access-Control-Allow-Origin"] = "*"
        return response


class RequestAuditProofView(ApiView):
    oauth_scopes = {"GET": "requests:read"}
    serializer_class = None

    @extend_schema(
        tags=["requests"],
        summary="The proof that the request's chain was in a day's published root",
        description=(
            "The request's head as that day ended, its leaf, its index among the tree's leaves "
            "and the audit path (RFC 6962) from the leaf to the published root, with the root "
            "itself. Without `date`, the latest root. Follows the request's visibility: 404 "
            "for anyone who may not see it."
        ),
        parameters=[OpenApiParameter("date", str, description="The root's day (YYYY-MM-DD).")],
        responses={
            200: OpenApiResponse(response=OpenApiTypes.OBJECT),
            400: ERROR_400,
            404: ERROR_404,
        },
    )
    def get(self, request, reference):
        foi_request = get_request(request, reference)
        day = _day(request.query_params.get("date"))
        if day is None:
            latest = audit_root_list().values_list("date", flat=True).first()
            if latest is None:
                raise InvalidInput(_("No root has been published yet."))
            day = latest
        proof = audit_proof(foi_request=foi_request, day=day)
        response = Response(proof)
        response["Cache-Control"] = "private, no-store"
        return response
