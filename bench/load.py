"""Pages under load: gunicorn serving the portal, wrk driving it on loopback.

    .venv/bin/python manage.py seed_bench --requests 100000          # on the bench database
    .venv/bin/python bench/load.py --database postgres://postgres@127.0.0.1:5432/sorgu_bench

For each page (a request's case page, the public list with filters, a body page, the officer
queue, the statistics page, search, filing through the API) and for a bare Django view on the
same server (the floor), wrk runs ``--connections`` connections for ``--duration`` seconds and
reports p50/p95/p99 latency, throughput and errors; each page's throughput is also given as a
share of the floor's. The server runs as docs/deploy.md runs production: Redis (``--redis``,
its database emptied first) holds the cache, the anonymous page cache among it, and the task
queue, whose worker runs beside gunicorn (after the filings it waits until the worker has done
their tasks, so that the next page is not measured beside that work); ``--redis ''`` runs
without (the database's cache, every task in the request). wrk asks for one address over and
over, so an anonymous public page is served from the page cache after its first visit: the same
pages are therefore also run on a second server whose cache is Django's dummy cache ("…,
uncached": every request renders the page and computes every figure, what the visitor after a
change waits for). After the runs it reads the resident memory of each gunicorn worker and
counts the SQL queries each page makes (in-process, with the same URL and user). With
``--repeat N`` every page is run N times, in rounds over all the pages (so a change in the
machine's state touches every page alike), and each figure is the median of its N runs; the
table then also gives the lowest and highest p95. The results and the machine replace the run's
section of docs/benchmarks.md (one per size and number of connections) and are appended to
bench/results/load-history.md (bench/record.py). Needs wrk (`apt-get install -y wrk`). Never
part of the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LUA = ROOT / "bench" / "wrk_report.lua"
LABEL = "pages under load"


REDIS_DEFAULT = "redis://127.0.0.1:6379/11"


def environment(database: str, static_root: str, port: int, redis_url: str = "") -> dict:
    """The servers' settings: production's, on the bench database. With ``redis_url`` the cache
    and the task queue are Redis (as docs/deploy.md runs production) and ``start_worker`` must
    run the queue's worker; without it the cache is the database's and every task runs in the
    request that queued it."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database,
        "CONN_MAX_AGE": "600",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "False",
        "ANYMAIL_WEBHOOK_SECRET": "bench:" + secrets.token_urlsafe(24),
        "FOI_REQUIRE_STAFF_MFA": "False",
        "STATIC_ROOT": static_root,
        "BENCH_FLOOR": "True",
        "FOI_FILING_RATE_LIMIT": "1000000",  # one bench account files for every connection
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "FOI_SITE_URL": f"http://127.0.0.1:{port}",
        "REDIS_URL": redis_url,
        "CACHE_URL": redis_url or "dbcache://sorgu_cache",
        "LOG_LEVEL": "WARNING",
    }


def start_worker(python: str, env: dict) -> subprocess.Popen | None:
    """The task queue's worker (production's command), when the queue is Redis; its database
    is emptied first so that no page cached or task queued by an earlier run is left."""
    if not env.get("REDIS_URL"):
        return None
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    handle, log = tempfile.mkstemp(prefix="sorgu-bench-worker-", suffix=".log")
    print(f"task queue worker started; its log: {log}", flush=True)
    return subprocess.Popen(
        [python, "manage.py", "rqworker", "default", "--job-class", "django_tasks_rq.Job"],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )


def setup_django(env: dict) -> None:
    os.environ.update({key: value for key, value in env.items() if key != "PATH"})
    import django

    django.setup()


def targets(token: str | None) -> list[dict]:
    """The pages to load, with real identifiers picked from the seeded data."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.urls import NoReverseMatch, reverse

    from foi.models import FOIRequest, Membership, PublicBody, State

    answered = (
        FOIRequest.objects.filter(state=State.ANSWERED, visibility="public")
        .order_by("-id")
        .values_list("reference", flat=True)
        .first()
    )
    body = PublicBody.objects.order_by("-id").values_list("slug", flat=True).first()
    coordinator = (
        Membership.objects.filter(role="coordinator", is_active=True)
        .select_related("user")
        .order_by("id")
        .first()
    )
    year = datetime.date.today().year - 1
    pages = [
        {"name": "floor (bare Django view)", "path": "/_bench/floor/"},
        {"name": "request page", "path": f"/requests/{answered}/"},
        {"name": "public list, filtered", "path": f"/requests/?state=answered&year={year}"},
        {"name": "body page", "path": f"/bodies/{body}/"},
        {"name": "search", "path": "/search/?q=budget"},
        {"name": "search, two words", "path": "/search/?q=water+tariffs"},
    ]
    # The same pages on a server without a cache: what a visitor waits for when the page is
    # not stored (the first visit of an address, or the one after a change).
    pages += [
        {**page, "name": f"{page['name']}, uncached", "uncached": True} for page in pages[1:6]
    ]
    with contextlib.suppress(NoReverseMatch):
        pages.append({"name": "statistics", "path": reverse("publicstats:index")})
        # The same page on a server without a cache: every request computes the figures.
        pages.append(
            {"name": "statistics, uncached", "path": reverse("publicstats:index"), "uncached": True}
        )
    if coordinator is not None:
        session = SessionStore()
        user = get_user_model().objects.get(pk=coordinator.user_id)
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        from django.conf import settings

        pages.append(
            {
                "name": "officer queue",
                "path": "/admin/workspace/",
                "headers": f"Cookie: {settings.SESSION_COOKIE_NAME}={session.session_key}",
                "user": user,
            }
        )
    if token:
        pages.append(
            {
                "name": "filing (API POST)",
                "path": "/api/v1/requests/",
                "method": "POST",
                "body": json.dumps(
                    {"body": body, "subject": "Bench filing", "text": "Please send the list."}
                ),
                "headers": f"Authorization: Token {token}\nContent-Type: application/json",
            }
        )
    return pages


def api_token() -> str | None:
    from django.apps import apps

    if not apps.is_installed("rest_framework.authtoken"):
        return None
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    user = get_user_model().objects.filter(is_active=True, is_staff=False).order_by("id").first()
    if user is None:
        return None
    return Token.objects.get_or_create(user=user)[0].key


def count_queries(pages: list[dict]) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page in pages:
        if page.get("method") == "POST":
            continue
        client = Client()
        if page.get("user") is not None:
            client.force_login(page["user"])
        client.get(page["path"])  # warm caches as the server's were
        if page.get("uncached"):
            from django.core.cache import cache

            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(page["path"])
        counts[page["name"]] = len(captured)
    return counts


def wait_for_tasks(env: dict, timeout: float = 600) -> float:
    """Wait until the task queue's worker has done every task queued so far (a filing queues
    its notices, indexing and statistics), so that the next page is not measured beside it;
    the seconds waited."""
    if not env.get("REDIS_URL"):
        return 0.0
    import redis
    from rq import Queue
    from rq.registry import StartedJobRegistry

    connection = redis.Redis.from_url(env["REDIS_URL"])
    queue = Queue("default", connection=connection)
    started = StartedJobRegistry(queue=queue)
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if queue.count == 0 and started.count == 0:
            break
        time.sleep(0.5)
    return time.monotonic() - began


def run_wrk(url: str, page: dict, connections: int, duration: int, threads: int) -> dict:
    env = {**os.environ}
    for key in ("method", "body", "headers"):
        env.pop(f"WRK_{key.upper()}", None)
        if page.get(key):
            env[f"WRK_{key.upper()}"] = page[key]
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url + page["path"],
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    result = json.loads(line.removeprefix("WRK_JSON "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(result[key] for key in ("connect", "read", "write", "status", "timeout"))
    if result["requests"] == 0:
        result["errors"] = max(result["errors"], 1)  # nothing answered within the run: a failure
    return result


def median_of(runs: list[dict]) -> dict:
    """One page's runs as one result: the median of each latency and of the throughput, the
    errors summed, and the lowest and highest p95."""
    result = {
        key: statistics.median(run[key] for run in runs) for key in ("p50", "p95", "p99", "rps")
    }
    result["errors"] = sum(run["errors"] for run in runs)
    result["p95_low"] = min(run["p95"] for run in runs)
    result["p95_high"] = max(run["p95"] for run in runs)
    return result


def worker_memory(master_pid: int) -> list[float]:
    """Resident memory (MiB) of each gunicorn worker: the master's children."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            found = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            if found:
                sizes.append(int(found.group(1)) / 1024)
    return sizes


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_bench/floor/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not start; see its output above")


def label(requests_in_db: int, connections: int) -> str:
    """The section's name: one per order of magnitude of the data (100,000; 1,000,000) and
    number of connections (1: what one visitor waits; more: what the machine can serve)."""
    rounded = round(requests_in_db, -(len(str(requests_in_db)) - 1)) if requests_in_db else 0
    plural = "connection" if connections == 1 else "connections"
    return f"{LABEL}, {rounded:,} requests, {connections} {plural}"


def report(args, results, counts, memory, requests_in_db, load) -> str:
    from bench.search import machine

    floor = results[0]["rps"]
    name = label(requests_in_db, args.connections)
    repeated = args.repeat > 1
    runs = (
        f"{args.duration} s per page, on loopback."
        if not repeated
        else f"{args.repeat} runs of {args.duration} s per page in rounds, on loopback; each "
        "figure is the median of the runs (errors: their sum), with the p95's range."
    )
    lines = [
        f"<!-- bench:{name} -->",
        f"### {name}",
        "",
        f"Run {datetime.date.today().isoformat()}: {requests_in_db:,} requests in the database; "
        f"gunicorn with {args.workers} sync workers; wrk, {args.connections} connections, {runs}",
        "",
        *machine("postgresql" if "postgres" in args.database else "sqlite"),
        f"- load average after the runs: {load} (1, 5, 15 min; the machine is shared)",
        "- memory per worker after the runs: " + ", ".join(f"{size:.0f} MiB" for size in memory),
        "",
        "| page | p50 ms | p95 ms | "
        + ("p95 range ms | " if repeated else "")
        + "p99 ms | requests/s | share of floor | errors | SQL queries |",
        "|---|---|---|" + ("---|" if repeated else "") + "---|---|---|---|---|",
    ]
    for result in results:
        spread = (
            f"{result['p95_low'] / 1000:.1f}–{result['p95_high'] / 1000:.1f} | " if repeated else ""
        )
        lines.append(
            f"| {result['name']} | {result['p50'] / 1000:.1f} | {result['p95'] / 1000:.1f} | "
            f"{spread}{result['p99'] / 1000:.1f} | {result['rps']:,.0f} | "
            f"{result['rps'] / floor:.0%} | {result['errors']} | "
            f"{counts.get(result['name'], '')} |"
        )
    lines += ["", f"<!-- /bench:{name} -->"]
    return "\n".join(lines)


def start_server(python: str, env: dict, args) -> subprocess.Popen:
    return subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "config" / "gunicorn.py"),
            "--access-logfile",
            "/dev/null",
            "--max-requests",
            "0",  # no recycling mid-run: a new worker's start would be measured as a page
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--worker-class",
            "sync",
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def stop_server(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()  # workers stuck in a page that never ends
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        required="BENCH_DATABASE_URL" not in os.environ,
        help="the seeded bench database (never the portal's own)",
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk's (at most --connections)")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per page, in rounds; report their medians"
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--redis",
        default=REDIS_DEFAULT,
        help="Redis for the cache and the task queue (its database is emptied); '' for none",
    )
    parser.add_argument("--skip", action="append", default=[], help="leave out a page by name")
    parser.add_argument(
        "--no-write", action="store_true", help="print; write neither the docs nor the history"
    )
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    args.threads = max(1, min(args.threads, args.connections))
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")

    static_root = tempfile.mkdtemp(prefix="sorgu-bench-static-")
    env = environment(args.database, static_root, args.port, args.redis)
    python = sys.executable
    print("collecting static files…", flush=True)
    # A database migrated under other settings lacks the database cache's table.
    for command in (["collectstatic", "--noinput"], ["createcachetable"]):
        subprocess.run([python, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True)
    setup_django(env)
    from foi.models import FOIRequest

    requests_in_db = FOIRequest.objects.count()
    pages = [page for page in targets(api_token()) if page["name"] not in args.skip]
    url = f"http://127.0.0.1:{args.port}"
    results, memory = [], []
    uncached_env = {**env, "CACHE_URL": "dummycache://"}
    worker = start_worker(python, env)
    try:
        for server_env, group in (
            (env, [page for page in pages if not page.get("uncached")]),
            (uncached_env, [page for page in pages if page.get("uncached")]),
        ):
            if not group:
                continue
            server = start_server(python, server_env, args)
            try:
                wait_until_up(url)
                runs: dict[str, list[dict]] = {page["name"]: [] for page in group}
                for round_number in range(1, args.repeat + 1):
                    for page in group:
                        number = len(results) + list(runs).index(page["name"]) + 1
                        print(
                            f"[{number}/{len(pages)}] {page['name']} ({args.duration} s"
                            + (f", run {round_number}/{args.repeat}" if args.repeat > 1 else "")
                            + ")…",
                            flush=True,
                        )
                        # a short warm-up so every worker has its connection and caches
                        run_wrk(url, page, args.connections, 2, args.threads)
                        result = run_wrk(url, page, args.connections, args.duration, args.threads)
                        runs[page["name"]].append(result)
                        print(
                            f"    p50 {result['p50'] / 1000:.1f} ms, "
                            f"p95 {result['p95'] / 1000:.1f} ms, "
                            f"{result['rps']:,.0f} req/s, {result['errors']} errors",
                            flush=True,
                        )
                        if page.get("method") == "POST":
                            waited = wait_for_tasks(env)
                            print(f"    the worker caught up in {waited:.0f} s", flush=True)
                results += [
                    {**median_of(page_runs), "name": name} for name, page_runs in runs.items()
                ]
                if not memory:
                    memory = worker_memory(server.pid)
            finally:
                stop_server(server)
    finally:
        if worker is not None:
            stop_server(worker)
    shutil.rmtree(static_root, ignore_errors=True)
    counts = count_queries(pages)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    section = report(args, results, counts, memory, requests_in_db, load)
    print(section)
    if not args.no_write:
        from bench.record import record

        record("load", label(requests_in_db, args.connections), section, docs=Path(args.output))


if __name__ == "__main__":
    main()
