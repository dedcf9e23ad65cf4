from django.contrib import admin

from alerts.models import SavedSearch


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "frequency", "created_at", "last_sent_at")
    list_filter = ("frequency",)
    search_fields = ("name", "query", "user__email")
    # The feed's token is a secret of its owner's.
    exclude = ("feed_token", "sent_keys")
    readonly_fields = ("user", "query", "filters", "created_at", "last_sent_at")
