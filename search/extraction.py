"""The text inside released files: PDF, DOCX, XLSX, ODT (and ODS), TXT and CSV; for a ZIP
archive (received by e-mail), the names of the files inside it.

Old Office files (DOC, XLS, PPT), RTF and images (JPEG, PNG, TIFF) are accepted but not read
(no library here reads them): ``extract_text`` raises ExtractionError for them like for a damaged
file, ``text_or_empty`` logs it and gives "", and they are found by their names.

``extract_text`` raises ``ExtractionError`` for a file it cannot read; ``text_or_empty`` logs the
failure and returns "" so that the file is still indexed by its name.
"""

from __future__ import annotations

import io
import logging
import os
import re
import zipfile
from xml.etree import ElementTree

from core import files

logger = logging.getLogger(__name__)

MAX_CHARS = 1_000_000
MAX_SHEET_ROWS = 20_000
MAX_PDF_PAGES = 500
MAX_ODF_CONTENT = 50 * 1024 * 1024
MAX_XML_DEPTH = 256
MAX_PARAGRAPH_ELEMENTS = 100_000
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class ExtractionError(Exception):
    pass


def extract_text(content: bytes, name: str = "") -> str:
    """The plain text of a file, judged by its content (not its name).

    Every archive-based kind (DOCX, XLSX, ODT, ODS) is a ZIP, and ``files.sniff`` checks every
    ZIP's declared sizes against the archive bounds before anything reads a member: a "zip
    bomb" is refused here without being unpacked."""
    try:
        sniffed = files.sniff(content, name, archives=True)
        extension = sniffed.extension
    except files.ArchiveTooLarge as error:
        raise ExtractionError(str(error)) from error
    except files.UnsupportedFile as error:
        # Plain text in a legacy encoding (Windows Cyrillic) is still plain text.
        extension = os.path.splitext(name.lower())[1]
        if extension not in (".txt", ".csv") or b"\x00" in content[:8192]:
            raise ExtractionError(str(error)) from error
    if extension == ".zip":
        return "\n".join(part["name"] for part in sniffed.contents)[:MAX_CHARS]
    reader = _READERS.get(extension)
    if reader is None:
        raise ExtractionError(f"No text can be read from {extension} files.")
    try:
        text = reader(content)
    except ExtractionError:
        raise
    except Exception as error:  # each library has its own errors for a damaged file
        raise ExtractionError(f"{type(error).__name__}: {error}") from error
    return _tidy(text)[:MAX_CHARS]


def text_or_empty(content: bytes, name: str, *, what: str = "") -> str:
    """The file's text, or "" with the reason logged: a file we cannot read is still found by
    its name, and never stops the indexing of everything else."""
    try:
        return extract_text(content, name)
    except ExtractionError as error:
        logger.warning("No text extracted from %s (%s): %s", name, what or "file", error)
        return ""


def _tidy(text: str) -> str:
    text = text.replace("\x00", "")
    lines = (_BLANKS.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception as error:
            raise ExtractionError("The PDF is encrypted.") from error
    pages = []
    for page in reader.pages[:MAX_PDF_PAGES]:
        pages.append(page.extract_text() or "")
    return "\n\n".join(pages)


def _docx(content: bytes) -> str:
    """The main part's paragraphs, then each table row as its cells joined by tabs, in the
    document's order. Read as a stream and forgotten as it goes: python-docx builds the whole
    tree, some 20 times the part's size in memory (40 MB of dense markup took 860 MB)."""
    with (
        zipfile.ZipFile(io.BytesIO(content)) as archive,
        archive.open(_docx_main_part(archive)) as stream,
    ):
        return "\n".join(_docx_blocks(stream))


def _docx_main_part(archive: zipfile.ZipFile) -> str:
    types = archive.getinfo("[Content_Types].xml")
    root = ElementTree.fromstring(files.read_member(archive, types, files.PART_LIMIT))
    for override in root.iter(f"{CONTENT_TYPES}Override"):
        if override.get("ContentType", "").endswith("wordprocessingml.document.main+xml"):
            return override.get("PartName", "").lstrip("/")
    return "word/document.xml"


def _docx_blocks(stream):
    """Paragraphs outside tables (empty ones skipped), and rows of the outermost tables, as
    they end, up to MAX_CHARS. Each element is dropped from its parent when it ends, so memory
    follows the nesting, not the length."""
    stack: list = []
    tables = 0
    text: list[str] = []  # the paragraph being read
    cell: list[str] = []  # the paragraphs of the outermost table's current cell
    row: list[str] = []  # the cells of its current row
    produced = 0
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start":
            stack.append(element)
            if len(stack) > MAX_XML_DEPTH:
                raise ExtractionError("The document is nested too deeply.")
            if element.tag == f"{WORD}tbl":
                tables += 1
            continue
        stack.pop()
        tag = element.tag
        if tag == f"{WORD}t":
            text.append(element.text or "")
        elif tag == f"{WORD}tab":
            text.append("\t")
        elif tag in (f"{WORD}br", f"{WORD}cr"):
            text.append("\n")
        elif tag == f"{WORD}p":
            paragraph, text = "".join(text), []
            if tables:
                cell.append(paragraph)
            elif paragraph:
                produced += len(paragraph) + 1
                yield paragraph
        elif tag == f"{WORD}tc" and tables == 1:
            row.append("\n".join(cell))
            cell = []
        elif tag == f"{WORD}tr" and tables == 1:
            line, row = "\t".join(row), []
            produced += len(line) + 1
            yield line
        elif tag == f"{WORD}tbl":
            tables -= 1
        element.clear()
        if stack:
            stack[-1].remove(element)
        if produced > MAX_CHARS:
            return


def _xlsx(content: bytes) -> str:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        parts = []
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for index, row in enumerate(sheet.iter_rows(values_only=True)):
                if index >= MAX_SHEET_ROWS:
                    break
                cells = [str(value) for value in row if value not in (None, "")]
                if cells:
                    parts.append("\t".join(cells))
        return "\n".join(parts)
    finally:
        workbook.close()


def _odf(content: bytes) -> str:
    """Paragraphs and headings, read as a stream like DOCX: only the paragraph being read is
    kept (at most MAX_PARAGRAPH_ELEMENTS elements), everything else is dropped as it ends."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        info = archive.getinfo("content.xml")
        if info.file_size > MAX_ODF_CONTENT:
            raise ExtractionError("The document's content is too large.")
        with archive.open(info) as stream:
            return "\n".join(_odf_blocks(stream))


def _odf_blocks(stream):
    paragraphs = (f"{ODF_TEXT}p", f"{ODF_TEXT}h")
    stack: list = []
    open_paragraphs = kept = produced = 0
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start":
            stack.append(element)
            if len(stack) > MAX_XML_DEPTH:
                raise ExtractionError("The document is nested too deeply.")
            if open_paragraphs:
                kept += 1
                if kept > MAX_PARAGRAPH_ELEMENTS:
                    raise ExtractionError("A paragraph of the document is too complex.")
            if element.tag in paragraphs:
                open_paragraphs += 1
            continue
        stack.pop()
        if element.tag in paragraphs:
            open_paragraphs -= 1
            text = "".join(_odf_inline(element))
            if text:
                produced += len(text) + 1
                yield text
            if produced > MAX_CHARS:
                return
        if open_paragraphs:
            continue  # inside a paragraph (a note's own paragraphs too): read when it ends
        kept = 0
        element.clear()
        if stack:
            stack[-1].remove(element)


def _odf_inline(element):
    if element.text:
        yield element.text
    for child in element:
        if child.tag == f"{ODF_TEXT}s":
            yield " " * int(child.get(f"{ODF_TEXT}c", "1"))
        elif child.tag in (f"{ODF_TEXT}tab", f"{ODF_TEXT}line-break"):
            yield " "
        elif child.tag not in (f"{ODF_TEXT}p", f"{ODF_TEXT}h"):
            yield from _odf_inline(child)
        if child.tail:
            yield child.tail


def _plain(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


_READERS = {
    ".pdf": _pdf,
    ".docx": _docx,
    ".xlsx": _xlsx,
    ".odt": _odf,
    ".ods": _odf,
    ".txt": _plain,
    ".csv": _plain,
}
