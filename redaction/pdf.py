"""PDF redaction by rasterising: every page is rendered to an image (pypdfium2), the boxes are
burnt into it in black (Pillow), and a new PDF is built from the images (pikepdf). Nothing of the
original file is copied: its text, fonts, vector drawings, metadata, annotations, form fields,
embedded files, scripts and earlier revisions are simply not in the new file. A text layer is
read back from the burnt images by OCR when Tesseract is installed. A last page lists each
redaction's page and ground.
"""

from __future__ import annotations

import ctypes
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from core.errors import InvalidInput
from redaction import ocr
from redaction.boxes import Box

DPI = 150
JPEG_QUALITY = 80
# Normalised coordinates come from pdfium's page-to-device mapping on a large virtual device.
_DEVICE = 1_000_000
# A found term's box reaches this fraction of the character height beyond its glyphs.
MARGIN = 0.15
FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


@dataclass(frozen=True)
class Char:
    index: int
    text: str
    box: tuple[float, float, float, float] | None  # normalised x0, y0, x1, y1; None if generated


@dataclass(frozen=True)
class Redacted:
    content: bytes
    pages: int  # the document's pages, without the list of redactions
    text_layer: bool  # whether OCR gave the new file a text layer


def open_pdf(content: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(content)
    except pdfium.PdfiumError as error:
        raise InvalidInput(_("This PDF cannot be read: it is damaged or encrypted.")) from error


def page_count(content: bytes) -> int:
    document = open_pdf(content)
    try:
        return len(document)
    finally:
        document.close()


def render_page(content: bytes, number: int, *, dpi: int = DPI) -> Image.Image:
    """Page ``number`` (1-based) as an RGB image, as a reader would see it."""
    document = open_pdf(content)
    try:
        if not 1 <= number <= len(document):
            raise InvalidInput(_("There is no such page."))
        return _render(document[number - 1], dpi)
    finally:
        document.close()


def _render(page, dpi: int) -> Image.Image:
    return page.render(scale=dpi / 72, draw_annots=True).to_pil().convert("RGB")


def _to_normalised(page, x: float, y: float) -> tuple[float, float]:
    device_x, device_y = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, _DEVICE, _DEVICE, 0, x, y, device_x, device_y)
    return device_x.value / _DEVICE, device_y.value / _DEVICE


def page_chars(page) -> list[Char]:
    """Every character of the page's text layer with its box (None for the spaces and line
    breaks pdfium inserts between words and lines)."""
    textpage = page.get_textpage()
    try:
        chars = []
        for index in range(textpage.count_chars()):
            text = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index) or 0xFFFD)
            if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
                chars.append(Char(index, text, None))
                continue
            left, bottom, right, top = textpage.get_charbox(index)
            ax, ay = _to_normalised(page, left, bottom)
            bx, by = _to_normalised(page, right, top)
            box = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            chars.append(Char(index, text, box if box[2] > box[0] and box[3] > box[1] else None))
        return chars
    finally:
        textpage.close()


def _lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters in reading order, split where a line ends (a generated line break, or a
    character that does not sit on the previous one's line)."""
    lines: list[list[Char]] = []
    current: list[Char] = []
    for char in chars:
        if char.box is None:
            if char.text in "\r\n" and current:
                lines.append(current)
                current = []
            continue
        # The line's height so far, from its glyphs: a space's or a full stop's box sits on
        # the baseline and decides nothing alone.
        glyphs = [c.box for c in current if not c.text.isspace()]
        if glyphs and not char.text.isspace():
            top, bottom = min(b[1] for b in glyphs), max(b[3] for b in glyphs)
            middle = (char.box[1] + char.box[3]) / 2
            if not top <= middle <= bottom and not char.box[1] <= (top + bottom) / 2 <= char.box[3]:
                lines.append(current)
                current = []
        current.append(char)
    if current:
        lines.append(current)
    return lines


def _cover(chars: list[Char], number: int, reason: str) -> list[Box]:
    boxes = []
    for line in _lines(chars):
        x0 = min(c.box[0] for c in line)
        y0 = min(c.box[1] for c in line)
        x1 = max(c.box[2] for c in line)
        y1 = max(c.box[3] for c in line)
        margin = (y1 - y0) * MARGIN
        boxes.append(
            Box(
                page=number,
                x0=max(0.0, x0 - margin),
                y0=max(0.0, y0 - margin),
                x1=min(1.0, x1 + margin),
                y1=min(1.0, y1 + margin),
                reason=reason,
            )
        )
    return boxes


def find_boxes(content: bytes, patterns: list[re.Pattern], *, reason: str) -> list[Box]:
    """A box over every occurrence of each pattern in the PDF's text layer (one per line an
    occurrence runs over). A scan without a text layer yields none: OCR it first."""
    document = open_pdf(content)
    boxes: list[Box] = []
    try:
        for number, page in enumerate(document, start=1):
            chars = page_chars(page)
            text = "".join(c.text for c in chars)
            for pattern in patterns:
                for match in pattern.finditer(text):
                    if match.end() > match.start():
                        boxes.extend(_cover(chars[match.start() : match.end()], number, reason))
    finally:
        document.close()
    return boxes


def text_under(content: bytes, boxes: list[Box]) -> list[list[str]]:
    """For each box, the text of the original's text layer it covers, line by line: the
    characters whose centre lies inside it. What the verification looks for afterwards."""
    document = open_pdf(content)
    try:
        per_page: dict[int, list[Char]] = {}
        covered = []
        for box in boxes:
            if box.page not in per_page:
                per_page[box.page] = page_chars(document[box.page - 1])
            inside = [
                c
                for c in per_page[box.page]
                if c.box is not None
                and box.contains((c.box[0] + c.box[2]) / 2, (c.box[1] + c.box[3]) / 2)
            ]
            covered.append(["".join(c.text for c in line) for line in _lines(inside)])
        return covered
    finally:
        document.close()


def burn(image: Image.Image, boxes: Iterable[Box]) -> Image.Image:
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle(box.pixels(*image.size), fill="black")
    return image


def _font(size: int):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def log_page(lines: list[str], *, dpi: int = DPI, title: str) -> Image.Image:
    """An A4 page listing the redactions, one line each, wrapped to the page."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    margin = dpi * 3 // 4
    heading, body = _font(dpi // 5), _font(dpi // 8)
    y = margin
    draw.text((margin, y), title, fill="black", font=heading)
    y += dpi // 3
    for line in lines:
        words, current = line.split(), ""
        for word in words:
            attempt = f"{current} {word}".strip()
            if draw.textlength(attempt, font=body) > width - 2 * margin and current:
                draw.text((margin, y), current, fill="black", font=body)
                y += dpi // 6
                current = word
            else:
                current = attempt
        draw.text((margin, y), current, fill="black", font=body)
        y += dpi // 5
        if y > height - margin:
            break  # the record keeps the full list; the page shows what fits
    return image


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def _image_page(pdf: pikepdf.Pdf, jpeg: bytes, size: tuple[int, int], dpi: int) -> None:
    width, height = size
    points_w, points_h = width * 72 / dpi, height * 72 / dpi
    image = pdf.make_stream(
        jpeg,
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=width,
        Height=height,
        ColorSpace=pikepdf.Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=pikepdf.Name.DCTDecode,
    )
    contents = pdf.make_stream(f"q {points_w:.2f} 0 0 {points_h:.2f} 0 0 cm /Im0 Do Q".encode())
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, points_w, points_h],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
        Contents=contents,
    )
    pdf.pages.append(pikepdf.Page(page))


def sanitise(pdf: pikepdf.Pdf) -> None:
    """Drop what a PDF may carry beside its pages. The file we build has none of it; the pages
    Tesseract writes carry its name in the document information."""
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    for key in ("/Metadata", "/AcroForm", "/Names", "/OpenAction", "/AA", "/Outlines"):
        if key in pdf.Root:
            del pdf.Root[key]
    for page in pdf.pages:
        for key in ("/Annots", "/AA", "/Metadata", "/PieceInfo"):
            if key in page.obj:
                del page.obj[key]


def build_pdf(
    images: Iterable[Image.Image], *, dpi: int, ocr_text: bool, progress=None
) -> tuple[bytes, bool]:
    """A new PDF of these page images; with Tesseract's text layer when asked and available.
    Returns the file and whether it has a text layer. ``progress(done)`` after each page."""
    pdf = pikepdf.new()
    text_layer = ocr_text
    for done, image in enumerate(images, start=1):
        jpeg = _jpeg(image)
        page = ocr.page_pdf(jpeg, dpi=dpi) if ocr_text else None
        if page is None:
            text_layer = False
            _image_page(pdf, jpeg, image.size, dpi)
        else:
            with pikepdf.open(io.BytesIO(page)) as single:
                pdf.pages.extend(single.pages)
        if progress:
            progress(done)
    sanitise(pdf)
    buffer = io.BytesIO()
    pdf.save(buffer, compress_streams=True, deterministic_id=True)
    return buffer.getvalue(), text_layer


def redact_pdf(
    content: bytes,
    boxes: list[Box],
    *,
    log_title: str,
    log_lines: list[str],
    dpi: int = DPI,
    ocr_text: bool = True,
) -> Redacted:
    document = open_pdf(content)
    try:
        images = []
        for number, page in enumerate(document, start=1):
            images.append(burn(_render(page, dpi), (b for b in boxes if b.page == number)))
        pages = len(document)
    finally:
        document.close()
    images.append(log_page(log_lines, dpi=dpi, title=log_title))
    built, text_layer = build_pdf(images, dpi=dpi, ocr_text=ocr_text and ocr.available())
    return Redacted(content=built, pages=pages, text_layer=text_layer)


def add_text_layer(redacted: bytes, *, dpi: int = DPI, progress=None) -> tuple[bytes, str]:
    """A redacted PDF made by ``redact_pdf`` without a text layer (too long to read while the
    person waited), built again from its own page images with OCR's text over each: the text
    can only be what is visible. ``progress(done, total)`` after each page. Returns the new
    file and its text; raises ``InvalidInput`` when Tesseract read nothing (not installed, or
    a page it could not read): a copy half with text is not made."""
    document = open_pdf(redacted)
    try:
        total = len(document)

        def pages():
            for number in range(total):
                yield _render(document[number], dpi)

        content, text_layer = build_pdf(
            pages(),
            dpi=dpi,
            ocr_text=True,
            progress=(lambda done: progress(done, total)) if progress else None,
        )
    finally:
        document.close()
    if not text_layer:
        raise InvalidInput(_("Text recognition could not read every page of the copy."))
    return content, page_texts(content)


def page_texts(content: bytes) -> str:
    """The text of a PDF as pdfium reads it, pages apart by a blank line."""
    document = open_pdf(content)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().strip())
            textpage.close()
        return "\n\n".join(texts)
    finally:
        document.close()
