from django.contrib import admin

from core.models import DeferredTask


@admin.register(DeferredTask)
class DeferredTaskAdmin(admin.ModelAdmin):
    """Work kept while the queue was down; `foi_requeue` hands it over when Redis is back.
    Read only: the queue's own command decides when it runs."""

    list_display = ("task_path", "args", "created_at", "attempts", "last_error")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
