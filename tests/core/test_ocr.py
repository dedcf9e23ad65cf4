"""core.ocr: Tesseract over rendered pages, the text layer laid over the original pages."""

import io

import pytest
from pypdf import PdfReader

from core import ocr
from demo.files import demo_file
from tests.scans import page_image, require_tesseract, scan_pdf, scan_png


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def test_a_scan_has_no_text_layer_and_a_typed_pdf_has_one():
    assert not ocr.has_text_layer(scan_pdf())
    assert ocr.has_text_layer(demo_file("budget-execution-2025.pdf"))
    assert ocr.needs_ocr(scan_pdf(), "application/pdf")
    assert not ocr.needs_ocr(demo_file("budget-execution-2025.pdf"), "application/pdf")
    assert ocr.needs_ocr(scan_png(), "image/png")
    assert not ocr.needs_ocr(b"plain text", "text/plain")


def test_a_damaged_pdf_is_not_a_scan_to_read():
    assert not ocr.needs_ocr(b"%PDF-1.4 broken", "application/pdf")
    with pytest.raises(ocr.OCRFailed):
        ocr.has_text_layer(b"%PDF-1.4 broken")


def test_languages_come_from_the_setting_and_only_installed_ones_count(settings):
    settings.FOI_OCR_LANGUAGES = "aze+xxx"
    assert ocr.configured_languages() == ["aze", "xxx"]
    assert "xxx" not in ocr.languages()


def test_without_tesseract_reading_says_it_is_unavailable(settings):
    settings.FOI_TESSERACT_COMMAND = "/nonexistent/tesseract"
    assert not ocr.tesseract_available()
    with pytest.raises(ocr.OCRUnavailable):
        ocr.ocr_pdf(scan_pdf())


def test_an_azerbaijani_scan_is_read_and_keeps_its_pages():
    require_tesseract()
    scan = scan_pdf(pages=2)
    seen = []
    result = ocr.ocr_pdf(scan, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    assert result.pages == 2
    for word in ("hakimiyyətinin", "Küçələrin", "kəndlərinə", "çərşənbə", "şöbə"):
        assert word in result.text
    # The new PDF: the original pages (same size, the scan's image kept) with a text layer.
    original, searchable = PdfReader(io.BytesIO(scan)), PdfReader(io.BytesIO(result.pdf))
    assert len(searchable.pages) == 2
    assert searchable.pages[0].mediabox == original.pages[0].mediabox
    assert list(searchable.pages[0].images)
    assert "Küçələrin" in pdf_text(result.pdf)
    assert ocr.has_text_layer(result.pdf)


def test_an_image_is_read_into_text_and_a_pdf():
    require_tesseract()
    result = ocr.ocr_image(scan_png())
    assert "hakimiyyətinin" in result.text
    assert result.pages == 1
    assert "hakimiyyətinin" in pdf_text(result.pdf)


def test_a_damaged_image_fails_with_a_reason():
    require_tesseract()
    with pytest.raises(ocr.OCRFailed, match="cannot be opened"):
        ocr.ocr_image(b"\x89PNG\r\n\x1a\nnot really")


def test_each_page_of_a_multi_page_tiff_is_read():
    require_tesseract()
    first, second = page_image(("Birinci səhifə: küçələrin",)), page_image(("İkinci: kəndlərinə",))
    buffer = io.BytesIO()
    first.save(buffer, "TIFF", save_all=True, append_images=[second], dpi=(300, 300))
    seen = []
    result = ocr.ocr_image(buffer.getvalue(), progress=lambda *done: seen.append(done))
    assert seen == [(1, 2), (2, 2)]
    assert "küçələrin" in result.text and "kəndlərinə" in result.text
    assert len(PdfReader(io.BytesIO(result.pdf)).pages) == 2
