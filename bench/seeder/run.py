"""Generate N requests in batches and insert each batch with a handful of bulk INSERTs.

Per batch: one insert statement (or a few, split by the database's parameter limit) per table,
in one transaction; nothing per row. Primary keys are handed out here and the sequences moved
past them at the end, so the hash chains can name rows before they exist.
"""

from __future__ import annotations

import datetime
import json
import queue
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import FileField, JSONField, Max
from django.utils import timezone

from core import files
from demo.files import demo_file
from foi import deadlines
from foi.models import (
    Appeal,
    Attachment,
    CaseEvent,
    FOIRequest,
    InvokedExemption,
    Message,
    ReferenceCounter,
)

from .cases import OLD_WEIGHTS, RECENT, RECENT_WEIGHTS, SCENARIO_NAMES, CaseBuilder, Ids, SharedFile
from .setup import _chunk, world_create

START = datetime.date(2022, 1, 1)
OFFICE_HOURS = tuple(range(9, 18))
SHARED_FILES = (
    ("budget-execution-2025.pdf", "budget-execution-report.pdf"),
    ("hospital-waiting-times-2025.csv", "waiting-times.csv"),
    ("sumgait-road-repair-contracts-2025.docx", "contracts.docx"),
    ("azersu-water-tariffs-2026.txt", "tariffs.txt"),
)
ID_MODELS = {"request": FOIRequest, "message": Message, "attachment": Attachment, "appeal": Appeal}


@dataclass
class Result:
    requests: int = 0
    batches: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    users: int = 0
    bodies: int = 0


def shared_files() -> list[SharedFile]:
    """A few real small files, stored once under their content hash and shared by name."""
    shared = []
    for fixture, original in SHARED_FILES:
        content = demo_file(fixture)
        sniffed = files.sniff(content, fixture)
        sha = files.sha256_of(content)
        name = f"attachments/{sha[:2]}/{sha}{sniffed.extension}"
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(content))
        shared.append(SharedFile(name, original, sniffed.content_type, len(content), sha))
    return shared


class Memo:
    """``foi.deadlines`` results for the inputs seen before: receipts fall on office hours,
    so a few thousand distinct computations serve a million requests."""

    def __init__(self, law):
        self.law = law
        self._due: dict = {}
        self._appeal: dict = {}
        self._lapse: dict = {}
        self.computed = 0

    def due(self, received_at, urgency, history):
        key = (received_at, urgency, tuple(tuple(sorted(item.items())) for item in history))
        hit = self._due.get(key)
        if hit is None:
            self.computed += 1
            deadline = deadlines.compute_due(
                self.law, received_at=received_at, urgency=urgency, history=history
            )
            hit = (deadline.due_at, deadline.to_json(), deadline.extensions_used)
            self._due[key] = hit
        return hit

    def appeal(self, level, lodged_at):
        key = (level.pk, lodged_at)
        if key not in self._appeal:
            due = deadlines.appeal_decision_due(self.law, level, lodged_at=lodged_at)
            self._appeal[key] = (due.due_at, due.to_json()) if due else None
        return self._appeal[key]

    def lapse(self, asked_at):
        if asked_at not in self._lapse:
            self._lapse[asked_at] = deadlines.clarification_lapse_at(self.law, asked_at=asked_at)
        return self._lapse[asked_at]


class References:
    """References in the portal's format, numbered on from each year's counter; the counters
    are moved past them at the end so that ``reference_next`` goes on without a collision."""

    def __init__(self, prefix: str):
        self.prefix = prefix.upper()
        self.last: dict[int, int] = {}

    def __call__(self, at) -> str:
        year = timezone.localtime(at).year
        if year not in self.last:
            counter = ReferenceCounter.objects.filter(prefix=self.prefix, year=year).first()
            # References made without the counter (imports, factories) are skipped too.
            highest = FOIRequest.objects.filter(
                reference__startswith=f"{self.prefix}-{year}-"
            ).aggregate(top=Max("reference"))["top"]
            self.last[year] = max(
                counter.value if counter else 0, int(highest.rsplit("-", 1)[1]) if highest else 0
            )
        self.last[year] += 1
        return f"{self.prefix}-{year}-{self.last[year]:06d}"

    def save(self) -> None:
        for year, value in self.last.items():
            ReferenceCounter.objects.update_or_create(
                prefix=self.prefix, year=year, defaults={"value": value}
            )


def _slots(now) -> tuple[int, datetime.tzinfo]:
    """Receipts fall on every office hour of every day from START to yesterday."""
    zone = timezone.get_current_timezone()
    today = timezone.localtime(now).date()
    days = max((today - START).days, 1)
    return days, zone


def _received(index: int, total: int, days: int, zone) -> datetime.datetime:
    slot = index * days * len(OFFICE_HOURS) // total
    day, hour = divmod(slot, len(OFFICE_HOURS))
    return datetime.datetime.combine(
        START + datetime.timedelta(days=day),
        datetime.time(OFFICE_HOURS[hour]),
        tzinfo=zone,
    )


def seed(
    *,
    requests: int,
    bodies: int = 300,
    seed: int = 1,
    batch_size: int = 2000,
    law_code: str = "az",
    password: str,
    now=None,
    progress: Callable[[int, int], None] | None = None,
) -> Result:
    started = time.perf_counter()
    now = now or timezone.now()
    world = world_create(
        law_code=law_code,
        bodies=bodies,
        requesters=max(1, requests // 20),
        password=password,
        seed=seed,
    )
    memo = Memo(world.law)
    world.extra["lapse_at"] = memo.lapse
    start_ids = {
        name: (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        for name, model in ID_MODELS.items()
    }
    ids = Ids(start_ids)
    rng = random.Random(seed)
    builder = CaseBuilder(
        world=world,
        rng=rng,
        ids=ids,
        now=now,
        clock=memo.due,
        appeal_due=memo.appeal,
        files=shared_files(),
    )
    references = References(world.law.reference_prefix)
    days, zone = _slots(now)
    result = Result(users=world.users_created, bodies=len(world.bodies))
    rows = dict.fromkeys(
        ("requests", "messages", "attachments", "invoked exemptions", "appeals", "case events"), 0
    )
    writer = Writer(rows)
    try:
        for first in range(0, requests, batch_size):
            batch = []
            for index in range(first, min(first + batch_size, requests)):
                received_at = _received(index, requests, days, zone)
                if index < len(SCENARIO_NAMES):
                    # The oldest requests show every path once, whatever N.
                    scenario = SCENARIO_NAMES[index]
                else:
                    weights = RECENT_WEIGHTS if now - received_at < RECENT else OLD_WEIGHTS
                    scenario = rng.choices(SCENARIO_NAMES, weights=weights)[0]
                batch.append(
                    builder.build(
                        received_at=received_at, scenario=scenario, reference_for=references
                    )
                )
            writer.put(batch)
            result.batches += 1
            if progress:
                progress(min(first + batch_size, requests), requests)
        writer.close()
        references.save()
    finally:
        writer.close()
        _reset_sequences()
    result.requests = rows["requests"]
    result.rows = rows
    result.seconds = time.perf_counter() - started
    result.rows["deadline computations"] = memo.computed
    return result


class Writer:
    """Inserts batches. On PostgreSQL, outside a transaction, a second thread with its own
    connection inserts one batch while the next is generated: the database works on the other
    core meanwhile. Inside a transaction (the tests) everything happens inline."""

    def __init__(self, rows):
        self.rows = rows
        self.error: BaseException | None = None
        self.thread = None
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self.queue: queue.Queue = queue.Queue(maxsize=1)
            self.thread = threading.Thread(target=self._run, name="seed-writer", daemon=True)
            self.thread.start()

    def put(self, batch) -> None:
        if self.thread is None:
            _insert(batch, self.rows)
            return
        if self.error is not None:
            raise self.error
        self.queue.put(batch)

    def close(self) -> None:
        if self.thread is not None:
            self.queue.put(None)
            self.thread.join()
            self.thread = None
            if self.error is not None:
                raise self.error

    def _run(self) -> None:
        try:
            while (batch := self.queue.get()) is not None:
                if self.error is None:
                    _insert(batch, self.rows)
        except BaseException as error:  # handed to the main thread
            self.error = error
            while self.queue.get() is not None:
                pass
        finally:
            connection.close()


def _insert(batch, rows) -> None:
    tables = (
        ("requests", FOIRequest, [b.request for b in batch]),
        ("messages", Message, [m for b in batch for m in b.messages]),
        ("attachments", Attachment, [a for b in batch for a in b.attachments]),
        ("invoked exemptions", InvokedExemption, [e for b in batch for e in b.exemptions]),
        ("appeals", Appeal, [a for b in batch for a in b.appeals]),
        ("case events", CaseEvent, [e for b in batch for e in b.events]),
    )
    with transaction.atomic():
        for label, model, objects in tables:
            if objects:
                if connection.vendor == "postgresql":
                    _copy(model, objects)
                else:
                    model.objects.bulk_create(objects, batch_size=_chunk(model))
            rows[label] += len(objects)


def _copy(model, objects) -> None:
    """PostgreSQL's COPY: one statement per table and batch, without preparing every value
    field by field as ``bulk_create`` does (the rows are built here, every id is set)."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and objects[0].__dict__.get(f.attname) is None)
    ]
    now = timezone.now()
    columns = []
    for model_field in fields:
        if isinstance(model_field, JSONField):
            columns.append((model_field.attname, "json"))
        elif getattr(model_field, "auto_now", False):
            columns.append((model_field.attname, "now"))
        elif isinstance(model_field, FileField):
            columns.append((model_field.attname, "file"))
        else:
            columns.append((model_field.attname, ""))
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    statement = f"COPY {table} ({names}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for obj in objects:
            values = obj.__dict__
            copy.write_row(
                [
                    json.dumps(values[name], ensure_ascii=False)
                    if kind == "json"
                    else now
                    if kind == "now"
                    else str(values[name] or "")
                    if kind == "file"
                    else values[name]
                    for name, kind in columns
                ]
            )


def _reset_sequences() -> None:
    """Move the id sequences past the ids handed out here (PostgreSQL; SQLite follows)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(ID_MODELS.values()))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
