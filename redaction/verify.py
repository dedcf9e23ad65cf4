"""The checks a redacted file must pass before it may be approved.

For a PDF: the text that lay under every box in the original (read from the original's text
layer, ``redaction.pdf.text_under``) must be in neither of two independent readings of the new
file's text (pypdf's and pdfium's), in none of its streams once decompressed (as UTF-8, Latin-1
or UTF-16BE bytes, and in the strings of its text operators), and the new file must have no
metadata, annotations, form fields, embedded files, scripts or earlier revisions. For an image:
no EXIF, XMP or text chunks, none of the original's metadata values in its bytes.

A check that fails says which box and which check, never the text it found: the reasons are
stored and shown, and must not repeat what was withheld.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass, field

import pikepdf
import pypdfium2 as pdfium
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader

from redaction.boxes import Box

# A covered fragment shorter than this (without spaces) proves nothing when found again.
MIN_FRAGMENT = 3
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
# EXIF (and TIFF) tags that describe rather than lay out an image: descriptions, camera, owner,
# dates, XMP, IPTC, Photoshop data, the Exif and GPS sub-directories.
METADATA_TAGS = {
    0x010E,
    0x010F,
    0x0110,
    0x0131,
    0x0132,
    0x013B,
    0x02BC,
    0x83BB,
    0x8298,
    0x8649,
    0x8769,
    0x8825,
    0x9C9B,
    0x9C9C,
    0x9C9D,
    0x9C9E,
    0x9C9F,
}


@dataclass
class Verification:
    passed: bool = True
    problems: list[str] = field(default_factory=list)
    checked: int = 0  # how many covered fragments were looked for

    def fail(self, problem: str) -> None:
        self.passed = False
        if problem not in self.problems:
            self.problems.append(problem)


def squeeze(text: str) -> str:
    """Text compared without its spacing or case: extractors space and break lines as they
    please, and a hidden letter-spaced copy is still a copy."""
    return re.sub(r"\s+", "", text).casefold()


def fragments(boxes: list[Box], covered: list[list[str]]) -> list[tuple[int, Box, str]]:
    """(box number, box, line) for every line of text a box covered, long enough to look
    for."""
    found = []
    for number, (box, lines) in enumerate(zip(boxes, covered, strict=True), start=1):
        for line in lines:
            if len(squeeze(line)) >= MIN_FRAGMENT:
                found.append((number, box, line.strip()))
    return found


def _pypdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _pdfium_text(content: bytes) -> str:
    document = pdfium.PdfDocument(content)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
        return "\n".join(texts)
    finally:
        document.close()


def _encodings(text: str) -> list[bytes]:
    forms = [text.encode("utf-8"), text.encode("utf-16-be")]
    with contextlib.suppress(UnicodeEncodeError):
        forms.append(text.encode("latin-1"))
    return forms


def _stream_texts(pdf: pikepdf.Pdf) -> tuple[list[bytes], list[bytes]]:
    """Every stream's decoded bytes, and the strings shown by the text operators of every page's
    content (each page's strings joined, so "(Sec) -20 (ret) TJ" reads as one)."""
    streams = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            try:
                streams.append(obj.read_bytes())
            except pikepdf.PdfError:
                streams.append(obj.read_raw_bytes())  # an image codec: compared as stored
    shown = []
    for page in pdf.pages:
        parts = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) not in TEXT_OPERATORS:
                continue
            for operand in operands:
                items = operand if isinstance(operand, pikepdf.Array) else [operand]
                parts.extend(bytes(i) for i in items if isinstance(i, pikepdf.String))
        shown.append(b"".join(parts))
    return streams, shown


def _structure_problems(pdf: pikepdf.Pdf, content: bytes, result: Verification) -> None:
    info = pdf.trailer.get("/Info")
    if info is not None and len(info.keys()):
        result.fail(_("The redacted file still has document information (author, title…)."))
    for key in ("/Metadata", "/AcroForm", "/Names", "/OpenAction", "/AA"):
        if key in pdf.Root:
            result.fail(
                _("The redacted file still has %(part)s in its catalogue.") % {"part": key[1:]}
            )
    for number, page in enumerate(pdf.pages, start=1):
        if "/Annots" in page.obj or "/AA" in page.obj:
            result.fail(
                _("Page %(page)s of the redacted file still has annotations or actions.")
                % {"page": number}
            )
    if content.count(b"%%EOF") > 1:
        result.fail(_("The redacted file still holds an earlier revision."))


def verify_pdf(redacted: bytes, boxes: list[Box], covered: list[list[str]]) -> Verification:
    """``covered``: ``redaction.pdf.text_under(original, boxes)``."""
    result = Verification()
    try:
        pdf = pikepdf.open(io.BytesIO(redacted))
    except pikepdf.PdfError:
        result.fail(_("The redacted file is not a PDF that can be read."))
        return result
    with pdf:
        _structure_problems(pdf, redacted, result)
        streams, shown = _stream_texts(pdf)
    readings = {}
    for reader, extract in (("pypdf", _pypdf_text), ("pdfium", _pdfium_text)):
        try:
            readings[reader] = squeeze(extract(redacted))
        except Exception:
            result.fail(_("The redacted file cannot be read by %(reader)s.") % {"reader": reader})
    squeezed_streams = [stream.replace(b" ", b"") for stream in streams]
    for number, box, line in fragments(boxes, covered):
        result.checked += 1
        fragment = squeeze(line)
        for reader, text in readings.items():
            if fragment in text:
                result.fail(
                    _(
                        "The text under box %(number)s (page %(page)s) is still in the text "
                        "read by %(reader)s."
                    )
                    % {"number": number, "page": box.page, "reader": reader}
                )
        forms = _encodings(line) + _encodings(re.sub(r"\s+", "", line))
        if any(form in stream for stream in streams + squeezed_streams for form in forms):
            result.fail(
                _(
                    "The text under box %(number)s (page %(page)s) is still in the file's "
                    "decompressed contents."
                )
                % {"number": number, "page": box.page}
            )
        if any(squeeze(_decode(text)).find(fragment) >= 0 for text in shown):
            result.fail(
                _(
                    "The text under box %(number)s (page %(page)s) is still drawn by the "
                    "file's text operators."
                )
                % {"number": number, "page": box.page}
            )
    return result


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="ignore")
    return raw.decode("latin-1")


def verify_image(redacted: bytes, *, secrets: list[str]) -> Verification:
    """An image is verified for its metadata: what lay under a box is pixels, burnt black; the
    original's metadata values (``secrets``: its EXIF and text chunks) must be gone."""
    result = Verification()
    try:
        image = Image.open(io.BytesIO(redacted))
        image.load()
    except OSError:
        result.fail(_("The redacted file is not an image that can be read."))
        return result
    exif = image.getexif()
    if any(tag in exif for tag in METADATA_TAGS) or any(
        key in image.info for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile")
    ):
        result.fail(_("The redacted image still has metadata (EXIF, XMP or comments)."))
    if getattr(image, "text", None):
        result.fail(_("The redacted image still has text chunks."))
    for secret in secrets:
        squeezed = secret.strip()
        if len(squeezed) < MIN_FRAGMENT:
            continue
        result.checked += 1
        if any(form in redacted for form in _encodings(squeezed)):
            result.fail(_("A value of the original image's metadata is still in the file."))
    return result
