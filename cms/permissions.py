"""Who may put an answer into the disclosure log (PERMISSIONS.md: officers of the body that
answered, and editors who may add pages to the log; publishing is the moderators' step)."""

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
