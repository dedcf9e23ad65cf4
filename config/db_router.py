"""Public reads from a read replica, everything else from the primary.

With ``DATABASE_REPLICA_URL`` set, the settings add a ``replica`` database, this router and
``ReplicaReadsMiddleware``. The middleware marks a request as a *public read* when it is a GET or
HEAD from someone not signed in (no session user, no API token) outside the admin and the
account pages; only then do reads go to the replica. Everything else reads the primary, so a
person always sees their own writes at once, and a read inside a transaction (a service locking
a row, say) never leaves the primary. The replica may lag by a moment: an anonymous visitor may
see a new request a second late, which is the price of the scale.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.db import connections

REPLICA = "replica"
_public_read: ContextVar[bool] = ContextVar("sorgu_public_read", default=False)
PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/accounts/", "/me/", "/account/", "/anymail/")


def replica_configured() -> bool:
    return REPLICA in connections.databases


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _public_read.get() or not replica_configured():
            return None
        if connections["default"].in_atomic_block:
            return None
        return REPLICA

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


def is_public_read(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False  # signed in (or the middleware is misplaced): read the primary
    return "HTTP_AUTHORIZATION" not in request.META and not request.path.startswith(
        PRIVATE_PREFIXES
    )


class ReplicaReadsMiddleware:
    """Put this after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _public_read.set(is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
