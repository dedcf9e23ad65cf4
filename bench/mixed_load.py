"""A mixed load under gunicorn: reads, filings and answers at once, then every record counted.

    .venv/bin/python bench/mixed_load.py --database postgres://postgres@127.0.0.1:5432/sorgu_bench

``--connections`` clients (32) for ``--duration`` seconds (60), each on its own keep-alive
connection, pick at random: read a public page (a request, the list, a body page; 70 %), file a
request through the API (20 %), or answer one of the requests it filed earlier, as the body's
coordinator through the API (10 %). Afterwards the database is counted: every filing that got a
201 must exist exactly once (no lost, no doubled records), every answer that got a 200 must be
answered, and their audit chains must verify. Any 5xx, connection error or unexpected status is
an error. The result replaces the section "mixed load" of docs/benchmarks.md and is appended to
bench/results/mixed_load-history.md (bench/record.py). Needs a database with at least one public
body with a coordinator and one requester (the demo data or seed_bench's).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import random
import signal
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

from bench.load import environment, setup_django, start_server, wait_until_up  # noqa: E402

LABEL = "mixed load"


class Client(threading.Thread):
    def __init__(self, number, *, port, deadline, reads, body, requester_token, officer_token):
        super().__init__(daemon=True)
        self.number = number
        self.port = port
        self.deadline = deadline
        self.reads = reads
        self.body = body
        self.requester_token = requester_token
        self.officer_token = officer_token
        self.random = random.Random(number)
        self.outcomes = Counter()
        self.filed: list[tuple[str, str]] = []  # (marker, reference)
        self.answered: list[str] = []
        self.unanswered: list[str] = []
        self.errors: list[str] = []
        self.latencies: list[float] = []

    def call(self, method, path, body=None, token=None):
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Token {token}"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.errors.append(f"{method} {path}: {type(error).__name__}")
            return None, b""
        self.latencies.append(time.perf_counter() - started)
        return response.status, payload

    def run(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.monotonic() < self.deadline:
            roll = self.random.random()
            if roll < 0.1 and self.unanswered:
                self.answer()
            elif roll < 0.3:
                self.file()
            else:
                self.read()
        self.connection.close()

    def read(self):
        path = self.random.choice(self.reads)
        status, _ = self.call("GET", path)
        self.outcomes["read"] += 1
        if status != 200:
            self.errors.append(f"GET {path}: {status}")

    def file(self):
        marker = f"load-{uuid.uuid4().hex[:12]}"
        body = json.dumps(
            {"body": self.body, "subject": marker, "text": "Please send the staff list."}
        )
        status, payload = self.call("POST", "/api/v1/requests/", body, self.requester_token)
        self.outcomes["file"] += 1
        if status == 201:
            reference = json.loads(payload)["reference"]
            self.filed.append((marker, reference))
            self.unanswered.append(reference)
        elif status is not None:
            self.errors.append(f"filing: {status} {payload[:200]!r}")

    def answer(self):
        reference = self.unanswered.pop(0)
        body = json.dumps({"text": "Here is the list.", "outcome": "full"})
        path = f"/api/v1/requests/{reference}/actions/answer/"
        status, payload = self.call("POST", path, body, self.officer_token)
        self.outcomes["answer"] += 1
        if status == 200:
            self.answered.append(reference)
        elif status is not None:
            self.errors.append(f"answer {reference}: {status} {payload[:200]!r}")


def pick_actors():
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from foi.models import FOIRequest, Membership, State

    membership = (
        Membership.objects.filter(role="coordinator", is_active=True, user__is_active=True)
        .select_related("body", "user")
        .order_by("id")
        .first()
    )
    requester = (
        get_user_model()
        .objects.filter(
            is_active=True, is_staff=False, is_superuser=False, memberships__isnull=True
        )
        .order_by("id")
        .first()
    )
    if membership is None or requester is None:
        raise SystemExit("No coordinator or requester in this database: load the demo or seed.")
    answered = (
        FOIRequest.objects.filter(state=State.ANSWERED, visibility="public")
        .values_list("reference", flat=True)
        .first()
    )
    reads = [
        f"/requests/{answered}/",
        "/requests/?state=answered",
        f"/bodies/{membership.body.slug}/",
        "/requests/",
    ]
    tokens = [
        Token.objects.get_or_create(user=user)[0].key for user in (requester, membership.user)
    ]
    return membership.body.slug, reads, tokens[0], tokens[1]


def count_afterwards(clients, started_at) -> dict:
    from foi.models import FOIRequest, State
    from foi.services import case_events_verify

    filed = [pair for client in clients for pair in client.filed]
    answered = {reference for client in clients for reference in client.answered}
    markers = [marker for marker, _ in filed]
    rows = list(
        FOIRequest.objects.filter(subject__in=markers).values_list("subject", "reference", "state")
    )
    by_marker = Counter(subject for subject, _, _ in rows)
    strays = FOIRequest.objects.filter(
        subject__startswith="load-", created_at__gte=started_at
    ).exclude(subject__in=markers)
    broken = [
        request.reference
        for request in FOIRequest.objects.filter(subject__in=markers)
        if case_events_verify(foi_request=request) is not None
    ]
    return {
        "filed": len(filed),
        "found": len(rows),
        "lost": sum(1 for marker in markers if by_marker[marker] == 0),
        "doubled": sum(1 for count in by_marker.values() if count > 1),
        "strays": strays.count(),  # in the database, but the client never heard of them
        "references_unique": len({reference for _, reference, _ in rows}) == len(rows),
        "answered": len(answered),
        "answered_in_db": sum(
            1 for _, reference, state in rows if reference in answered and state == State.ANSWERED
        ),
        "broken_chains": len(broken),
        **statistics_consistency(),
    }


def statistics_consistency() -> dict:
    """Whether the public statistics' stored facts and monthly sums kept up with every filing
    and answer made concurrently: facts for every request, none with a stale state, every
    stored month equal to a fresh count of its requests, and every stored year equal to the sum
    of its months."""
    from django.db.models import Count, F

    from foi.models import FOIRequest
    from publicstats.models import BodyMonthStat, BodyYearStat, CaseStat

    requests = FOIRequest.objects.exclude(state="draft").exclude(received_at=None).count()
    fresh = dict(
        (((body, month), n))
        for body, month, n in CaseStat.objects.filter(visibility="public")
        .values_list("body_id", "month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    stored = {
        (body, month): n
        for body, month, n in BodyMonthStat.objects.values_list("body_id", "month", "received")
    }
    keys = set(fresh) | set(stored)
    years: dict[tuple[int, int], int] = {}
    for (body, month), n in stored.items():
        years[(body, month.year)] = years.get((body, month.year), 0) + n
    stored_years = dict(
        ((body, year), n)
        for body, year, n in BodyYearStat.objects.values_list("body_id", "year", "received")
    )
    return {
        "stats_missing": requests - CaseStat.objects.count(),
        "stats_stale": CaseStat.objects.exclude(state=F("request__state")).count(),
        "stats_months_off": sum(1 for key in keys if fresh.get(key, 0) != stored.get(key, 0)),
        "stats_years_off": sum(
            1
            for key in set(years) | set(stored_years)
            if years.get(key, 0) != stored_years.get(key, 0)
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()

    static_root = tempfile.mkdtemp(prefix="sorgu-bench-static-")
    env = environment(args.database, static_root, args.port)
    env["FOI_FILING_RATE_LIMIT"] = "1000000"  # one account files for all 32 clients
    env["API_TOKEN_RATE"] = "100000/min"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    setup_django(env)
    from django.utils import timezone

    body, reads, requester_token, officer_token = pick_actors()
    server = start_server(sys.executable, env, args)
    started_at = timezone.now()
    try:
        wait_until_up(f"http://127.0.0.1:{args.port}")
        deadline = time.monotonic() + args.duration
        clients = [
            Client(
                number,
                port=args.port,
                deadline=deadline,
                reads=reads,
                body=body,
                requester_token=requester_token,
                officer_token=officer_token,
            )
            for number in range(args.connections)
        ]
        for client in clients:
            client.start()
        while any(client.is_alive() for client in clients):
            time.sleep(5)
            done = sum(sum(client.outcomes.values()) for client in clients)
            left = max(0, deadline - time.monotonic())
            print(f"  {done:,} calls so far, {left:.0f} s left", flush=True)
        for client in clients:
            client.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    counts = count_afterwards(clients, started_at)
    outcomes = sum((client.outcomes for client in clients), Counter())
    errors = [error for client in clients for error in client.errors]
    latencies = sorted(latency for client in clients for latency in client.latencies)
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else 0
    ok = not errors and counts["lost"] == 0 and counts["doubled"] == 0 and counts["strays"] == 0
    ok = ok and counts["answered_in_db"] == counts["answered"] and not counts["broken_chains"]
    ok = ok and counts["references_unique"]
    ok = ok and not any(
        counts[name]
        for name in ("stats_missing", "stats_stale", "stats_months_off", "stats_years_off")
    )
    from bench.search import machine

    lines = [
        f"<!-- bench:{LABEL} -->",
        f"### {LABEL}",
        "",
        f"Run {datetime.date.today().isoformat()}: {args.connections} connections for "
        f"{args.duration} s against gunicorn ({args.workers} workers).",
        "",
        *machine("postgresql" if "postgres" in args.database else "sqlite"),
        f"- calls: {outcomes['read']:,} reads, {outcomes['file']:,} filings, "
        f"{outcomes['answer']:,} answers; p95 of all calls {p95:.0f} ms",
        f"- errors: **{len(errors)}**" + (f" (first: {errors[0]})" if errors else ""),
        f"- afterwards: {counts['filed']:,} filings acknowledged, {counts['found']:,} found, "
        f"**{counts['lost']} lost, {counts['doubled']} doubled, "
        f"{counts['strays']} unacknowledged**; "
        f"{counts['answered']:,} answers acknowledged, {counts['answered_in_db']:,} answered in "
        f"the database; references unique: {counts['references_unique']}; "
        f"broken audit chains: {counts['broken_chains']}",
        f"- public statistics: {counts['stats_missing']} requests without stored facts, "
        f"{counts['stats_stale']} with a stale state, {counts['stats_months_off']} stored months "
        f"different from a fresh count, {counts['stats_years_off']} stored years different from "
        "the sum of their months",
        f"- verdict: **{'pass' if ok else 'FAIL'}**",
        "",
        f"<!-- /bench:{LABEL} -->",
    ]
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        from bench.record import record

        record("mixed_load", LABEL, section, docs=Path(args.output))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
