"""The CMS in Wagtail's admin: the categories snippet, "Publish answers" and the compliance
report; who may download a document and who may browse the page tree."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_guards, admin_views, permissions
from .models import DisclosureCategory


class DisclosureCategoryViewSet(SnippetViewSet):
    model = DisclosureCategory
    icon = "list-ul"
    menu_label = _("Disclosure categories")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["article", "name", "law", "refresh_months", "confirmed"]
    list_filter = ["law", "confirmed"]
    search_fields = ["article", "name_az", "name_en", "name_ru"]
    ordering = ["law", "sort_order"]
    panels = [
        FieldPanel("law"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("article"), FieldPanel("sort_order")]),
        FieldPanel("name_az"),
        FieldPanel("name_en"),
        FieldPanel("name_ru"),
        MultiFieldPanel(
            [
                FieldPanel("refresh_months"),
                FieldRowPanel([FieldPanel("annual_due_month"), FieldPanel("annual_due_day")]),
            ],
            heading=_("When a publication is due"),
        ),
        FieldPanel("body_kinds"),
        FieldPanel("confirmed"),
    ]


register_snippet(DisclosureCategoryViewSet)


class PublishAnswersMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage_log(request.user)


@hooks.register("register_admin_urls")
def register_cms_admin_urls():
    return [
        path(
            "disclosure-log/publish-answers/",
            admin_views.PublishAnswersView.as_view(),
            name="cms_publish_answers",
        ),
        path(
            "disclosures/asked-often/",
            admin_views.AskedOftenView.as_view(),
            name="cms_asked_often",
        ),
        path(
            "reports/disclosure-compliance/",
            admin_views.ComplianceReportView.as_view(),
            name="cms_compliance_report",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_publish_answers_menu_item():
    return PublishAnswersMenuItem(
        _("Publish answers"),
        reverse("cms_publish_answers"),
        name="publish-answers",
        icon_name="doc-full-inverse",
        order=305,
    )


class AskedOftenMenuItem(MenuItem):
    def is_shown(self, request):
        # Whoever may add pages somewhere: the user's page rights, which Wagtail has read for
        # its own menu already (cached on the user), so every admin page costs no query more.
        # The page itself checks the right on the body's section (cms.services).
        from wagtail.permission_policies.pages import PagePermissionPolicy

        return PagePermissionPolicy().user_has_any_permission(request.user, {"add"})


@hooks.register("register_admin_menu_item")
def register_asked_often_menu_item():
    return AskedOftenMenuItem(
        _("Asked N times"),
        reverse("cms_asked_often"),
        name="asked-often",
        icon_name="doc-full-inverse",
        order=306,
    )


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return MenuItem(
        _("Disclosure compliance"),
        reverse("cms_compliance_report"),
        name="disclosure-compliance",
        icon_name="tasks",
        order=950,
    )


@hooks.register("insert_editor_js")
def name_the_rich_text_editors():
    """Gives Draftail's text boxes their field's name (wagtail/wagtail#14205)."""
    return format_html('<script src="{}" defer></script>', static("cms/editor-names.js"))


@hooks.register("before_serve_document")
def serve_published_documents_only(document, request):
    """/documents/<id>/<name>: a document that no published page uses (a draft's file, a copy
    waiting for moderation) is not there for anyone but editors, moderators and admins."""
    if not permissions.can_download_document(document, request.user):
        raise Http404("No such document.")


@hooks.register("construct_page_chooser_queryset")
def page_chooser_for_page_roles_only(pages, request):
    """The page chooser lists the tree, drafts' titles included, to whoever reaches the admin;
    a body's officers do, through their membership, with no page right and no use for it."""
    if not permissions.has_page_role(request.user):
        raise PermissionDenied
    return pages


# After Wagtail's own (order 0), so that these replace them: see cms.admin_guards.
for guarded_action in admin_guards.bulk_actions():
    hooks.register("register_bulk_action", guarded_action, order=1000)


@hooks.register("construct_admin_api", order=1000)
def admin_api_for_roles(router):
    router.register_endpoint("documents", admin_guards.DocumentsForRolesAPIViewSet)
    router.register_endpoint("images", admin_guards.ImagesForRolesAPIViewSet)
