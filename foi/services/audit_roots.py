"""Publishing, each day, one root over every request's chain head, and checking the published
roots against the chains (docs/security.md, "An audit trail you need not trust us for").

The root of day D is a Merkle tree (foi.merkle) over each request's head as of the end of D (in
the portal's time zone): per request with a reference, the hash of its last event recorded
before that moment and stored before the root was published (``last_event_id``, so that an
event dated back later cannot move an old root). Requests with no event by then are not leaves.
"""

from __future__ import annotations

import base64
import bisect
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Collate
from django.utils import timezone
from django.utils.translation import gettext as _

from core import clock
from core.errors import InvalidInput
from foi import merkle
from foi.models import AuditRoot, CaseEvent, FOIRequest, State
from foi.models.audit import GENESIS
from foi.timestamping import timestamp_digest

# How many missed days one run publishes at most (the sweep catches up after an outage).
MAX_CATCH_UP = 366


def day_cutoff(day: datetime.date) -> datetime.datetime:
    """The end of ``day`` in the portal's time zone (the start of the next)."""
    midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(midnight, timezone.get_default_timezone())


def _by_code_point(field: str) -> Collate:
    # The collation that orders text by code point, as the leaves are ordered.
    return Collate(field, "C" if connection.vendor == "postgresql" else "BINARY")


def chain_heads_at(
    *,
    cutoff: datetime.datetime,
    last_event_id: int,
    first: str | None = None,
    before: str | None = None,
) -> list[tuple[str, str]]:
    """Each sent request's (reference, head) at ``cutoff``, ordered by reference: one query.
    ``first`` and ``before`` keep the references from ``first`` up to, not including,
    ``before``, by code point (one block of a root's leaves).

    A request still a draft at the cutoff (its last event then left it a draft) is not a leaf,
    even if it was sent later and has its reference now: so a draft sent after a root was
    published does not change that root, and a discarded draft (deleted whole) never was in one.
    """
    counted = CaseEvent.objects.filter(
        foi_request=OuterRef("pk"), created_at__lt=cutoff, pk__lte=last_event_id
    ).order_by("-seq")
    requests = FOIRequest.objects.filter(reference__isnull=False).exclude(reference="")
    if first is not None or before is not None:
        requests = requests.annotate(ordered_reference=_by_code_point("reference"))
        if first is not None:
            requests = requests.filter(ordered_reference__gte=first)
        if before is not None:
            requests = requests.filter(ordered_reference__lt=before)
    rows = (
        requests.annotate(
            head_at=Subquery(counted.values("hash")[:1]),
            head_state=Subquery(counted.values("to_state")[:1]),
        )
        .filter(head_at__isnull=False)
        .values_list("reference", "head_at", "head_state")
    )
    # In Python, not in SQL: the order must be the references' code points, not a collation.
    return sorted(
        (reference, head)
        for reference, head, state in rows.iterator(chunk_size=5000)
        if state != State.DRAFT
    )


def _leaves(heads: list[tuple[str, str]]) -> list[bytes]:
    return [merkle.leaf_hash(reference, head) for reference, head in heads]


def _chunks(heads: list[tuple[str, str]], leaves: list[bytes], size: int) -> list[list[str]]:
    """[first reference, node] of each aligned block of ``size`` leaves (AuditRoot.chunks)."""
    nodes = merkle.chunk_nodes(leaves, size)
    return [[heads[i * size][0], node.hex()] for i, node in enumerate(nodes)]


def audit_root_publish(*, day: datetime.date) -> AuditRoot:
    """Publish the root of ``day`` (which must have ended), chained to the latest root before
    it. Idempotent: a day already published returns its root unchanged."""
    existing = AuditRoot.objects.filter(date=day).first()
    if existing is not None:
        return existing
    now = clock.now()
    cutoff = day_cutoff(day)
    if cutoff > now:
        raise InvalidInput(_("A day's root is published once the day has ended."))
    latest = AuditRoot.objects.order_by("-date").first()
    if latest is not None and latest.date > day:
        raise InvalidInput(_("Roots are published in order: a later day is already published."))
    last_event_id = CaseEvent.objects.aggregate(last=Max("pk"))["last"] or 0
    heads = chain_heads_at(cutoff=cutoff, last_event_id=last_event_id)
    leaves = _leaves(heads)
    root = AuditRoot(
        date=day,
        cutoff=cutoff,
        last_event_id=last_event_id,
        algorithm=merkle.ALGORITHM,
        tree_root=merkle.tree_root(leaves),
        leaf_count=len(heads),
        chunks=_chunks(heads, leaves, merkle.CHUNK_LEAVES),
        chunk_leaves=merkle.CHUNK_LEAVES,
        prev_hash=latest.hash if latest else GENESIS,
        created_at=now,
    )
    root.hash = root.compute_hash()
    if settings.FOI_AUDIT_TSA_URL:
        # Outside the transaction: the authority may be slow; without its answer the root is
        # published all the same.
        digest = bytes.fromhex(root.hash)
        root.timestamp_token = timestamp_digest(settings.FOI_AUDIT_TSA_URL, digest)
    try:
        with transaction.atomic():
            root.save()
    except IntegrityError:
        # Another run published the same day a moment ago.
        return AuditRoot.objects.get(date=day)
    return root


def audit_roots_publish_due() -> list[AuditRoot]:
    """Publish yesterday's root, and any day missed since the latest root (at most
    ``MAX_CATCH_UP``). The first run publishes yesterday only."""
    yesterday = timezone.localdate(clock.now()) - datetime.timedelta(days=1)
    latest = AuditRoot.objects.order_by("-date").values_list("date", flat=True).first()
    first = latest + datetime.timedelta(days=1) if latest else yesterday
    first = max(first, yesterday - datetime.timedelta(days=MAX_CATCH_UP - 1))
    published = []
    day = first
    while day <= yesterday:
        published.append(audit_root_publish(day=day))
        day += datetime.timedelta(days=1)
    return published


@dataclass(frozen=True)
class RootBreak:
    date: datetime.date
    reason: str

    def __str__(self) -> str:
        return f"root of {self.date.isoformat()}: {self.reason}"


def audit_roots_verify(*, since: datetime.date | None = None):
    """Every published root that no longer holds: its record altered, its link to the day
    before broken, or its tree no longer what the stored chains give (a root or a chain
    rewritten). The records and links are checked for every root; the trees, which cost one
    query over every request each, from ``since`` on (all without it)."""
    previous = GENESIS
    for root in AuditRoot.objects.order_by("date").iterator():
        if root.prev_hash != previous:
            yield RootBreak(root.date, "does not follow the root of the day before")
        if root.compute_hash() != root.hash:
            yield RootBreak(root.date, "its published record was altered")
        if root.algorithm != merkle.ALGORITHM:
            yield RootBreak(root.date, f"unknown tree algorithm {root.algorithm!r}")
        elif since is None or root.date >= since:
            heads = chain_heads_at(cutoff=root.cutoff, last_event_id=root.last_event_id)
            leaves = _leaves(heads)
            recomputed = merkle.tree_root(leaves)
            if recomputed != root.tree_root or len(heads) != root.leaf_count:
                yield RootBreak(
                    root.date,
                    f"the chains give {recomputed} over {len(heads)} requests, but "
                    f"{root.tree_root} over {root.leaf_count} was published",
                )
            elif root.chunks and root.chunks != _chunks(heads, leaves, root.chunk_leaves):
                yield RootBreak(root.date, "its index of blocks, which proofs read, was altered")
        previous = root.hash


def audit_root_public(root: AuditRoot) -> dict:
    """A root as the public page, feed and API give it: enough to recompute its hash."""
    return {
        "date": root.date.isoformat(),
        "cutoff": root.cutoff_text,
        "last_event": root.last_event_id,
        "algorithm": root.algorithm,
        "tree_root": root.tree_root,
        "leaves": root.leaf_count,
        "prev": root.prev_hash,
        "hash": root.hash,
        "published_at": root.created_at.isoformat(),
        # The RFC 3161 token of "hash", base64 DER, when a timestamping authority gave one.
        "timestamp": base64.b64encode(bytes(root.timestamp_token)).decode("ascii")
        if root.timestamp_token
        else None,
    }


def audit_proof(*, foi_request: FOIRequest, day: datetime.date) -> dict:
    """The inclusion proof of ``foi_request``'s head in the root of ``day``. The caller has
    checked that the viewer may see the request."""
    root = AuditRoot.objects.filter(date=day).first()
    if root is None:
        raise InvalidInput(_("No root was published for that day."))
    if root.chunks and root.chunk_leaves:
        heads, offset, proof = _proof_in_block(root, foi_request.reference)
    else:
        # A root published before blocks were kept: every leaf.
        heads, offset = chain_heads_at(cutoff=root.cutoff, last_event_id=root.last_event_id), 0
        proof = None
    references = [reference for reference, _head in heads]
    try:
        position = references.index(foi_request.reference)
    except ValueError:
        raise InvalidInput(
            _("This request had no recorded event by the end of that day.")
        ) from None
    leaves = _leaves(heads)
    if proof is None:
        path, tree_root_now = merkle.inclusion_proof(leaves, position)
    else:
        path, tree_root_now = proof(leaves, position)
    index = offset + position
    return {
        "reference": foi_request.reference,
        "date": root.date.isoformat(),
        "head": heads[position][1],
        "leaf": leaves[position].hex(),
        "index": index,
        "size": root.leaf_count if proof is not None else len(leaves),
        "path": path,
        # What the stored chains give now (for the request's block of leaves, with the other
        # blocks' nodes as published); the published root is "root" below.
        "tree_root_now": tree_root_now,
        "root": audit_root_public(root),
    }


def _proof_in_block(root: AuditRoot, reference: str):
    """The block of ``root``'s leaves that ``reference`` falls in: its (reference, head) pairs
    read again from the chains, its first leaf's index, and how to prove a leaf in it."""
    firsts = [first for first, _node in root.chunks]
    block = max(bisect.bisect_right(firsts, reference) - 1, 0)
    before = firsts[block + 1] if block + 1 < len(firsts) else None
    heads = chain_heads_at(
        cutoff=root.cutoff,
        last_event_id=root.last_event_id,
        first=firsts[block] if block else None,
        before=before,
    )
    nodes = [bytes.fromhex(node) for _first, node in root.chunks]

    def prove(leaves, position):
        return merkle.inclusion_proof_in_chunk(leaves, position, nodes, block)

    return heads, block * root.chunk_leaves, prove
