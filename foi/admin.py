"""The Django admin: configuration (laws, bodies, memberships, people) is editable; the case
record (requests, messages, appeals, events) is read-only, since it changes only through the
workflow's services."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from foi.models import (
    Appeal,
    AppealLevel,
    Attachment,
    AuditRoot,
    BodyContactChange,
    CaseEvent,
    DeclaredDay,
    Exemption,
    FOIRequest,
    Law,
    Membership,
    Message,
    PublicBody,
    User,
)
from foi.services.body_suggestions import CONTACT_FIELDS, body_contact_changes_record
from foi.services.declared_days import declared_day_delete, declared_day_save


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ExemptionInline(admin.TabularInline):
    model = Exemption
    extra = 0
    fields = ("position", "code", "article", "title_en", "title_az", "title_ru")


class AppealLevelInline(admin.TabularInline):
    model = AppealLevel
    extra = 0
    fields = (
        "order",
        "code",
        "name_en",
        "reviewer",
        "reviewer_body",
        "requires_previous",
        "decide_within_value",
        "decide_within_unit",
    )


HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Law)
class LawAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("code", "name_en", "response_value", "response_unit", "time_zone")
    inlines = [ExemptionInline, AppealLevelInline]


@admin.register(DeclaredDay)
class DeclaredDayAdmin(admin.ModelAdmin):
    """Days the government declared non-working, on top of the ``holidays`` package. Only
    administrators change them, and only through ``foi.services.declared_days``, which
    recomputes the deadlines of the open requests each one touches."""

    list_display = ("day", "country", "kind", "name_az", "name_en", "name_ru")
    list_filter = ("country", "kind")
    search_fields = ("name_az", "name_en", "name_ru", "legal_basis")
    date_hierarchy = "day"
    fields = ("country", "day", "kind", "name_az", "name_en", "name_ru", "legal_basis")

    def _is_administrator(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self._is_administrator(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._is_administrator(request)

    def has_add_permission(self, request):
        return self._is_administrator(request)

    def has_change_permission(self, request, obj=None):
        return self._is_administrator(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_administrator(request)

    def _report(self, request, moved) -> None:
        count = len(moved)
        text = ngettext(
            "The due date of %(count)d open request moved.",
            "The due dates of %(count)d open requests moved.",
            count,
        )
        messages.info(request, text % {"count": count})

    def save_model(self, request, obj, form, change):
        self._report(request, declared_day_save(actor=request.user, declared_day=obj).moved)

    def delete_model(self, request, obj):
        self._report(request, declared_day_delete(actor=request.user, declared_day=obj).moved)

    def delete_queryset(self, request, queryset):
        moved = []
        for declared_day in queryset:
            moved += declared_day_delete(actor=request.user, declared_day=declared_day).moved
        self._report(request, moved)


class ContactChangeInline(ReadOnlyInline):
    """The body's contact history: accepted suggestions and administrators' changes."""

    model = BodyContactChange
    fk_name = "body"
    show_change_link = False
    fields = ("changed_at", "field", "old", "new", "changed_by", "suggestion")


@admin.register(PublicBody)
class PublicBodyAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = (
        "name_az",
        "name_en",
        "acronym",
        "kind",
        "parent",
        "law",
        "is_active",
        "request_email_needs_repair",
    )
    list_filter = ("kind", "law", "is_active", "request_email_needs_repair")
    search_fields = ("name_az", "name_en", "name_ru", "acronym", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("parent",)
    readonly_fields = ("request_email_problem", "request_email_problem_at")
    inlines = [ContactChangeInline]

    def save_model(self, request, obj, form, change):
        # What the form showed, so that the body's contact history keeps this change too.
        before = {name: form.initial.get(name) or "" for name in CONTACT_FIELDS} if change else {}
        super().save_model(request, obj, form, change)
        if change:
            body_contact_changes_record(body=obj, before=before, actor=request.user)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "body", "role", "is_active")
    list_filter = ("role", "is_active", "body")
    search_fields = ("user__email", "body__name_az", "body__name_en")
    autocomplete_fields = ("user", "body")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Person"),
            {
                "fields": (
                    "first_name",
                    "last_name",
                    "organisation",
                    "postal_address",
                    "phone",
                    "preferred_language",
                )
            },
        ),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    # "Password-based authentication: disabled" makes a service account, which nobody signs in
    # with: what an agency system's OAuth client acts as (docs/api.md, "Agency systems").
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )


class MessageInline(ReadOnlyInline):
    model = Message
    fields = ("created_at", "kind", "audience", "author", "from_body", "subject")


class CaseEventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ("seq", "created_at", "kind", "actor", "actor_label", "from_state", "to_state")


@admin.register(AuditRoot)
class AuditRootAdmin(ReadOnlyAdmin):
    """The published daily roots: shown, never changed (foi.models.audit_root)."""

    list_display = ("date", "tree_root", "leaf_count", "hash", "created_at")
    date_hierarchy = "date"


class AppealInline(ReadOnlyInline):
    model = Appeal
    fields = ("level", "reviewing_body", "lodged_at", "due_at", "decision", "decided_at")


@admin.register(FOIRequest)
class FOIRequestAdmin(ReadOnlyAdmin):
    list_display = ("reference", "subject", "body", "state", "due_at", "submitted_at")
    list_filter = ("state", "urgency", "visibility", "law")
    search_fields = ("reference", "subject")
    date_hierarchy = "submitted_at"
    list_select_related = ("body",)
    inlines = [MessageInline, AppealInline, CaseEventInline]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ("foi_request", "kind", "audience", "created_at", "delivery_status")
    list_filter = ("kind", "audience", "delivery_status")
    list_select_related = ("foi_request",)


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "content_type", "size", "approved", "created_at")
    list_filter = ("approved", "content_type")


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ("foi_request", "seq", "kind", "actor", "from_state", "to_state", "created_at")
    list_filter = ("kind",)
    list_select_related = ("foi_request", "actor")


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ("foi_request", "level", "reviewing_body", "lodged_at", "decision")
    list_select_related = ("foi_request", "level", "reviewing_body")
