"""Scans made in the test: a paragraph drawn into an image with Pillow, as a PDF with no text
layer (or as a PNG), for the tests of text recognition (OCR)."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageDraw, ImageFont

from core import ocr

# Debian's fonts-dejavu-core (installed by .ci/run): it has every Azerbaijani letter.
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
AZERBAIJANI = (
    "Göygöl rayon icra hakimiyyətinin büdcə hesabatı.",
    "Küçələrin təmiri üçün ayrılmış vəsaitlər göstərilir.",
    "Dağ kəndlərinə içməli su xətti çəkilməsi davam edir.",
    "Ödənişlər çərşənbə günü şöbə tərəfindən yoxlanılır.",
)


def require_tesseract() -> None:
    """Skip without Tesseract on a developer's machine (``make run`` works without it); fail in
    CI, where .ci/run installs it and sets SORGU_REQUIRE_TESSERACT."""
    if ocr.tesseract_available():
        return
    message = "Tesseract with aze+rus+eng is not installed (apt-get install -y tesseract-ocr-aze)"
    if os.environ.get("SORGU_REQUIRE_TESSERACT"):
        pytest.fail(message)
    pytest.skip(message)


def page_image(lines=AZERBAIJANI, *, dpi: int = 300) -> Image.Image:
    """An A4 page at ``dpi`` with ``lines`` in 14-point type, grey as a scanner gives."""
    font = ImageFont.truetype(FONT, round(14 * dpi / 72))
    image = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), 250)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((dpi, dpi + number * round(24 * dpi / 72)), line, font=font, fill=20)
    return image


def scan_pdf(lines=AZERBAIJANI, *, pages: int = 1) -> bytes:
    """A PDF of ``pages`` scanned pages: images only, no text layer."""
    images = [page_image(lines) for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def scan_png(lines=AZERBAIJANI) -> bytes:
    buffer = io.BytesIO()
    page_image(lines).save(buffer, "PNG", dpi=(300, 300))
    return buffer.getvalue()
