"""Time per page to read a 10-page scan by OCR (core/ocr.py: pypdfium2 renders each page at
300 dpi, Tesseract reads it with aze+rus+eng, pypdf lays the text over the original page).

    .venv/bin/python bench/ocr.py [--pages 10] [--write]

The scan is made here: A4 pages of dense Azerbaijani and Russian text (DejaVu Sans, 11 points,
about 45 lines a page) drawn by Pillow at 300 dpi, in grey on near-white like a scanner's, saved
as a PDF of images with no text layer. Reported: each page's time (from the progress callback),
the median and the slowest, the whole file, the largest resident memory of a Tesseract process,
the sizes of the scan and of its searchable copy, and how many of the drawn words came back
exactly. With ``--write`` the table replaces the section "ocr" of docs/benchmarks.md and is
appended to bench/results/ocr-history.md (bench/record.py). Never part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABEL = "ocr"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 300
PARAGRAPHS = (
    "Şəhər icra hakimiyyətinin 2025-ci il üzrə büdcə hesabatında küçələrin təmiri, dağ "
    "kəndlərinə içməli su xəttinin çəkilməsi və məktəblərin istilik sisteminin yenilənməsi "
    "üçün ayrılmış vəsaitlər göstərilir. Ödənişlər hər ayın çərşənbə günü maliyyə şöbəsi "
    "tərəfindən yoxlanılır və nəticələri rüblük hesabatda dərc olunur.",
    "Согласно статье 19 Закона о праве на получение информации, обладатель информации "
    "обязан предоставить ответ в течение семи рабочих дней. Сведения о расходах бюджета "
    "относятся к открытой информации и подлежат опубликованию.",
    "Müraciət edən şəxsin şəxsi məlumatları qorunur; sənədin açıq hissəsi tam həcmdə "
    "təqdim edilir. Göygöl, Gəncə, Şəki, Quba və Lənkəran rayonlarında görülən işlərin "
    "siyahısı əlavədə verilmişdir.",
)


def configure() -> None:
    from django.conf import settings

    if not settings.configured:
        settings.configure(FOI_OCR_LANGUAGES=os.environ.get("FOI_OCR_LANGUAGES", "aze+rus+eng"))


def wrap(text: str, font, width: int, draw) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def page(number: int):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, round(11 * DPI / 72))
    image = Image.new("L", (round(8.27 * DPI), round(11.69 * DPI)), 248)
    draw = ImageDraw.Draw(image)
    margin, leading = DPI, round(16 * DPI / 72)
    y, words = margin, []
    draw.text((margin, y), f"Səhifə {number}", font=font, fill=25)
    y += 2 * leading
    paragraph, width = 0, image.width - 2 * margin
    while y < image.height - margin - leading:
        for line in wrap(PARAGRAPHS[paragraph % len(PARAGRAPHS)], font, width, draw):
            if y >= image.height - margin - leading:
                break
            draw.text((margin, y), line, font=font, fill=25)
            words += line.split()
            y += leading
        y += leading // 2
        paragraph += 1
    return image, words


def scan(pages: int) -> tuple[bytes, list[str]]:
    images, words = [], []
    for number in range(1, pages + 1):
        image, page_words = page(number)
        images.append(image)
        words += page_words
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return buffer.getvalue(), words


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def recall(drawn: list[str], read: str) -> float:
    """How many of the drawn words came back exactly, counted with repetitions."""
    from collections import Counter

    wanted, got = Counter(tokens(" ".join(drawn))), Counter(tokens(read))
    return sum(min(count, got[word]) for word, count in wanted.items()) / sum(wanted.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="write to docs/benchmarks.md")
    arguments = parser.parse_args()
    configure()
    from core import ocr

    if not ocr.tesseract_available():
        raise SystemExit("Tesseract is not installed: apt-get install -y tesseract-ocr-aze ...")
    content, words = scan(arguments.pages)
    print(f"scan: {arguments.pages} pages, {len(content) / 1e6:.1f} MB, {len(words)} words")
    times: list[float] = []
    mark = time.perf_counter()

    def progress(done: int, total: int) -> None:
        nonlocal mark
        now = time.perf_counter()
        times.append(now - mark)
        mark = now
        print(f"  page {done}/{total}: {times[-1]:.2f} s", flush=True)

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    result = ocr.ocr_pdf(content, progress=progress)
    total = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    share = recall(words, result.text)
    rows = [
        ("pages", f"{result.pages}"),
        ("median per page", f"{statistics.median(times):.2f} s"),
        ("slowest page", f"{max(times):.2f} s"),
        ("whole file", f"{total:.1f} s"),
        ("largest Tesseract process", f"{peak_mb:.0f} MB resident"),
        ("scan / searchable copy", f"{len(content) / 1e6:.1f} MB / {len(result.pdf) / 1e6:.1f} MB"),
        ("drawn words read back exactly", f"{share:.1%}"),
        ("machine's load average, before / after", f"{load_before:.1f} / {os.getloadavg()[0]:.1f}"),
    ]
    for name, value in rows:
        print(f"{name:32} {value}")
    if arguments.write:
        from bench.record import marked, record

        table = ["| measure | value |", "|---|---|", *(f"| {n} | {v} |" for n, v in rows)]
        machine = f"{platform.machine()}, {os.cpu_count()} cores"
        languages = "+".join(ocr.languages())
        section = marked(
            LABEL,
            "\n".join(
                [
                    f"### A {result.pages}-page scan, {languages} at {DPI} dpi",
                    "",
                    f"Run {time.strftime('%Y-%m-%d')} on {machine} ({languages}), one "
                    "Tesseract thread (`OMP_THREAD_LIMIT=1`), pages one after another.",
                    "",
                    *table,
                ]
            ),
        )
        record("ocr", LABEL, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
