"""The append-only, hash-chained audit trail of a request.

``hash = sha256(prev_hash + canonical JSON of the event)``; each request's events form one chain,
and the request keeps its head. No update or delete goes through the ORM or the admin.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from foi import transitions

GENESIS = "0" * 64


class AuditLogImmutable(Exception):
    """Raised on any attempt to change or remove an audit event."""


class CaseEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogImmutable("Case events are append-only; they cannot be updated.")

    def delete(self):
        raise AuditLogImmutable("Case events are append-only; they cannot be deleted.")

    _raw_delete = delete


# The events that are not transitions; a transition's line is its ``done`` (foi.transitions).
EVENT_LABELS = {
    "created": _("Draft created"),
    "note": _("Internal note added"),
    "attachment_approved": _("File approved for publication"),
    "email_received": _("E-mail received"),
    "sender_confirmed": _("E-mail confirmed as the body's reply"),
    "email_filed": _("E-mail filed from the holding pen"),
    "email_bounced": _("E-mail to the body bounced"),
    "email_resent": _("Letter sent again to the body"),
    "requester_joined": _("Joined to the requester's account"),
    "reply_classified": _("The body's letter recorded"),
    "reply_link_issued": _("Reply link sent to the body"),
    "reply_link_revoked": _("Reply link withdrawn"),
}


class CaseEventAudience(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTIES = "parties", _("Parties")
    INTERNAL = "internal", _("Internal")


class CaseEvent(models.Model):
    foi_request = models.ForeignKey(
        "foi.FOIRequest", on_delete=models.PROTECT, related_name="events"
    )
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(max_length=40, blank=True, help_text=_("e.g. system"))
    from_state = models.CharField(max_length=32, blank=True)
    to_state = models.CharField(max_length=32, blank=True)
    audience = models.CharField(
        max_length=16, choices=CaseEventAudience.choices, default=CaseEventAudience.PUBLIC
    )
    message = models.ForeignKey(
        "foi.Message", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        ordering = ["foi_request", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["foi_request", "seq"], name="caseevent_unique_seq")
        ]
        indexes = [
            # Public statistics count transfers by their date (few among many events).
            models.Index(
                fields=["created_at"],
                name="caseevent_transfer_at",
                condition=models.Q(kind="transfer"),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind}"

    @property
    def label(self) -> str:
        return str(transitions.done(self.kind) or EVENT_LABELS.get(self.kind, self.kind))

    def canonical(self) -> str:
        payload = {
            "request": self.foi_request_id,
            "seq": self.seq,
            "kind": self.kind,
            "actor": self.actor_id,
            "actor_label": self.actor_label,
            "from": self.from_state,
            "to": self.to_state,
            "audience": self.audience,
            "message": self.message_id,
            "data": self.data,
            "at": self.created_at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
        }
        return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def compute_hash(self) -> str:
        return hashlib.sha256((self.prev_hash + self.canonical()).encode("utf-8")).hexdigest()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogImmutable("Case events are append-only; they cannot be changed.")
        if not self.hash:
            self.hash = self.compute_hash()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("Case events are append-only; they cannot be deleted.")
