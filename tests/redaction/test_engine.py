"""The redaction engine: what lay under a box is in no text, stream or metadata of the result,
and the verification catches a box that missed."""

from __future__ import annotations

import io
import os
import re

import pikepdf
import pytest
from PIL import Image

from core.errors import InvalidInput
from redaction import images, ocr, office, patterns, verify
from redaction import pdf as redact
from redaction.boxes import Box, check_boxes
from tests.redaction.documents import PAGE_H, PAGE_W, box_over, photo, text_pdf

SECRET = "Aysel Mammadova"
# Skipped without Tesseract for `make run` users only: .ci/run installs it and says so.
needs_tesseract = pytest.mark.skipif(
    not ocr.languages() and not os.environ.get("SORGU_REQUIRE_TESSERACT"),
    reason="Tesseract is not installed",
)
PUBLIC = "The minister decided"


def document() -> bytes:
    return text_pdf(
        [
            [
                (72, 700, PUBLIC),
                (72, 600, f"Complainant: {SECRET}"),
                (72, 500, "Phone 050 123 45 67"),
            ],
            [(72, 700, "Second page text")],
        ]
    )


def secret_box(reason: str = "personal-data") -> Box:
    # "Complainant: " is 13 characters of 14pt Helvetica, about 90 points.
    return box_over(160, 600, 120, reason=reason)


def redacted(content: bytes, boxes: list[Box], *, ocr_text: bool = False) -> redact.Redacted:
    return redact.redact_pdf(
        content,
        boxes,
        log_title="Redactions",
        log_lines=["Page 1: personal data"],
        ocr_text=ocr_text,
    )


def everything_readable(content: bytes) -> bytes:
    """The file's bytes and every stream decompressed, for a plain search."""
    chunks = [content]
    with pikepdf.open(io.BytesIO(content)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    chunks.append(obj.read_bytes())
                except pikepdf.PdfError:
                    chunks.append(obj.read_raw_bytes())
    return b"\n".join(chunks)


def test_the_text_under_a_box_is_read_from_the_original_text_layer():
    assert redact.text_under(document(), [secret_box()]) == [[SECRET]]


def test_a_secret_under_a_box_is_gone_from_text_streams_and_metadata():
    original = document()
    assert SECRET.encode() in everything_readable(original)
    boxes = [secret_box()]
    covered = redact.text_under(original, boxes)
    result = redacted(original, boxes)

    assert result.pages == 2
    assert SECRET.encode() not in everything_readable(result.content)
    for word in ("Aysel", "Mammadova", "Document Author", "annotation note", "embedded payload"):
        assert word.encode() not in everything_readable(result.content)
    with pikepdf.open(io.BytesIO(result.content)) as pdf:
        assert len(pdf.pages) == 3  # the two pages and the list of redactions
        assert not pdf.docinfo.keys()
        assert "/Metadata" not in pdf.Root and "/Names" not in pdf.Root
        assert "/OpenAction" not in pdf.Root and "/AcroForm" not in pdf.Root
        assert not pdf.attachments
        assert all("/Annots" not in page.obj for page in pdf.pages)
    check = verify.verify_pdf(result.content, boxes, covered)
    assert check.passed, check.problems
    assert check.checked == 1


def test_the_burnt_area_is_black_and_the_rest_of_the_page_is_kept():
    result = redacted(document(), [secret_box()])
    page = redact.render_page(result.content, 1)
    width, height = page.size
    x = int((160 + 60) / PAGE_W * width)
    y = int((PAGE_H - 600 - 4) / PAGE_H * height)
    assert page.getpixel((x, y)) == (0, 0, 0) or sum(page.getpixel((x, y))) < 60
    assert sum(page.getpixel((5, 5))) > 700  # the margin stays white


@needs_tesseract
def test_with_tesseract_the_text_layer_is_read_back_without_the_secret():
    original = document()
    boxes = [secret_box()]
    result = redacted(original, boxes, ocr_text=True)
    assert result.text_layer
    text = verify._pdfium_text(result.content)
    assert "minister" in text
    assert "Mammadova" not in text and "Aysel" not in text
    assert verify.verify_pdf(result.content, boxes, redact.text_under(original, boxes)).passed
    with pikepdf.open(io.BytesIO(result.content)) as pdf:
        assert not pdf.docinfo.keys()  # Tesseract's name is dropped with the rest


def test_a_box_over_the_wrong_place_is_caught():
    original = document()
    missed = [box_over(72, 700, 150)]  # over the public line: the secret stays
    aimed = [secret_box()]
    result = redacted(original, missed)
    check = verify.verify_pdf(result.content, aimed, redact.text_under(original, aimed))
    assert check.passed  # no text layer: a rasterised page leaks nothing to a text reader...

    # ...but a file whose text still holds the secret is refused, by every check that sees it.
    check = verify.verify_pdf(original, aimed, redact.text_under(original, aimed))
    assert not check.passed
    joined = " ".join(check.problems)
    assert "pypdf" in joined and "pdfium" in joined
    assert "decompressed" in joined and "text operators" in joined
    assert "document information" in joined and "annotations" in joined
    assert SECRET not in joined  # the reason never repeats what was withheld


@needs_tesseract
def test_with_ocr_a_box_that_missed_leaves_the_secret_readable_and_is_caught():
    original = document()
    aimed = [secret_box()]
    result = redacted(original, [box_over(72, 700, 150)], ocr_text=True)
    check = verify.verify_pdf(result.content, aimed, redact.text_under(original, aimed))
    assert not check.passed
    assert any("pdfium" in problem for problem in check.problems)


def test_a_secret_split_by_text_operators_is_caught():
    split = text_pdf([[(72, 600, "x")]])
    with pikepdf.open(io.BytesIO(split)) as pdf:
        pdf.pages[0].Contents = pdf.make_stream(
            b"BT /F1 14 Tf 72 600 Td [(Aysel Mam) -20 (madova)] TJ ET"
        )
        buffer = io.BytesIO()
        pdf.save(buffer)
    boxes = [secret_box()]
    check = verify.verify_pdf(buffer.getvalue(), boxes, [[SECRET]])
    assert any("text operators" in problem for problem in check.problems)


def test_an_earlier_revision_is_caught():
    original = document()
    with pikepdf.open(io.BytesIO(redacted(original, [secret_box()]).content)) as pdf:
        buffer = io.BytesIO()
        pdf.save(buffer)
    appended = buffer.getvalue() + b"\n1 0 obj\n(Aysel Mammadova)\nendobj\n%%EOF\n"
    check = verify.verify_pdf(appended, [secret_box()], [[SECRET]])
    assert any("earlier revision" in problem for problem in check.problems)


def test_find_boxes_covers_every_occurrence_of_a_term_and_a_pattern():
    content = text_pdf(
        [
            [(72, 700, "Aysel wrote to Aysel"), (72, 600, "Call +994 50 123 45 67 now")],
            [(72, 700, "aysel@example.az and AZE12345678")],
        ]
    )
    names = redact.find_boxes(content, [patterns.term_pattern("aysel")], reason="personal-data")
    assert [box.page for box in names] == [1, 1, 2]
    assert [lines for lines in redact.text_under(content, names)] == [
        ["Aysel"],
        ["Aysel"],
        ["aysel"],
    ]
    found = redact.find_boxes(
        content,
        [patterns.compile_pattern(key) for key in ("phone", "email", "id-card")],
        reason="personal-data",
    )
    texts = [lines[0] for lines in redact.text_under(content, found)]
    assert texts == ["+994 50 123 45 67", "aysel@example.az", "AZE12345678"]
    result = redacted(content, names + found)
    assert verify.verify_pdf(
        result.content, names + found, redact.text_under(content, names + found)
    ).passed


def test_the_patterns_match_what_they_say():
    assert re.fullmatch(patterns.compile_pattern("phone"), "050 123 45 67")
    assert re.fullmatch(patterns.compile_pattern("phone"), "+994501234567")
    assert re.fullmatch(patterns.compile_pattern("id-card"), "AA 1234567")
    assert not re.search(patterns.compile_pattern("id-card"), "AZE1234")


def test_an_image_loses_its_exif_and_its_covered_pixels():
    original = photo(artist="Aysel Mammadova")
    assert b"Aysel Mammadova" in original
    secrets = images.metadata_values(original)
    assert "Aysel Mammadova" in secrets
    box = Box(page=1, x0=0.04, y0=0.05, x1=0.32, y1=0.42, reason="personal-data")
    result = images.redact_image(original, "image/jpeg", [box])
    assert b"Aysel Mammadova" not in result.content and b"ministry" not in result.content
    image = Image.open(io.BytesIO(result.content))
    assert not len(image.getexif()) and "exif" not in image.info
    assert sum(image.getpixel((70, 70))) < 40  # the square is black now
    assert sum(image.getpixel((300, 250))) > 700
    assert verify.verify_image(result.content, secrets=secrets).passed
    assert not verify.verify_image(original, secrets=secrets).passed


@pytest.mark.parametrize(("kind", "content_type"), [("PNG", "image/png"), ("TIFF", "image/tiff")])
def test_png_and_tiff_are_redacted_the_same_way(kind, content_type):
    original = photo(artist="Aysel Mammadova", kind=kind)
    box = Box(page=1, x0=0.04, y0=0.05, x1=0.32, y1=0.42, reason="personal-data")
    result = images.redact_image(original, content_type, [box])
    assert Image.open(io.BytesIO(result.content)).format == kind
    assert verify.verify_image(result.content, secrets=images.metadata_values(original)).passed


def test_boxes_are_checked():
    good = Box(page=1, x0=0.1, y0=0.1, x1=0.2, y1=0.2, reason="personal-data")
    assert check_boxes([good], page_count=1) == [good]
    for bad in (
        Box(page=2, x0=0.1, y0=0.1, x1=0.2, y1=0.2, reason="x"),
        Box(page=1, x0=0.3, y0=0.1, x1=0.2, y1=0.2, reason="x"),
        Box(page=1, x0=0.1, y0=0.1, x1=1.2, y1=0.2, reason="x"),
        Box(page=1, x0=0.1, y0=0.1, x1=0.2, y1=0.2, reason=""),
    ):
        with pytest.raises(InvalidInput):
            check_boxes([bad], page_count=1)
    with pytest.raises(InvalidInput):
        check_boxes([], page_count=1)


def test_a_damaged_pdf_is_refused_with_a_sentence():
    with pytest.raises(InvalidInput):
        redact.page_count(b"%PDF-1.7 nothing")


def test_office_files_are_refused_without_a_converter(monkeypatch):
    monkeypatch.setattr(office, "converter", lambda: None)
    with pytest.raises(InvalidInput, match="no converter"):
        office.to_pdf(b"PK...", extension=".docx")


@pytest.mark.skipif(office.converter() is None, reason="LibreOffice is not installed")
def test_office_files_are_converted_when_libreoffice_is_there():
    import docx

    document_ = docx.Document()
    document_.add_paragraph(SECRET)
    buffer = io.BytesIO()
    document_.save(buffer)
    converted = office.to_pdf(buffer.getvalue(), extension=".docx")
    assert redact.page_count(converted) == 1
