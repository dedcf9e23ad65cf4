"""A text layer for redacted pages, read by Tesseract from the burnt page images.

Private to redaction: the redacted pages are images we made, so what OCR reads back is only what
is still visible, and the text layer cannot hold anything a box covered. (Scans received as
attachments are OCR'd elsewhere; this is kept small so the two can share one helper later.)
Without the ``tesseract`` program the redacted PDF has no text layer, and says so
(``Redacted.text_layer``).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# The models tried, in this order, when installed (Debian: tesseract-ocr-aze, -rus, -eng).
LANGUAGES = ("aze", "rus", "eng")
TIMEOUT_SECONDS = 120


def available() -> bool:
    return shutil.which("tesseract") is not None


@functools.cache
def languages() -> str:
    """The installed models among ``LANGUAGES``, joined for ``-l``; "" when there are none."""
    if not available():
        return ""
    listed = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    ).stdout.split()
    return "+".join(name for name in LANGUAGES if name in listed)


def page_pdf(jpeg: bytes, *, dpi: int) -> bytes | None:
    """A one-page PDF of this JPEG with Tesseract's invisible text over it, or None when
    Tesseract is missing or fails (the caller then builds the page without text)."""
    if not languages():
        return None
    with tempfile.TemporaryDirectory(prefix="sorgu-redact-") as folder:
        image = Path(folder) / "page.jpg"
        image.write_bytes(jpeg)
        out = Path(folder) / "page"
        try:
            subprocess.run(
                ["tesseract", str(image), str(out), "-l", languages(), "--dpi", str(dpi), "pdf"],
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=True,
                # One thread: Tesseract's OpenMP threads fight the web workers for the cores
                # and make a page slower, not faster, on a small busy machine.
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
        except (subprocess.SubprocessError, OSError):
            return None
        result = out.with_suffix(".pdf")
        return result.read_bytes() if result.exists() else None
