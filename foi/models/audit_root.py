"""The daily published root over every request's chain head (foi.merkle, foi.services.audit_roots).

Append-only like the events: a published root is never changed or removed through the ORM or
the admin. Each root's ``hash`` also covers the day before's, so rewriting one day's root means
rewriting every later one, which anyone who kept a copy of the public page or feed would see.
"""

import datetime
import hashlib
import json

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from foi.models.audit import GENESIS, AuditLogImmutable


class AuditRootQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogImmutable("Published audit roots are append-only; they cannot be updated.")

    def delete(self):
        raise AuditLogImmutable("Published audit roots are append-only; they cannot be deleted.")

    _raw_delete = delete


class AuditRoot(models.Model):
    date = models.DateField(unique=True, help_text=_("The day whose end the root is as of."))
    cutoff = models.DateTimeField(help_text=_("The end of that day: events before it count."))
    last_event_id = models.PositiveBigIntegerField(
        default=0, help_text=_("The last event stored when it was published (later ones wait).")
    )
    algorithm = models.CharField(max_length=40)
    tree_root = models.CharField(max_length=64)
    leaf_count = models.PositiveIntegerField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    # RFC 3161 token of ``hash`` from FOI_AUDIT_TSA_URL, if one was configured and answered;
    # a witness of the record, so not part of what is hashed.
    timestamp_token = models.BinaryField(null=True, blank=True, editable=False)
    # [first reference, node in hex] of each aligned block of foi.merkle.CHUNK_LEAVES leaves,
    # kept so that a proof reads one block, not every request. Derived from the leaves, so not
    # hashed: an altered entry only gives proofs that fail against the published root.
    chunks = models.JSONField(default=list, blank=True, editable=False)
    chunk_leaves = models.PositiveIntegerField(default=0, editable=False)

    objects = AuditRootQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date} {self.tree_root[:12]}"

    @property
    def cutoff_text(self) -> str:
        """The cutoff in UTC, as hashed (the same whichever time zone it was read in)."""
        return self.cutoff.astimezone(datetime.UTC).isoformat(timespec="seconds")

    def canonical(self) -> str:
        payload = {
            "date": self.date.isoformat(),
            "cutoff": self.cutoff_text,
            "last_event": self.last_event_id,
            "algorithm": self.algorithm,
            "tree_root": self.tree_root,
            "leaves": self.leaf_count,
            "prev": self.prev_hash,
        }
        return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogImmutable("Published audit roots are append-only; they cannot change.")
        self.prev_hash = self.prev_hash or GENESIS
        if not self.hash:
            self.hash = self.compute_hash()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("Published audit roots are append-only; they cannot be deleted.")
