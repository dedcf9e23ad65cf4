"""Who may put an answer into the disclosure log (docs/permissions.md: officers of the body that
answered, and editors who may add pages to the log; publishing is the moderators' step), who
may download a Wagtail document, and who may see the page tree in the admin."""

from __future__ import annotations

from foi import permissions as foi_permissions


def can_manage_log(user) -> bool:
    """Editors: a Wagtail page permission to add entries under the disclosure log."""
    from cms import selectors

    if not foi_permissions.is_person(user):
        return False
    if user.is_superuser:
        return True
    index = selectors.disclosure_log_index()
    if index is None:
        return False
    # The page right itself: entries are not creatable by hand, so can_add_subpage() is False.
    return "add" in index.permissions_for_user(user).permissions


def can_create_log_draft(foi_request, user) -> bool:
    if not foi_permissions.is_person(user):
        return False
    return foi_permissions.is_member(user, foi_request.body_id) or can_manage_log(user)


def has_document_role(user, document) -> bool:
    """Editors and moderators: a Wagtail document permission on the document's collection
    (admins have every one)."""
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    if not foi_permissions.is_person(user):
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], document)


def can_download_document(document, user) -> bool:
    """Anyone, once a published page uses the document; until then (a draft's file, or one no
    page uses) only editors, moderators and admins."""
    from cms import selectors

    return selectors.document_is_published(document=document) or has_document_role(user, document)


def has_page_role(user) -> bool:
    """Editors, moderators, admins: some Wagtail page permission. A body's officers reach the
    admin through their membership (workspace.backends) with none."""
    from wagtail.models import Page
    from wagtail.permissions import policy_registry

    if not foi_permissions.is_person(user):
        return False
    return policy_registry.get_by_type(Page).user_has_any_permission(
        user, ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
    )
