from django.contrib import admin

from webhooks.models import Attempt, Delivery, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["url", "owner", "body", "is_active", "consecutive_failures", "created_at"]
    list_filter = ["is_active"]
    raw_id_fields = ["owner", "body"]
    exclude = ["secret"]


class AttemptInline(admin.TabularInline):
    model = Attempt
    extra = 0
    can_delete = False
    readonly_fields = ["number", "at", "status_code", "response_body", "duration_ms", "error"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "subscription", "state", "attempts", "created_at"]
    list_filter = ["state", "kind"]
    raw_id_fields = ["subscription", "event"]
    readonly_fields = ["body"]
    inlines = [AttemptInline]
