"""``/api/v1/webhooks/``: a person's own webhook subscriptions (docs/webhooks.md). Signed-in
people only (a client application is refused: it has no scope here); another person's
subscription answers 404. The secret is shown once, in the answer that creates it (or makes a
new one)."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from api.clients import ClientScopes
from api.schema import ERROR_400, ERROR_401, ERROR_403, ERROR_404
from api.views import ApiView
from foi import selectors as foi_selectors
from webhooks import selectors, services

ATTEMPTS_SHOWN = 20


class AttemptSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    at = serializers.DateTimeField()
    status_code = serializers.IntegerField(allow_null=True)
    response_body = serializers.CharField()
    duration_ms = serializers.IntegerField()
    error = serializers.CharField()


class DeliverySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    state = serializers.CharField()
    attempts = serializers.IntegerField()
    next_attempt_at = serializers.DateTimeField(allow_null=True)
    delivered_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    log = AttemptSerializer(source="attempt_log.all", many=True)


class SubscriptionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.URLField(max_length=500)
    body = serializers.SerializerMethodField(
        help_text="The slug of the body whose own requests it receives; null: public events."
    )
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    event_kinds = serializers.ListField(
        child=serializers.CharField(max_length=40),
        required=False,
        help_text="Event kinds to deliver; empty or absent: all.",
    )
    active = serializers.BooleanField(source="is_active", required=False)
    paused_at = serializers.DateTimeField(read_only=True, allow_null=True)
    consecutive_failures = serializers.IntegerField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_body(self, subscription) -> str | None:
        return subscription.body.slug if subscription.body_id else None


class SubscriptionCreateSerializer(SubscriptionSerializer):
    body = serializers.SlugField(
        required=False,
        allow_null=True,
        help_text="A body's slug: its own requests, as its members see them (members only). "
        "Absent: public events of public requests.",
    )


class SubscriptionWithSecretSerializer(SubscriptionSerializer):
    secret = serializers.CharField(help_text="Shown only now: keep it to check signatures.")


class SubscriptionDetailSerializer(SubscriptionSerializer):
    deliveries = serializers.SerializerMethodField()

    def get_deliveries(self, subscription) -> list[dict]:
        recent = subscription.deliveries.prefetch_related("attempt_log")[:ATTEMPTS_SHOWN]
        return DeliverySerializer(recent, many=True).data


class WebhookView(ApiView):
    permission_classes = [IsAuthenticated, ClientScopes]
    oauth_scopes: dict = {}  # none: a client application may not manage webhooks


class WebhookListView(WebhookView):
    serializer_class = SubscriptionSerializer

    @extend_schema(
        operation_id="webhooks_list",
        tags=["webhooks"],
        summary="Your webhook subscriptions",
        responses={200: SubscriptionSerializer(many=True), 401: ERROR_401, 403: ERROR_403},
    )
    def get(self, request):
        page = self.paginate_queryset(selectors.subscription_list(user=request.user))
        return self.get_paginated_response(SubscriptionSerializer(page, many=True).data)

    @extend_schema(
        operation_id="webhooks_create",
        tags=["webhooks"],
        summary="Subscribe a URL to case events",
        description=(
            "https only (and never a private, loopback or link-local address). The answer "
            "carries the secret once: every delivery is signed with it (docs/webhooks.md)."
        ),
        request=SubscriptionCreateSerializer,
        responses={
            201: SubscriptionWithSecretSerializer,
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def post(self, request):
        serializer = SubscriptionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        body = None
        if data.get("body"):
            body = foi_selectors.public_body_get(slug=data["body"])
        with transaction.atomic():
            subscription = services.subscription_create(
                owner=request.user,
                url=data["url"],
                body=body,
                event_kinds=data.get("event_kinds"),
                description=data.get("description", ""),
            )
        return Response(
            SubscriptionWithSecretSerializer(subscription).data, status=status.HTTP_201_CREATED
        )


class WebhookDetailView(WebhookView):
    serializer_class = SubscriptionDetailSerializer

    @extend_schema(
        operation_id="webhooks_retrieve",
        tags=["webhooks"],
        summary="One of your subscriptions, with its latest deliveries and their attempts",
        responses={
            200: SubscriptionDetailSerializer,
            401: ERROR_401,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def get(self, request, pk):
        subscription = services.subscription_get(pk=pk, user=request.user)
        return Response(SubscriptionDetailSerializer(subscription).data)

    @extend_schema(
        operation_id="webhooks_partial_update",
        tags=["webhooks"],
        summary='Change a subscription; {"active": true} resumes a paused one',
        request=SubscriptionSerializer,
        responses={
            200: SubscriptionSerializer,
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def patch(self, request, pk):
        subscription = services.subscription_get(pk=pk, user=request.user)
        serializer = SubscriptionSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with transaction.atomic():
            services.subscription_update(
                subscription=subscription,
                url=data.get("url"),
                event_kinds=data.get("event_kinds"),
                description=data.get("description"),
                is_active=data.get("is_active"),
            )
        return Response(SubscriptionSerializer(subscription).data)

    @extend_schema(
        operation_id="webhooks_destroy",
        tags=["webhooks"],
        summary="Delete a subscription and its delivery log",
        responses={204: None, 401: ERROR_401, 403: ERROR_403, 404: ERROR_404},
    )
    def delete(self, request, pk):
        subscription = services.subscription_get(pk=pk, user=request.user)
        services.subscription_delete(subscription=subscription)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookTestView(WebhookView):
    serializer_class = DeliverySerializer

    @extend_schema(
        operation_id="webhooks_test",
        tags=["webhooks"],
        summary="Send a signed ping to the subscription's URL",
        description="The answer is the ping's delivery; its log shows the receiver's answer.",
        request=None,
        responses={202: DeliverySerializer, 401: ERROR_401, 403: ERROR_403, 404: ERROR_404},
    )
    def post(self, request, pk):
        subscription = services.subscription_get(pk=pk, user=request.user)
        with transaction.atomic():
            delivery = services.subscription_ping(subscription=subscription)
        delivery.refresh_from_db()
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)


class WebhookSecretView(WebhookView):
    serializer_class = SubscriptionWithSecretSerializer

    @extend_schema(
        operation_id="webhooks_secret",
        tags=["webhooks"],
        summary="Make a new secret (the old one stops working at once); shown only now",
        request=None,
        responses={
            200: SubscriptionWithSecretSerializer,
            401: ERROR_401,
            403: ERROR_403,
            404: ERROR_404,
        },
    )
    def post(self, request, pk):
        subscription = services.subscription_get(pk=pk, user=request.user)
        services.subscription_rotate_secret(subscription=subscription)
        return Response(SubscriptionWithSecretSerializer(subscription).data)
