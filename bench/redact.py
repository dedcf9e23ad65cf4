"""Redaction benchmark: time per page to redact a 20-page PDF (docs/redaction.md).

    .venv/bin/python bench/redact.py               # 20 pages, with and without OCR
    .venv/bin/python bench/redact.py --pages 5 --no-write

Builds a text PDF of ``--pages`` A4 pages (30 lines each, a name and a phone number on every
page), finds every occurrence of the name and of the phone pattern (``redaction.pdf.
find_boxes``), reads the text under the boxes, redacts (render at 150 dpi, burn, rebuild: first
without a text layer, then with Tesseract's when it is installed) and verifies the result
(``redaction.verify.verify_pdf``). Each phase is timed once per run, after one warm-up page.
The run replaces the "Redaction" section of docs/benchmarks.md and is appended to
bench/results/redact-history.md (bench/record.py). Never part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LINE = "Line {line} of page {page}: the committee reviewed the budget of the district."


def document(pages: int) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    for page in range(1, pages + 1):
        lines = [LINE.format(line=n, page=page) for n in range(1, 31)]
        lines[5] = "Complainant: Aysel Mammadova, phone 050 123 45 67."
        lines[20] = "Copy to Aysel Mammadova."
        ops = "".join(
            f"BT /F1 10 Tf 60 {780 - 24 * n} Td ({text}) Tj ET\n" for n, text in enumerate(lines)
        )
        pdf.pages.append(
            pikepdf.Page(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Page,
                    MediaBox=[0, 0, 595, 842],
                    Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                    Contents=pdf.make_stream(ops.encode("latin-1")),
                )
            )
        )
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def timed(function):
    began = time.perf_counter()
    result = function()
    return result, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from redaction import ocr, patterns, verify
    from redaction import pdf as redaction_pdf

    content = document(args.pages)
    found_patterns = [patterns.term_pattern("Aysel Mammadova"), patterns.compile_pattern("phone")]
    # Warm-up: pdfium and Pillow load their code on first use.
    redaction_pdf.redact_pdf(document(1), [], log_title="Redactions", log_lines=[], ocr_text=False)

    boxes, find_s = timed(
        lambda: redaction_pdf.find_boxes(content, found_patterns, reason="personal-data")
    )
    covered, under_s = timed(lambda: redaction_pdf.text_under(content, boxes))
    log = [f"{n}. Page {b.page}: personal data" for n, b in enumerate(boxes, start=1)]
    plain, redact_s = timed(
        lambda: redaction_pdf.redact_pdf(
            content, boxes, log_title="Redactions", log_lines=log, ocr_text=False
        )
    )
    check, verify_s = timed(lambda: verify.verify_pdf(plain.content, boxes, covered))
    rows = [
        ("find every occurrence (2 patterns)", find_s),
        ("read the text under the boxes", under_s),
        ("redact: render 150 dpi, burn, rebuild (no OCR)", redact_s),
        ("verify (2 extractors, streams, structure)", verify_s),
    ]
    with_ocr = None
    if ocr.languages():
        with_ocr, ocr_s = timed(
            lambda: redaction_pdf.redact_pdf(
                content, boxes, log_title="Redactions", log_lines=log, ocr_text=True
            )
        )
        rows.insert(3, (f"redact with OCR text layer ({ocr.languages()})", ocr_s))
        ocr_check, ocr_verify_s = timed(lambda: verify.verify_pdf(with_ocr.content, boxes, covered))
        rows.append(("verify the OCR'd copy", ocr_verify_s))
        assert ocr_check.passed, ocr_check.problems
    assert check.passed, check.problems

    load = os.getloadavg()[0]
    table = "\n".join(
        f"| {name} | {seconds:.2f} | {seconds * 1000 / args.pages:.0f} |" for name, seconds in rows
    )
    sizes = f"{len(content) // 1024} KiB in, {len(plain.content) // 1024} KiB out without OCR"
    if with_ocr is not None:
        sizes += f", {len(with_ocr.content) // 1024} KiB with OCR"
    section = f"""### Redaction of a {args.pages}-page PDF

{datetime.date.today():%Y-%m-%d}, {platform.processor() or platform.machine()},
{os.cpu_count()} cores, load average {load:.1f} at the end; {len(boxes)} boxes; {sizes}.
Checks passed: {check.passed}.

| Phase | Seconds | ms per page |
|---|---:|---:|
{table}
"""
    print(section)
    if not args.no_write:
        from bench.record import record

        record(
            "redact", "redaction", f"<!-- bench:redaction -->\n{section}<!-- /bench:redaction -->"
        )


if __name__ == "__main__":
    main()
