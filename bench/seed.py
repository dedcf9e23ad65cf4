"""Seeding benchmark: time ``manage.py seed_bench``; the result replaces its section of
docs/benchmarks.md and is appended to bench/results/seed-history.md (bench/record.py).

    .venv/bin/python bench/seed.py --database postgres://postgres@127.0.0.1:5432/sorgu_seed \
        --requests 100000
    .venv/bin/python bench/seed.py --database ... --requests 1000000 --from-output /tmp/seed.out

The database must be migrated and hold no bench data (or pass ``--clear``). With
``--from-output`` nothing is run: the section is written from the saved output of an earlier
``seed_bench`` run (its stdout), e.g. a long run started with nohup. Never part of the tests.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ROW = re.compile(r"^  ([a-z][a-z ]+?)\s{2,}(\d+)", re.M)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f", {kb / 1024 / 1024:.1f} GiB memory"
    return (
        f"{os.cpu_count()} CPUs, {cpu}{memory}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.release()}"
    )


def load_average() -> str:
    try:
        return ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def section(
    *,
    label: str,
    database: str,
    output: str,
    seconds: float,
    load_before: str,
    load_after: str,
    note: str,
) -> str:
    rows = {name.strip(): int(value) for name, value in ROW.findall(output)}
    requests = rows.get("requests", 0)
    inserted = sum(value for name, value in rows.items() if name not in ("deadline computations",))
    lines = [
        f"<!-- bench:{label} -->",
        f"### {requests:,} requests on {database}",
        "",
        f"- run: {datetime.date.today().isoformat()}; machine: {machine()}",
        f"- load average (1, 5, 15 min) before: {load_before}; after: {load_after}",
        f"- time: {seconds:,.0f} s; {requests / seconds:,.0f} requests/s; "
        f"{inserted / seconds:,.0f} rows/s over all tables",
        "",
        "| table | rows |",
        "|---|---:|",
        *(f"| {name} | {value:,} |" for name, value in rows.items()),
    ]
    if note:
        lines += ["", note]
    lines.append(f"<!-- /bench:{label} -->")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="DATABASE_URL of its own database")
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--clear", action="store_true")
    parser.add_argument("--from-output", help="write the section from a saved run's stdout")
    parser.add_argument("--seconds", type=float, help="with --from-output: the run's wall time")
    parser.add_argument("--load-before", default="unknown")
    parser.add_argument("--load-after", help="with --from-output: the load when it ended")
    parser.add_argument("--note", default="")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument(
        "--no-write", action="store_true", help="print; write neither the docs nor the history"
    )
    args = parser.parse_args()
    vendor = "PostgreSQL" if args.database.startswith("postgres") else "SQLite"
    if args.from_output:
        output = Path(args.from_output).read_text()
        found = re.search(r"in ([\d.]+) s", output)
        seconds = args.seconds or float(found.group(1))
        load_before, load_after = args.load_before, args.load_after or load_average()
    else:
        load_before = load_average()
        command = [
            sys.executable,
            "manage.py",
            "seed_bench",
            "--requests",
            str(args.requests),
            "--batch-size",
            str(args.batch_size),
            "--no-input",
        ]
        if args.clear:
            command.append("--clear")
        started = time.perf_counter()
        done = subprocess.run(
            command,
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": args.database},
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - started
        output, load_after = done.stdout, load_average()
    requests = re.search(r"Seeded (\d+) requests", output).group(1)
    label = f"seed-{vendor.lower()}-{requests}"
    text = section(
        label=label,
        database=vendor,
        output=output,
        seconds=seconds,
        load_before=load_before,
        load_after=load_after,
        note=args.note,
    )
    if not args.no_write:
        from bench.record import record

        record("seed", label, text, docs=Path(args.output))
    print(text)


if __name__ == "__main__":
    main()
