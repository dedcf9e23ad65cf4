"""Search benchmark: seed N answered requests in three languages, index them, time queries.

    .venv/bin/python bench/search.py                       # SQLite, /tmp/issue-7-bench.sqlite3
    .venv/bin/python bench/search.py --database postgres://postgres@127.0.0.1:5432/sorgu_bench
    .venv/bin/python bench/search.py --requests 5000 --no-write     # a quick look

Reports seeding time, index throughput (documents built from the database and written to the
index, per second) and p50/p95/max latency of ``search.search`` (hits, snippets, facets,
labels: what the /search/ page asks) over a fixed set of queries, and of
``search.similar_requests``. With ``ELASTICSEARCH_URL`` set it also indexes into and
queries Elasticsearch. Each run replaces its section of docs/benchmarks.md (one per database
and backend) and is appended to bench/results/search-history.md (bench/record.py). Never part
of the test suite.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    # (query, filters, sort, page)
    ("büdcə", {}, "relevance", 1),
    ("büdcənin icrası", {}, "relevance", 1),
    ("ictimai nəqliyyat", {}, "relevance", 1),
    ("su tarifləri", {}, "relevance", 1),
    ('"dövlət satınalmaları"', {}, "relevance", 1),
    ("xəstəxana növbə", {}, "relevance", 1),
    ("sumqayit hava keyfiyyeti", {}, "relevance", 1),
    ("məktəb şagird", {"year": 2025}, "relevance", 1),
    ("budget", {}, "relevance", 1),
    ("budget execution report", {}, "relevance", 1),
    ("water tariffs", {}, "relevance", 1),
    ("hospital waiting times", {}, "relevance", 1),
    ('"public procurement"', {}, "relevance", 1),
    ("contracts -road", {}, "relevance", 1),
    ("reporting", {}, "date", 1),
    ("school enrolment", {"outcome": "full"}, "relevance", 1),
    ("бюджет", {}, "relevance", 1),
    ("исполнение бюджета", {}, "relevance", 1),
    ("тарифы на воду", {}, "relevance", 1),
    ("больницы очереди", {}, "relevance", 1),
    ('"государственных закупок"', {}, "relevance", 1),
    ("budget", {}, "relevance", 5),
    ("budget", {"kind": "request"}, "date", 2),
    ("", {}, "date", 1),
    ("", {"year": 2024}, "date", 1),
    ("metro", {"outcome": "partial"}, "relevance", 1),
    ("zzzunknownword", {}, "relevance", 1),
    ("ministry finance staff positions 2026", {}, "relevance", 1),
]
SIMILAR = [
    "Please send me the budget execution report of the ministry for 2025",
    "2025-ci il üçün məktəblərə qəbul haqqında məlumat verməyinizi xahiş edirəm",
    "Прошу предоставить тарифы на воду и отчёт о качестве воды",
    "Hava keyfiyyəti ölçmələri Sumqayıt stansiyaları",
    "Road repair contracts signed by the city executive authority",
]

TOPICS = {
    "budget": {
        "az": "büdcə icrası hesabat xərclər gəlirlər maliyyə nazirliyi vergi transfert",
        "en": "budget execution report expenditure revenue finance ministry tax transfer",
        "ru": "бюджет исполнение отчёт расходы доходы министерство финансов налог трансферт",
    },
    "transport": {
        "az": "ictimai nəqliyyat metro avtobus sərnişin dayanacaq marşrut bilet",
        "en": "public transport metro bus passengers station route ticket ridership",
        "ru": "общественный транспорт метро автобус пассажиры станция маршрут билет",
    },
    "water": {
        "az": "su tarifləri kanalizasiya içməli su keyfiyyəti sayğac abonent",
        "en": "water tariffs sewerage drinking water quality meter subscriber",
        "ru": "тарифы на воду канализация питьевая вода качество счётчик абонент",
    },
    "health": {
        "az": "xəstəxana növbə həkim müayinə səhiyyə dərman poliklinika",
        "en": "hospital waiting times doctor examination health medicine clinic",
        "ru": "больницы очереди врач обследование здравоохранение лекарства поликлиника",
    },
    "education": {
        "az": "məktəb şagird müəllim qəbul təhsil sinif dərslik",
        "en": "school enrolment pupils teacher admission education classroom textbook",
        "ru": "школы зачисление ученики учитель приём образование класс учебник",
    },
    "ecology": {
        "az": "hava keyfiyyəti ölçmə stansiya çirklənmə ekologiya Sumqayıt tullantı",
        "en": "air quality measurement station pollution ecology Sumgait emissions",
        "ru": "качество воздуха измерение станция загрязнение экология Сумгаит выбросы",
    },
    "procurement": {
        "az": "dövlət satınalmaları müqavilə tender podratçı məbləğ yol təmiri",
        "en": "public procurement contracts tender contractor amount road repair",
        "ru": "государственных закупок контракт тендер подрядчик сумма ремонт дорог",
    },
    "housing": {
        "az": "məcburi köçkün mənzil bölgü yaşayış binası növbə",
        "en": "displaced persons housing allocation residential building queue",
        "ru": "вынужденные переселенцы жильё распределение жилой дом очередь",
    },
}
SUBJECTS = {
    "az": "{year}-ci il üçün {a} və {b} haqqında məlumat",
    "en": "{A} and {b} for {year}",
    "ru": "Сведения о {a} и {b} за {year} год",
}
LETTERS = {
    "az": "Hörmətli qurum, {year}-ci il üzrə {a}, {b} və {c} barədə məlumat verməyinizi xahiş "
    "edirəm. {extra}",
    "en": "Dear sir or madam, please send me information on {a}, {b} and {c} in {year}. {extra}",
    "ru": "Уважаемые коллеги, прошу предоставить информацию о {a}, {b} и {c} за {year} год. "
    "{extra}",
}
ANSWERS = {
    "az": "Sorğunuza cavab olaraq {a} və {b} üzrə məlumat əlavə olunur. {extra}",
    "en": "In reply to your request we attach the figures on {a} and {b}. {extra}",
    "ru": "В ответ на ваш запрос направляем сведения о {a} и {b}. {extra}",
}


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def make_texts(rng: random.Random, year: int) -> dict:
    language = rng.choices(["az", "en", "ru"], weights=[6, 2, 2])[0]
    topic = rng.choice(list(TOPICS))
    words = TOPICS[topic][language].split()
    other = TOPICS[rng.choice(list(TOPICS))][language].split()
    a, b, c = (rng.choice(words) for _ in range(3))
    extra = " ".join(sentence(rng, words + other, rng.randint(6, 14)) for _ in range(3))
    subject = SUBJECTS[language].format(year=year, a=a, b=b, A=a.capitalize())
    letter = LETTERS[language].format(year=year, a=a, b=b, c=c, extra=extra)
    answer_extra = " ".join(sentence(rng, words + other, rng.randint(8, 16)) for _ in range(4))
    answer = ANSWERS[language].format(a=a, b=rng.choice(words), extra=answer_extra)
    file_text = ""
    if rng.random() < 0.3:
        rows = [
            "\t".join([rng.choice(words), str(rng.randint(1, 99999)), str(rng.random())[:6]])
            for _ in range(rng.randint(20, 200))
        ]
        file_text = "\n".join(rows)
    return {
        "subject": subject[:250],
        "letter": letter,
        "answer": answer,
        "file_text": file_text,
        "topic": topic,
    }


def seed(n: int, out) -> float:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from demo.build_bodies import bodies_load
    from demo.files import FIXTURES_DIR
    from foi.models import Attachment, FOIRequest, Law, Message, PublicBody, User

    started = time.perf_counter()
    if not Law.objects.filter(code="az").exists():
        call_command("loaddata", str(FIXTURES_DIR / "laws.json"), verbosity=0)
    if not PublicBody.objects.exists():
        bodies_load(csv_path=FIXTURES_DIR / "az_public_bodies.csv")
    law = Law.objects.get(code="az")
    bodies = list(PublicBody.objects.all())
    requester, _ = User.objects.get_or_create(email="bench@bench.example")
    existing = FOIRequest.objects.count()
    rng = random.Random(20260318 + existing)
    batch = 2000
    now = timezone.now()
    for start in range(existing, n, batch):
        size = min(batch, n - start)
        requests, texts = [], []
        for i in range(start, start + size):
            year = rng.choice([2022, 2023, 2024, 2025, 2026])
            submitted = datetime.datetime(year, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(
                days=rng.randint(0, 300), hours=rng.randint(8, 17)
            )
            submitted = min(submitted, now - datetime.timedelta(days=30))
            body_texts = make_texts(rng, year)
            outcome = rng.choices(["full", "partial", "not_held", "refused"], weights=[6, 2, 1, 1])[
                0
            ]
            answered_at = submitted + datetime.timedelta(days=rng.randint(3, 20))
            texts.append((body_texts, outcome, answered_at, submitted))
            requests.append(
                FOIRequest(
                    reference=f"AZ-{year}-B{i:07d}",
                    law=law,
                    body=rng.choice(bodies),
                    requester=requester,
                    subject=body_texts["subject"],
                    text=body_texts["letter"],
                    state="refused" if outcome == "refused" else "answered",
                    outcome=outcome,
                    submitted_at=submitted,
                    first_received_at=submitted,
                    received_at=submitted,
                    answered_at=answered_at if outcome != "refused" else None,
                    refused_at=answered_at if outcome == "refused" else None,
                    first_response_at=answered_at,
                    public_name="Bench",
                )
            )
        with transaction.atomic():
            FOIRequest.objects.bulk_create(requests)
            messages, answers = [], []
            for foi_request, (body_texts, outcome, answered_at, submitted) in zip(
                requests, texts, strict=True
            ):
                messages.append(
                    Message(
                        foi_request=foi_request,
                        kind="letter",
                        text=foi_request.text,
                        created_at=submitted,
                    )
                )
                answer = Message(
                    foi_request=foi_request,
                    kind="refusal" if outcome == "refused" else "response",
                    text=body_texts["answer"],
                    from_body=foi_request.body,
                    created_at=answered_at,
                )
                messages.append(answer)
                answers.append((answer, body_texts))
            Message.objects.bulk_create(messages)
            files = [
                Attachment(
                    message=answer,
                    file=f"attachments/bench/{answer.pk}.csv",
                    original_name=f"{body_texts['topic']}-{answer.pk}.csv",
                    content_type="text/csv",
                    size=len(body_texts["file_text"]),
                    sha256=f"{answer.pk:064d}",
                    extracted_text=body_texts["file_text"],
                    approved=True,
                    created_at=answer.created_at,
                )
                for answer, body_texts in answers
                if body_texts["file_text"]
            ]
            Attachment.objects.bulk_create(files)
        done = start + size
        out(f"\r  seeded {done:,}/{n:,}", end="")
    out("")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics after a bulk load, as autovacuum would
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def time_queries(repeats: int) -> dict:
    from search import search, similar_requests

    for query, filters, sort, page in QUERIES:  # warm caches once
        search(query, filters, page, None, sort=sort)
    samples, per_query = [], []
    for query, filters, sort, page in QUERIES:
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            results = search(query, filters, page, None, sort=sort)
            timings.append((time.perf_counter() - started) * 1000)
        samples += timings
        per_query.append((query, filters, sort, page, results.total, statistics.median(timings)))
    similar = []
    for text in SIMILAR:
        similar_requests(text=text, limit=5)
        for _ in range(repeats):
            started = time.perf_counter()
            similar_requests(text=text, limit=5)
            similar.append((time.perf_counter() - started) * 1000)
    return {"samples": samples, "per_query": per_query, "similar": similar}


def machine(database_label: str) -> list[str]:
    import sqlite3

    from django.db import connection

    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    cpu = platform.processor() or ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    version = f"SQLite {sqlite3.sqlite_version}"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
    return [
        f"- machine: {os.cpu_count()} CPUs (`nproc`), {cpu}; {memory} memory; "
        f"Python {platform.python_version()}; {platform.system()} {platform.release()}",
        f"- database: {version} ({database_label})",
    ]


def load_average() -> str:
    try:
        return ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def report_section(label, database_label, n, seeded, index_seconds, count, timings) -> str:
    samples = timings["samples"]
    similar = timings["similar"]
    lines = [
        f"<!-- bench:{label} -->",
        f"### {label}",
        "",
        f"Run {datetime.date.today().isoformat()} with `--requests {n}`.",
        "",
        *machine(database_label),
        f"- load average while indexing: {timings['load_indexing']}; while querying: "
        f"{timings['load_querying']} (1, 5, 15 min; the machine is shared with other work)",
        f"- seeding (not the subject of the benchmark): {seeded:.0f} s",
        f"- indexing: {count:,} documents in {index_seconds:.1f} s = "
        f"**{count / index_seconds:,.0f} documents/s** (built from the database, analysed, "
        "written)",
        f"- `search.search`: {len(samples)} timed calls over {len(QUERIES)} queries: "
        f"**p50 {percentile(samples, 0.5):.1f} ms, p95 {percentile(samples, 0.95):.1f} ms**, "
        f"max {max(samples):.1f} ms",
        f"- `similar_requests`: {len(similar)} calls: p50 {percentile(similar, 0.5):.1f} ms, "
        f"p95 {percentile(similar, 0.95):.1f} ms",
        "",
        "| query | filters | sort | page | hits | median ms |",
        "|---|---|---|---|---|---|",
    ]
    for query, filters, sort, page, total, median in timings["per_query"]:
        shown = query.replace("|", "\\|") or "(none: browse)"
        lines.append(
            f"| `{shown}` | {filters or ''} | {sort} | {page} | {total:,} | {median:.1f} |"
        )
    lines += ["", f"<!-- /bench:{label} -->"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/issue-7-bench.sqlite3"),
        help="a DATABASE_URL of its own (never the portal's): it is filled with bench data",
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--no-write", action="store_true", help="print; write neither the docs nor the history"
    )
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ["SEARCH_BACKEND"] = ""
    import django
    from django.conf import settings

    es_url = os.environ.get("ELASTICSEARCH_URL", "")
    settings.ELASTICSEARCH_URL = ""
    settings.LOGGING_CONFIG = None
    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command
    from django.db import connection

    from foi.models import FOIRequest

    def out(text="", end="\n"):
        print(text, end=end, flush=True)

    call_command("migrate", verbosity=0)
    database_label = connection.vendor
    out(f"Database: {database_label}; requests wanted: {args.requests:,}")
    have = FOIRequest.objects.count()
    if have > args.requests:
        sys.exit(f"The bench database already holds {have:,} requests; use a fresh one.")
    seeded = seed(args.requests, out)
    out(f"Seeded in {seeded:.0f} s")

    runs = [("database", "")]
    if es_url:
        runs.append(("elasticsearch", es_url))
    for backend_name, url in runs:
        settings.SEARCH_BACKEND = backend_name
        settings.ELASTICSEARCH_URL = url
        from search import indexing

        label = f"{backend_name} on {database_label}"
        done = [0]

        def progress(count, label=label, done=done):
            done[0] += count
            out(f"\r  {label}: indexed {done[0]:,}", end="")

        started = time.perf_counter()
        count = indexing.rebuild(progress=progress)
        index_seconds = time.perf_counter() - started
        load_indexing = load_average()
        out(f"\n  {count:,} documents in {index_seconds:.1f} s ({count / index_seconds:,.0f}/s)")
        timings = time_queries(args.repeats)
        timings["load_indexing"] = load_indexing
        timings["load_querying"] = load_average()
        samples = timings["samples"]
        out(
            f"  search p50 {percentile(samples, 0.5):.1f} ms, "
            f"p95 {percentile(samples, 0.95):.1f} ms, max {max(samples):.1f} ms"
        )
        section = report_section(
            label, database_label, args.requests, seeded, index_seconds, count, timings
        )
        if args.no_write:
            out(section)
        else:
            from bench.record import history_path, record

            record("search", label, section, docs=Path(args.output))
            out(f"  written to {args.output} and {history_path('search')}")


if __name__ == "__main__":
    main()
