"""A spike on one request page: many visitors reading it while it changes, never a stale page.

    .venv/bin/python bench/spike.py --database postgres://postgres@127.0.0.1:5432/sorgu_bench

Before the run a requester files one fresh public request through the API: the hot page,
``/requests/<reference>/``. Then, for ``--duration`` seconds (60), ``--connections`` readers
(64), each on its own keep-alive connection and without cookies, read the hot page over and
over, while one writer changes that request as fast as it is answered (the body's coordinator
asks for clarification, the requester clarifies, and so on through the API; the coordinator
answers it at the end) and ``--writers`` more (2) file other requests to the body and answer
them, as bench/mixed_load.py does.

The page's state is read from its audit trail: the number of recorded events it lists (every
change of the request records one, and the trail shows the public ones). After each write is
acknowledged the writer counts, in the database, the public events the request has. A read
sent after a write was acknowledged must list at least that many: if not, it is a stale read
(an anonymous page cache that kept the page past the commit). Any 5xx, connection error or
unexpected status is an error; the run passes with no errors and no stale reads. It reports
the reads' p50/p95/p99 and throughput, the writes by kind, and as a control how many reads saw
a change only after its commit (they would be stale had the write counted from its sending:
the check is not blind). The result replaces the section "spike" of docs/benchmarks.md and is
appended to bench/results/spike-history.md (bench/record.py); exit status 1 when it fails.
Needs a database with a public body with a coordinator and one requester (the demo data or
seed_bench's). As bench/load.py, it runs on Redis (the cache and the task queue, with a
worker) unless ``--redis ''``. The readers are Python threads on the same machine as the
server: at 64 connections on a small machine they take a share of its CPUs, as wrk does for
bench/load.py.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import http.client
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import (  # noqa: E402
    REDIS_DEFAULT,
    environment,
    setup_django,
    start_server,
    start_worker,
    stop_server,
    wait_until_up,
)
from bench.mixed_load import Client, pick_actors  # noqa: E402

LABEL = "spike"
# The audit trail of the case page (templates/foi/request_detail.html): one <li> per event.
TRAIL = re.compile(rb'<ol class="govuk-list trail">(.*?)</ol>', re.S)


def marker_of(page: bytes) -> int | None:
    """The number of events the page's audit trail lists; None when the page has no trail."""
    found = TRAIL.search(page)
    return None if found is None else found.group(1).count(b"<li")


def connect(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)


class Reader(threading.Thread):
    """Reads the hot page anonymously: (sent, received, status, marker) for each read."""

    def __init__(self, *, port, path, deadline):
        super().__init__(daemon=True)
        self.port = port
        self.path = path
        self.deadline = deadline
        self.reads: list[tuple[float, float, int | None, int | None]] = []
        self.errors: list[str] = []
        self.cache = Counter()

    def run(self):
        connection = connect(self.port)
        while time.monotonic() < self.deadline:
            sent = time.monotonic()
            try:
                connection.request("GET", self.path)
                response = connection.getresponse()
                page = response.read()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = connect(self.port)
                self.reads.append((sent, time.monotonic(), None, None))
                self.errors.append(f"GET {self.path}: {type(error).__name__}")
                continue
            received = time.monotonic()
            marker = marker_of(page) if response.status == 200 else None
            self.reads.append((sent, received, response.status, marker))
            self.cache[response.getheader("X-Page-Cache", "none")] += 1
            if response.status != 200:
                self.errors.append(f"GET {self.path}: {response.status}")
            elif marker is None:
                self.errors.append(f"GET {self.path}: no audit trail on the page")
        connection.close()


class HotWriter(threading.Thread):
    """Changes the hot request, one write at a time: ask for clarification (the coordinator),
    clarify (the requester), again and again; answers it before the end. After each write's
    response has arrived (its transaction committed) it records (sent, acknowledged, number of
    public events the request now has)."""

    def __init__(self, *, port, reference, deadline, officer_token, requester_token):
        super().__init__(daemon=True)
        self.port = port
        self.reference = reference
        self.deadline = deadline
        self.tokens = {"officer": officer_token, "requester": requester_token}
        self.writes: list[tuple[float, float, int]] = []
        self.outcomes = Counter()
        self.errors: list[str] = []

    def run(self):
        from django.db import connection as db

        self.connection = connect(self.port)
        try:
            # Leave the last seconds for the answer, so the readers see it too.
            while time.monotonic() < self.deadline - 2:
                if not self.act("ask_clarification", "officer", {"text": "Which year?"}):
                    return
                if not self.act("clarify", "requester", {"text": "The last one, please."}):
                    return
            self.act("answer", "officer", {"text": "Here is the list.", "outcome": "full"})
        finally:
            self.connection.close()
            db.close()

    def act(self, action: str, who: str, payload: dict) -> bool:
        path = f"/api/v1/requests/{self.reference}/actions/{action}/"
        headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Token {self.tokens[who]}",
        }
        sent = time.monotonic()
        try:
            self.connection.request("POST", path, body=json.dumps(payload), headers=headers)
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.errors.append(f"{action}: {type(error).__name__}")
            return False
        acknowledged = time.monotonic()
        self.outcomes[action] += 1
        if response.status != 200:
            self.errors.append(f"{action}: {response.status} {body[:200]!r}")
            return False
        self.writes.append((sent, acknowledged, public_events(self.reference)))
        return True


def public_events(reference: str) -> int:
    """What the case page's audit trail lists for a visitor: the request's public events."""
    from django.contrib.auth.models import AnonymousUser

    from foi import selectors
    from foi.models import FOIRequest

    foi_request = FOIRequest.objects.get(reference=reference)
    return len(selectors.case_event_list(foi_request=foi_request, user=AnonymousUser()))


class Background(Client):
    """bench/mixed_load.py's client without its reads: files requests and answers them."""

    def run(self):
        self.connection = connect(self.port)
        while time.monotonic() < self.deadline:
            if self.unanswered and self.random.random() < 0.5:
                self.answer()
            else:
                self.file()
        self.connection.close()


def file_hot_request(port: int, body: str, token: str) -> str:
    connection = connect(port)
    payload = json.dumps(
        {
            "body": body,
            "subject": f"spike-{uuid.uuid4().hex[:12]}",
            "text": "Please send the list of the staff's business trips.",
        }
    )
    headers = {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": f"Token {token}",
    }
    connection.request("POST", "/api/v1/requests/", body=payload, headers=headers)
    response = connection.getresponse()
    answer = response.read()
    connection.close()
    if response.status != 201:
        raise SystemExit(f"filing the hot request failed: {response.status} {answer[:300]!r}")
    return json.loads(answer)["reference"]


def first_marker(port: int, path: str) -> int:
    connection = connect(port)
    connection.request("GET", path)
    response = connection.getresponse()
    page = response.read()
    connection.close()
    marker = marker_of(page) if response.status == 200 else None
    if marker is None:
        raise SystemExit(f"the hot page {path} gave {response.status} without an audit trail")
    return marker


def stale_reads(reads, writes, *, counted_from: int = 1) -> int:
    """Reads sent after a write was acknowledged (``counted_from=1``; 0: after it was sent)
    that show fewer events than the request had after that write."""
    writes = sorted(writes, key=lambda write: write[counted_from])
    times = [write[counted_from] for write in writes]
    # The most events any write done by then left: what a read sent then must show at least.
    floor, highest = [], 0
    for write in writes:
        highest = max(highest, write[2])
        floor.append(highest)
    stale = 0
    for sent, _received, status, marker in reads:
        if status != 200 or marker is None:
            continue
        done = bisect.bisect_left(times, sent)  # writes at or after ``sent`` do not count
        if done and marker < floor[done - 1]:
            stale += 1
    return stale


def percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--connections", type=int, default=64, help="readers of the hot page")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument(
        "--writers", type=int, default=2, help="threads filing and answering other requests"
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument(
        "--redis",
        default=REDIS_DEFAULT,
        help="Redis for the cache and the task queue (its database is emptied); '' for none",
    )
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()

    static_root = tempfile.mkdtemp(prefix="sorgu-bench-static-")
    env = environment(args.database, static_root, args.port, args.redis)
    env["FOI_FILING_RATE_LIMIT"] = "1000000"  # one account files for every writer
    env["API_TOKEN_RATE"] = "100000/min"
    # A database migrated under other settings lacks the database cache's table.
    for command in (["collectstatic", "--noinput"], ["createcachetable"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True
        )
    setup_django(env)
    from django.conf import settings

    body, _reads, requester_token, officer_token = pick_actors()
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    url = f"http://127.0.0.1:{args.port}"
    worker = start_worker(sys.executable, env)
    server = start_server(sys.executable, env, args)
    try:
        wait_until_up(url)
        reference = file_hot_request(args.port, body, requester_token)
        path = f"/requests/{reference}/"
        start_marker = first_marker(args.port, path)
        print(f"hot page {path}: {start_marker} events in its audit trail", flush=True)
        deadline = time.monotonic() + args.duration
        readers = [
            Reader(port=args.port, path=path, deadline=deadline) for _ in range(args.connections)
        ]
        hot = HotWriter(
            port=args.port,
            reference=reference,
            deadline=deadline,
            officer_token=officer_token,
            requester_token=requester_token,
        )
        background = [
            Background(
                number,
                port=args.port,
                deadline=deadline,
                reads=[],
                body=body,
                requester_token=requester_token,
                officer_token=officer_token,
            )
            for number in range(args.writers)
        ]
        threads = [*readers, hot, *background]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(5)
            done = sum(len(reader.reads) for reader in readers)
            left = max(0, deadline - time.monotonic())
            print(f"  {done:,} reads, {len(hot.writes)} changes so far, {left:.0f} s left")
        for thread in threads:
            thread.join()
    finally:
        stop_server(server)
        if worker is not None:
            stop_server(worker)

    reads = [read for reader in readers for read in reader.reads]
    errors = [error for thread in [*readers, hot] for error in thread.errors]
    errors += [error for client in background for error in client.errors]
    stale = stale_reads(reads, hot.writes)
    # The control: counted from each write's sending, reads during its commit show the old page.
    control = stale_reads(reads, hot.writes, counted_from=0)
    checked = sum(1 for read in reads if hot.writes and read[0] > hot.writes[0][1])
    latencies = sorted(received - sent for sent, received, status, _ in reads if status == 200)
    seconds = (max(read[1] for read in reads) - min(read[0] for read in reads)) if reads else 0
    markers = [read[3] for read in reads if read[3] is not None]
    others = sum((client.outcomes for client in background), Counter())
    hits = sum((reader.cache for reader in readers), Counter())
    ok = not errors and stale == 0 and bool(reads) and bool(hot.writes)
    from bench.search import machine

    lines = [
        f"<!-- bench:{LABEL} -->",
        f"### {LABEL}",
        "",
        f"Run {datetime.date.today().isoformat()}: {args.connections} connections reading one "
        f"request page for {args.duration} s against gunicorn ({args.workers} workers, cache "
        f"{cache}, page cache {'on' if settings.FOI_PAGE_CACHE else 'off'}), while one writer "
        f"changed that request and {args.writers} filed and answered others.",
        "",
        *machine("postgresql" if "postgres" in args.database else "sqlite"),
        f"- reads: {len(reads):,} ({len(reads) / seconds if seconds else 0:,.0f}/s); "
        f"p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms; page cache "
        + ", ".join(f"{name} {count:,}" for name, count in sorted(hits.items())),
        "- writes on the hot request: "
        + ", ".join(f"{count:,} {name}" for name, count in sorted(hot.outcomes.items()))
        + f" (its audit trail went from {start_marker} to {max(markers, default=start_marker)} "
        f"events on the page); on others: {others['file']:,} filings, "
        f"{others['answer']:,} answers",
        f"- errors: **{len(errors)}**" + (f" (first: {errors[0]})" if errors else ""),
        f"- stale reads: **{stale}** of {checked:,} sent after the first change was "
        f"acknowledged (control: {control:,} reads overlapped a change's commit and showed "
        "the page before it)",
        f"- verdict: **{'pass' if ok else 'FAIL'}**",
        "",
        f"<!-- /bench:{LABEL} -->",
    ]
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        from bench.record import record

        record("spike", LABEL, section, docs=Path(args.output))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
