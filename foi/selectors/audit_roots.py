"""The published daily roots of the audit trail: public data (a root reveals no request)."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from foi.models import AuditRoot


def audit_root_list() -> QuerySet[AuditRoot]:
    """Every published root, newest first."""
    return AuditRoot.objects.order_by("-date")


def audit_root_get(*, day: datetime.date) -> AuditRoot | None:
    return AuditRoot.objects.filter(date=day).first()
