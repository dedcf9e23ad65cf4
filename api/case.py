"""The open case format over HTTP: its JSON Schema at a stable address, and a case in it."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.schema import ERROR_400, ERROR_404
from api.views import ApiView, get_request
from foi import case_format


class CaseSchemaView(APIView):
    """The format's JSON Schema; open to anyone, cacheable (a published version never changes
    its meaning, only its $id follows the site's address)."""

    authentication_classes: list = []
    permission_classes: list = []
    schema = None  # a document of its own, not an operation of the API

    def get(self, request):
        response = Response(case_format.case_schema(), content_type="application/schema+json")
        response["Cache-Control"] = "public, max-age=3600"
        response["Access-Control-Allow-Origin"] = "*"
        return response


class RequestCaseView(ApiView):
    oauth_scopes = {"GET": "requests:read"}

    @extend_schema(
        tags=["requests"],
        summary="The whole case in the open case format",
        description=(
            "The request, its messages with their files' metadata and SHA-256 hashes, the "
            "body's decisions and the grounds they invoked, the appeals and the audit chain, "
            "as the caller may see them (the public: no contact details, no internal notes, "
            "no files not yet approved, the requester's identity masked). The document "
            f"follows the JSON Schema at {case_format.PATH} (draft 2020-12); the header "
            '`Link: <...>; rel="describedby"` names it too.'
        ),
        responses={
            200: OpenApiResponse(
                response=OpenApiTypes.OBJECT, description=f"A case; see {case_format.PATH}."
            ),
            400: ERROR_400,
            404: ERROR_404,
        },
    )
    def get(self, request, reference):
        foi_request = get_request(request, reference)
        document = case_format.case_document(foi_request=foi_request, user=request.user)
        response = Response(document)
        response["Link"] = f'<{case_format.schema_url()}>; rel="describedby"'
        response["Cache-Control"] = "private, no-store"
        return response
