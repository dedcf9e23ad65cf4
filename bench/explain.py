"""Where the pages under load spend their database time: each page's queries, timed, with
``EXPLAIN (ANALYZE, BUFFERS)`` of the slowest ones.

    .venv/bin/python bench/explain.py --database postgres://postgres@127.0.0.1:5432/sorgu_bench

It renders each page of ``bench/load.py`` once in-process (Django's test client; the officer
queue as its coordinator) to warm the caches, then again capturing every SQL statement, and runs
``EXPLAIN (ANALYZE, BUFFERS)`` on its two slowest statements and any other that took at least
``--threshold`` ms. The
plans are printed; with ``--write`` they replace bench/PLANS.md's section "plans", a table of each
page's time and queries replaces the section "plans" of docs/benchmarks.md, and that table is
appended to bench/results/explain-history.md (bench/record.py). Never part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABEL = "plans"
TITLE = "Where the pages under load spend their database time"
PLANS_TITLE = "Query plans of the pages under load"
PLANS = ROOT / "bench" / "PLANS.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--threshold", type=float, default=5.0, help="ms (default 5)")
    parser.add_argument("--only", default="", help="Pages whose name contains this.")
    parser.add_argument("--skip", action="append", default=[], help="Leave out a page by name.")
    parser.add_argument(
        "--write", action="store_true", help="Write bench/PLANS.md, the docs and the history."
    )
    args = parser.parse_args()

    from bench import load

    env = load.environment(args.database, "/tmp/sorgu-bench-static", 8000)
    env["DEBUG"] = "False"
    load.setup_django(env)
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    run = f"Run {datetime.date.today()} on `{args.database.rsplit('/', 1)[-1]}`."
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM foi_foirequest")
        requests = cursor.fetchone()[0]
    lines = [run, f"Requests in the database: {requests:,}.", ""]
    pages = []
    for page in load.targets(token=None):
        if "floor" in page["name"] or args.only not in page["name"] or page["name"] in args.skip:
            continue
        client = Client(HTTP_HOST="127.0.0.1")
        if page.get("user") is not None:
            client.force_login(page["user"])
        cache.clear()
        client.get(page["path"])  # warm: imports, templates, the statistics' cache
        if page.get("uncached"):
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(page["path"])
            elapsed = (time.perf_counter() - started) * 1000
        queries = captured.captured_queries
        database_ms = sum(float(query["time"]) for query in queries) * 1000
        lines.append(f"#### {page['name']}: `{page['path']}`")
        lines.append("")
        lines.append(
            f"HTTP {response.status_code}; {elapsed:.0f} ms in-process, of which "
            f"{database_ms:.0f} ms in {len(queries)} queries."
        )
        lines.append("")
        ranked = sorted(queries, key=lambda query: -float(query["time"]))
        pages.append(
            {
                "name": page["name"],
                "path": page["path"],
                "status": response.status_code,
                "ms": elapsed,
                "database_ms": database_ms,
                "queries": len(queries),
                "slowest_ms": float(ranked[0]["time"]) * 1000 if ranked else 0.0,
            }
        )
        # The two slowest of each page, and any other over the threshold.
        slow = ranked[:2] + [q for q in ranked[2:] if float(q["time"]) * 1000 >= args.threshold]
        for query in slow:
            sql = query["sql"]
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            lines.append(f"{float(query['time']) * 1000:.1f} ms: `{_short(sql)}`")
            lines.append("")
            lines.append("```")
            lines.append(plan)
            lines.append("```")
            lines.append("")
        print(f"{page['name']}: done", file=sys.stderr, flush=True)
    text = "\n".join(lines)
    print(text)
    if args.write:
        write(text, summary(run, requests, pages))
    return 0


def _short(sql: str, limit: int = 300) -> str:
    sql = re.sub(r"\s+", " ", sql)
    return sql if len(sql) <= limit else sql[:limit] + " …"


def summary(run: str, requests: int, pages: list[dict]) -> str:
    """Each page's time and queries, for docs/benchmarks.md; the plans stay in bench/PLANS.md."""
    lines = [
        f"### {TITLE}",
        "",
        f"{run} {requests:,} requests in the database; each page rendered once in-process after "
        "a warm-up. The plans of each page's slowest statements: bench/PLANS.md.",
        "",
        "| page | path | HTTP | in-process ms | in the database ms | queries | slowest query ms |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {page['name']} | `{page['path']}` | {page['status']} | {page['ms']:.0f} | "
        f"{page['database_ms']:.0f} | {page['queries']} | {page['slowest_ms']:.1f} |"
        for page in pages
    ]
    return "\n".join(lines)


def write(plans: str, table: str) -> None:
    from bench import record

    section = record.marked(LABEL, f"### {PLANS_TITLE}\n\n{plans}")
    record.write_section(PLANS, LABEL, section, header=f"# {PLANS_TITLE}\n")
    record.record("explain", LABEL, record.marked(LABEL, table))


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
