"""What Wagtail's admin shows to whoever reaches it, narrowed to the roles that need it.

A body's officers reach the admin through their membership (workspace.backends) for the
workspace, with no page, document or image right. Several of Wagtail's views list titles to
anyone with admin access, checking rights only for the action itself: the bulk-action
confirmation pages (``/admin/bulk/wagtailcore/page/delete/?id=7`` names any page, drafts
included, under "you may not") and the admin API's document and image listings. Here each of
those is refused, or narrowed to what the person's collections permit; editors, moderators
and admins keep them as they were.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.permissions import policy_registry

from foi import permissions as foi_permissions

from . import permissions

LIBRARY_ACTIONS = ["add", "change", "choose", "delete"]


def _guarded(action_class, may_use):
    """``action_class`` refusing, before it lists anything, a person ``may_use`` says no to."""

    class Guarded(action_class):
        def dispatch(self, request, *args, **kwargs):
            if not may_use(request.user):
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)

    Guarded.__name__ = Guarded.__qualname__ = f"Guarded{action_class.__name__}"
    return Guarded


def _library_role(policy):
    return lambda user: (
        foi_permissions.is_person(user) and policy().user_has_any_permission(user, LIBRARY_ACTIONS)
    )


def _document_policy():
    return policy_registry.get_by_type(get_document_model())


def _image_policy():
    return policy_registry.get_by_type(get_image_model())


def bulk_actions() -> list:
    """Wagtail's page, document and image bulk actions, guarded; registered after Wagtail's
    own so that they replace them."""
    pages = [
        page_bulk_actions.DeleteBulkAction,
        page_bulk_actions.MoveBulkAction,
        page_bulk_actions.PublishBulkAction,
        page_bulk_actions.UnpublishBulkAction,
    ]
    library = [
        document_bulk_actions.AddTagsBulkAction,
        document_bulk_actions.AddToCollectionBulkAction,
        document_bulk_actions.DeleteBulkAction,
    ]
    images = [
        image_bulk_actions.AddTagsBulkAction,
        image_bulk_actions.AddToCollectionBulkAction,
        image_bulk_actions.DeleteBulkAction,
    ]
    return (
        [_guarded(action, permissions.has_page_role) for action in pages]
        + [_guarded(action, _library_role(_document_policy)) for action in library]
        + [_guarded(action, _library_role(_image_policy)) for action in images]
    )


class DocumentsForRolesAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: those the person's collections permit, not all of them."""

    def get_queryset(self):
        allowed = _document_policy().instances_user_has_any_permission_for(
            self.request.user, LIBRARY_ACTIONS
        )
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class ImagesForRolesAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: those the person's collections permit, not all of them."""

    def get_queryset(self):
        allowed = _image_policy().instances_user_has_any_permission_for(
            self.request.user, LIBRARY_ACTIONS
        )
        return super().get_queryset().filter(pk__in=allowed.values("pk"))
