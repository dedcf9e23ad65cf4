"""The append-only, hash-chained audit trail of a request.

``hash = sha256(prev_hash + canonical JSON of the event)``; each request's events form one chain,
and the request keeps its head. No update or delete goes through the ORM or the admin.

Chain version 2 (``CaseEvent.chain``) also hashes what an event refers to: its canonical JSON
carries ``content``, the SHA-256 of its message's text and of each file's bytes when the event was
recorded, and verification reads them again (foi.services.audit). Events recorded before it
stay version 1 and verify as before; a chain switches from 1 to 2 where it was when it came.
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
# The chain version new events get; 1 hashed the event's own fields only.
CHAIN_VERSION = 2
# The keys of an event's data that name a file (foi.services.attachments, redactions).
FILE_KEYS = ("attachment", "redacted")


def text_digest(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def stored_file_digest(name: str) -> str | None:
    """SHA-256 of a stored attachment's bytes, read in blocks; None when the file is gone."""
    from foi.models.message import Attachment

    if not name:
        return None
    storage = Attachment._meta.get_field("file").storage
    digest = hashlib.sha256()
    try:
        with storage.open(name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except (FileNotFoundError, ValueError, OSError):
        return None
    return digest.hexdigest()


def referenced_files(message_id: int | None, data) -> list[int]:
    """The files an event refers to: those its data names, or else every file of its message
    (an e-mail received with its attachments, a decision with its documents)."""
    from foi.models.message import Attachment

    named = [data.get(key) for key in FILE_KEYS] if isinstance(data, dict) else []
    named = [value for value in named if isinstance(value, int) and not isinstance(value, bool)]
    if named:
        return sorted(set(named))
    if message_id is None:
        return []
    return sorted(Attachment.objects.filter(message_id=message_id).values_list("pk", flat=True))


def content_digests(message_id: int | None, data) -> dict:
    """What a version 2 event hashes of what it refers to, read from the database and storage
    now: ``{"message": sha256 of its text or null, "files": {id: sha256 of the bytes}}``."""
    from foi.models.message import Attachment, Message

    text = None
    if message_id is not None:
        text = Message.objects.filter(pk=message_id).values_list("text", flat=True).first()
    files = {}
    ids = referenced_files(message_id, data)
    for pk, name in Attachment.objects.filter(pk__in=ids).order_by("pk").values_list("pk", "file"):
        files[str(pk)] = stored_file_digest(name)
    return {"message": None if text is None else text_digest(text), "files": files}


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
    "attachment_published": _("File from the body's letter published"),
    "attachment_redacted": _("Redacted copy of a file made"),
    "email_received": _("E-mail received"),
    "sender_confirmed": _("E-mail confirmed as the body's reply"),
    "email_filed": _("E-mail filed from the holding pen"),
    "email_bounced": _("E-mail to the body bounced"),
    "email_resent": _("Letter sent again to the body"),
    "requester_joined": _("Joined to the requester's account"),
    "reply_classified": _("The body's letter recorded"),
    "reminder_sent": _("Reminder sent to the body"),
    "reply_link_issued": _("Reply link sent to the body"),
    "reply_link_revoked": _("Reply link withdrawn"),
    "due_date_moved": _("Due date moved by a declared non-working day"),
}


def _day_text(value) -> str:
    """An ISO date or moment from an event's data as the reader's date ("" if there is none)."""
    from django.utils import formats

    if not isinstance(value, str) or not value:
        return ""
    try:
        return formats.date_format(datetime.date.fromisoformat(value[:10]), "j E Y")
    except ValueError:
        return value


def due_date_moved_text(data: dict) -> str:
    """What a ``due_date_moved`` event says: the old and new due date, the declared day, its
    name in the reader's language and its legal basis (foi.services.declared_days)."""
    from django.utils import translation

    from foi.models.i18n import FALLBACK_ORDER

    names = data.get("names") or {}
    language = (translation.get_language() or "en")[:2]
    name = next((names[code] for code in (language, *FALLBACK_ORDER) if names.get(code)), "")
    values = {
        "old": _day_text(data.get("old_due")),
        "new": _day_text(data.get("new_due")),
        "day": _day_text(data.get("day")),
        "name": name,
        "basis": data.get("basis", ""),
    }
    if data.get("change") == "removed":
        text = _(
            "Due date moved from %(old)s to %(new)s: %(day)s (%(name)s) is a working day again, "
            "its declaration as a non-working day was withdrawn (%(basis)s)."
        )
    else:
        text = _(
            "Due date moved from %(old)s to %(new)s: %(day)s (%(name)s) was declared a "
            "non-working day (%(basis)s)."
        )
    return str(text) % values


# Who published a file from a body's e-mailed reply (foi.services.attachments).
PUBLISHED_BY = {
    "requester": _("by the requester"),
    "moderator": _("by a moderator"),
    "officer": _("by an officer of the body"),
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
    chain = models.PositiveSmallIntegerField(
        default=CHAIN_VERSION,
        help_text=_("The hash chain's version: 1 hashes the event, 2 also what it refers to."),
    )
    # Version 2: SHA-256 of the message's text and each file's bytes when it was recorded.
    content = models.JSONField(default=dict, blank=True)

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
        if self.kind == "due_date_moved" and isinstance(self.data, dict):
            return due_date_moved_text(self.data)
        return str(transitions.done(self.kind) or EVENT_LABELS.get(self.kind, self.kind))

    @property
    def recorded_via(self) -> str:
        """How a body's move was recorded on its behalf (``foi.actors.VIAS``), or ""."""
        from foi.actors import RECORDED_BY

        return RECORDED_BY.get(self.actor_label, "")

    @property
    def letter_id(self) -> int | None:
        """The body's letter this event was recorded from, if any."""
        value = self.data.get("letter") if isinstance(self.data, dict) else None
        return value if isinstance(value, int) else None

    @property
    def letter_at(self) -> datetime.datetime | None:
        """The date of that letter."""
        from django.utils.dateparse import parse_datetime

        value = self.data.get("letter_at") if isinstance(self.data, dict) else None
        try:
            return parse_datetime(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def actor_description(self) -> str:
        """Who made this event, in words, for the audit trail and the timeline: for a body's
        move recorded on its behalf, who recorded it and from what (``foi.actors.LABELS``);
        for a file from a body's letter, who published it; "" for a person's own act."""
        from django.utils import formats
        from django.utils import timezone as tz

        from foi.actors import VIA_MODERATOR, VIA_REPLY_LINK, VIA_REQUESTER

        via = self.recorded_via
        if via == VIA_REPLY_LINK:
            return str(_("the body, through the reply link"))
        if via in (VIA_REQUESTER, VIA_MODERATOR):
            at = self.letter_at
            day = formats.date_format(tz.localtime(at), "j E Y") if at else ""
            if via == VIA_REQUESTER:
                return str(_("the requester, from the body's letter of %(date)s") % {"date": day})
            return str(_("a moderator, from the body's letter of %(date)s") % {"date": day})
        if self.kind == "attachment_published":
            who = self.data.get("who") if isinstance(self.data, dict) else ""
            return str(PUBLISHED_BY.get(who, ""))
        if self.actor_label == "system":
            return str(_("the system"))
        return self.actor_label

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
        if self.chain >= 2:
            payload["chain"] = self.chain
            payload["content"] = self.content
        return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def compute_hash(self) -> str:
        return hashlib.sha256((self.prev_hash + self.canonical()).encode("utf-8")).hexdigest()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogImmutable("Case events are append-only; they cannot be changed.")
        if self.chain >= 2 and not self.content:
            self.content = content_digests(self.message_id, self.data)
        if not self.hash:
            self.hash = self.compute_hash()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("Case events are append-only; they cannot be deleted.")
