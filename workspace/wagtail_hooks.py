"""The workspace inside the Wagtail admin: its addresses, its menu, its dashboard panel."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from foi import permissions
from workspace import panels, selectors
from workspace.views.base import WORKSPACE_ICON


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("workspace/", include("workspace.urls", namespace="foi_workspace"))]


class WorkspaceMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.may_use_workspace(request.user)


class RegisterMenuItem(MenuItem):
    """Registering needs a membership: an administrator who works for no body cannot."""

    def is_shown(self, request):
        return bool(permissions.body_roles(request.user))


class CoordinatorMenuItem(MenuItem):
    """The body's letter templates: for its coordinators (from the roles cached on the user,
    so no query more on every admin page) and admins."""

    def is_shown(self, request):
        user = request.user
        return user.is_superuser or any(
            permissions.COORDINATOR in roles for roles in permissions.body_roles(user).values()
        )


class ModeratorMenuItem(MenuItem):
    """The queue of replies nobody classified: for moderators, who may work for no body."""

    def is_shown(self, request):
        return permissions.is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_workspace_menu():
    menu = Menu(
        items=[
            WorkspaceMenuItem(
                _("Queue"), reverse("foi_workspace:queue"), icon_name="list-ul", order=100
            ),
            WorkspaceMenuItem(
                _("Appeals to review"),
                reverse("foi_workspace:appeals"),
                icon_name="resubmit",
                order=200,
            ),
            RegisterMenuItem(
                _("Register a request"),
                reverse("foi_workspace:register"),
                icon_name="plus",
                order=300,
            ),
            WorkspaceMenuItem(
                _("Reports"), reverse("foi_workspace:reports"), icon_name="table", order=400
            ),
            CoordinatorMenuItem(
                _("Letter templates"),
                reverse("foi_workspace:letter_templates"),
                icon_name="doc-full",
                order=450,
            ),
            ModeratorMenuItem(
                _("Replies waiting to be classified"),
                reverse("foi_workspace:replies"),
                icon_name="mail",
                order=500,
            ),
            ModeratorMenuItem(
                _("Suggested bodies and corrections"),
                reverse("foi_workspace:body_suggestions"),
                icon_name="edit",
                order=600,
            ),
            ModeratorMenuItem(
                _("Batch requests waiting for approval"),
                reverse("foi_workspace:batches"),
                icon_name="group",
                order=650,
            ),
        ]
    )
    return SubmenuMenuItem(
        _("Requests"), menu, icon_name=WORKSPACE_ICON, name="foi-requests", order=150
    )


@hooks.register("construct_homepage_panels")
def add_workspace_panel(request, panels_list):
    if selectors.may_use_workspace(request.user):
        panels_list.append(panels.WorkspacePanel(request.user))


@hooks.register("insert_global_admin_css")
def workspace_css():
    return format_html('<link rel="stylesheet" href="{}">', static("workspace/workspace.css"))
