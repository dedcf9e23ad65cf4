"""What the OpenAPI schema says about errors: every one is ``{"detail": "<one sentence>"}``."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "detail": serializers.CharField(help_text="One sentence saying what went wrong."),
        "errors": serializers.DictField(
            required=False,
            child=serializers.JSONField(),
            help_text="Messages by field, where the error concerns particular fields.",
        ),
    },
)


def _error(text: str) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=text)


ERROR_400 = _error("Bad input: a filter, a field or the JSON itself.")
ERROR_401 = _error("Not signed in, or the token is not valid.")
ERROR_403 = _error("Signed in, but this is not yours to do.")
ERROR_404 = _error("No such thing, or it is not visible to you.")
ERROR_409 = _error("Not allowed in the request's current state, or it changed meanwhile.")
ERROR_429 = _error("Too many attempts or filings; try again later.")
ERROR_503 = _error("Search is not available right now.")


def only_api_v1(endpoints):
    """drf-spectacular's preprocessing hook: the schema describes our API, not Wagtail's."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
