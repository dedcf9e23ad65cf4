"""How members of a body reach the Wagtail admin.

Wagtail lets in whoever has ``wagtailadmin.access_admin``. A body's officers, coordinators and
appeal reviewers get it from their active membership, here, rather than from a group someone
must remember to grant and revoke: ending the membership ends the access. Nothing else is
granted; what they see inside is decided by ``foi.permissions`` and ``foi.selectors``.
"""

from __future__ import annotations

from foi import permissions
from foi.auth.mfa import ADMIN_ACCESS


class MembershipAdminAccessBackend:
    """Grants only ``wagtailadmin.access_admin``, to active members of a body; never signs
    anyone in and loads no one: it has no ``get_user``, so no session names it, and it can
    come first in ``AUTHENTICATION_BACKENDS`` (config/settings/base.py), where it answers
    Wagtail's access check on every workspace page from the memberships the page reads
    anyway, before ModelBackend reads the person's permissions (two queries)."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        return perm == ADMIN_ACCESS and bool(permissions.body_roles(user_obj))
