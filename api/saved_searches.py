"""``/api/v1/saved-searches/``: a person's own saved searches (docs/architecture.md, "Saved
searches and their alerts"). Signed-in people only (a client application is refused: it has no
scope here); another person's saved search answers 404. The feed's address is in each answer:
it is the owner's own secret."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from alerts import selectors, services
from alerts.models import Frequency
from api.clients import ClientScopes
from api.schema import ERROR_400, ERROR_401, ERROR_403, ERROR_404, ERROR_409, ERROR_503
from api.views import ApiView


class SavedSearchSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(
        max_length=services.NAME_MAX,
        required=False,
        allow_blank=True,
        help_text="Absent: the words.",
    )
    query = serializers.CharField(
        max_length=services.QUERY_MAX, required=False, allow_blank=True, help_text="The words."
    )
    filters = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="As for /api/v1/search/: kind, body (an id), outcome, year.",
    )
    frequency = serializers.ChoiceField(
        choices=Frequency.values, required=False, help_text="daily (absent), weekly or off."
    )
    feed_url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(read_only=True)
    last_sent_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_feed_url(self, saved_search) -> str:
        request = self.context.get("request")
        path = reverse("alerts:feed", args=[saved_search.feed_token])
        return request.build_absolute_uri(path) if request else path


class SavedSearchChangeSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=services.NAME_MAX, required=False)
    frequency = serializers.ChoiceField(choices=Frequency.values, required=False)


class SavedSearchView(ApiView):
    permission_classes = [IsAuthenticated, ClientScopes]
    oauth_scopes: dict = {}  # none: a client application has no saved searches


class SavedSearchListView(SavedSearchView):
    serializer_class = SavedSearchSerializer

    @extend_schema(
        operation_id="saved_searches_list",
        tags=["saved searches"],
        summary="Your saved searches",
        responses={200: SavedSearchSerializer(many=True), 401: ERROR_401, 403: ERROR_403},
    )
    def get(self, request):
        page = self.paginate_queryset(selectors.saved_search_list(user=request.user))
        data = SavedSearchSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    @extend_schema(
        operation_id="saved_searches_create",
        tags=["saved searches"],
        summary="Save a search, e-mailed daily or weekly (or not), with a private feed",
        request=SavedSearchSerializer,
        responses={
            201: SavedSearchSerializer,
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
            409: ERROR_409,
            503: ERROR_503,
        },
    )
    def post(self, request):
        serializer = SavedSearchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        saved = services.saved_search_create(
            user=request.user,
            query=data.get("query", ""),
            filters=data.get("filters") or {},
            name=data.get("name", ""),
            frequency=data.get("frequency"),
        )
        answer = SavedSearchSerializer(saved, context={"request": request}).data
        return Response(answer, status=status.HTTP_201_CREATED)


class SavedSearchDetailView(SavedSearchView):
    serializer_class = SavedSearchSerializer

    @extend_schema(
        operation_id="saved_searches_retrieve",
        tags=["saved searches"],
        summary="One of your saved searches",
        responses={200: SavedSearchSerializer, 401: ERROR_401, 403: ERROR_403, 404: ERROR_404},
    )
    def get(self, request, pk):
        saved = selectors.saved_search_get(user=request.user, pk=pk)
        return Response(SavedSearchSerializer(saved, context={"request": request}).data)

    @extend_schema(
        operation_id="saved_searches_partial_update",
        tags=["saved searches"],
        summary="Rename a saved search or change how often it is e-mailed",
        request=SavedSearchChangeSerializer,
        responses={
            200: SavedSearchSerializer,
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def patch(self, request, pk):
        saved = selectors.saved_search_get(user=request.user, pk=pk)
        serializer = SavedSearchChangeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.saved_search_update(
            saved_search=saved,
            actor=request.user,
            frequency=data.get("frequency"),
            name=data.get("name"),
        )
        return Response(SavedSearchSerializer(saved, context={"request": request}).data)

    @extend_schema(
        operation_id="saved_searches_destroy",
        tags=["saved searches"],
        summary="Delete a saved search (its feed stops at once)",
        responses={204: None, 401: ERROR_401, 403: ERROR_403, 404: ERROR_404},
    )
    def delete(self, request, pk):
        saved = selectors.saved_search_get(user=request.user, pk=pk)
        services.saved_search_delete(saved_search=saved, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
