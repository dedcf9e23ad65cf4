"""A text layer for redacted pages, read by Tesseract from the burnt page images.

What OCR reads back from a page we burnt is only what is still visible, so the text layer cannot
hold anything a box covered. Tesseract itself is driven by ``core.ocr`` (the same program,
languages, timeout and one-thread rule as the scans' text recognition); this module is the
narrow face the engine and its tests use. Without Tesseract the redacted PDF has no text layer,
and says so (``Redacted.text_layer``).
"""

from __future__ import annotations

from core import ocr as core_ocr


def available() -> bool:
    return core_ocr.tesseract_available()


def languages() -> str:
    """The installed models among the configured ones, joined for ``-l``; "" when none."""
    return "+".join(core_ocr.languages())


def page_pdf(jpeg: bytes, *, dpi: int) -> bytes | None:
    """A one-page PDF of this JPEG with Tesseract's invisible text over it, or None."""
    return core_ocr.image_pdf_page(jpeg, dpi=dpi, suffix=".jpg")
