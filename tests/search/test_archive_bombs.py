"""Text extraction refuses a "zip bomb" (DOCX, XLSX, ODT, ODS) without unpacking it: indexing
an already-approved file logs why and indexes it by its name only."""

import contextlib
import io
import logging
import tracemalloc
import zipfile

import pytest

from search.extraction import ExtractionError, extract_text, text_or_empty
from tests.core.test_archive_bombs import MB, docx_bomb, lying_docx


def peak_of(function, *args):
    tracemalloc.start()
    try:
        with contextlib.suppress(ExtractionError):
            function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_docx_bomb_is_refused_without_being_unpacked():
    bomb = docx_bomb(200)  # 200 MB of zeros in about 200 KB
    with pytest.raises(ExtractionError, match="would unpack to more than"):
        extract_text(bomb, "report.docx")
    assert peak_of(extract_text, bomb, "report.docx") < 4 * MB


def test_a_part_that_lies_about_its_size_is_not_unpacked_past_it():
    bomb = lying_docx(50)  # declares 1,000 bytes, inflates to 50 MB
    with pytest.raises(ExtractionError):
        extract_text(bomb, "report.docx")
    assert peak_of(extract_text, bomb, "report.docx") < 4 * MB


def test_an_odt_bomb_is_refused_too():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        with archive.open("content.xml", "w") as handle:
            for _ in range(20):
                handle.write(b"<" * MB)
    with pytest.raises(ExtractionError, match="compressed more than 100 to 1"):
        extract_text(buffer.getvalue(), "report.odt")


def test_indexing_logs_the_refusal_and_goes_on(caplog):
    with caplog.at_level(logging.WARNING, logger="search.extraction"):
        assert text_or_empty(docx_bomb(200), "report.docx", what="attachment 7") == ""
    assert "would unpack to more than" in caplog.text
    assert "attachment 7" in caplog.text


WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def dense_docx(megabytes: int) -> bytes:
    """A DOCX within the bounds whose main part is ``megabytes`` of tiny paragraphs: parsed
    whole (python-docx) it took some 20 times its size in memory."""
    from tests.core.test_archive_bombs import DOCX_RELS, DOCX_TYPES

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("_rels/.rels", DOCX_RELS)
        with archive.open("word/document.xml", "w") as handle:
            handle.write(f"<w:document {WORD}><w:body>".encode())
            unit = b"<w:p/>" * 10_000
            for _ in range(megabytes * MB // len(unit)):
                handle.write(unit)
            handle.write(b"<w:p><w:r><w:t>The end.</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def test_a_large_docx_within_the_bounds_is_read_as_a_stream(settings):
    settings.FOI_ARCHIVE_MAX_RATIO = 10_000  # dense markup compresses well; the total still holds
    content = dense_docx(20)
    assert extract_text(content, "report.docx").endswith("The end.")
    assert peak_of(extract_text, content, "report.docx") < 4 * MB


def test_docx_paragraphs_and_table_rows():
    import docx

    document = docx.Document()
    document.add_paragraph("Xərclər 2025")
    table = document.add_table(rows=2, cols=2)
    for (row, column), value in {
        (0, 0): "Maddə",
        (0, 1): "Məbləğ",
        (1, 0): "Səhiyyə",
        (1, 1): "1250000",
    }.items():
        table.cell(row, column).text = value
    paragraph = document.add_paragraph("Line one")
    paragraph.add_run().add_break()
    paragraph.add_run("line two")
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), "budget.docx")
    assert text.splitlines() == [
        "Xərclər 2025",
        "Maddə Məbləğ",
        "Səhiyyə 1250000",
        "Line one",
        "line two",
    ]


def test_a_docx_nested_without_end_is_refused():
    from tests.core.test_archive_bombs import DOCX_RELS, DOCX_TYPES

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("_rels/.rels", DOCX_RELS)
        archive.writestr("word/document.xml", f"<w:document {WORD}>" + "<w:sdt>" * 100_000)
    with pytest.raises(ExtractionError, match="nested too deeply"):
        extract_text(buffer.getvalue(), "report.docx")


ODF_START = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
)
ODF_END = "</office:text></office:body></office:document-content>"


def odt_of(write) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        with archive.open("content.xml", "w") as handle:
            handle.write(ODF_START.encode())
            write(handle)
            handle.write(ODF_END.encode())
    return buffer.getvalue()


def test_a_large_odt_within_the_bounds_is_read_as_a_stream(settings):
    settings.FOI_ARCHIVE_MAX_RATIO = 10_000

    def write(handle):
        unit = b"<text:p/>" * 10_000
        for _ in range(20 * MB // len(unit)):
            handle.write(unit)
        handle.write(b"<text:h>The end.</text:h>")

    content = odt_of(write)
    assert extract_text(content, "report.odt") == "The end."
    assert peak_of(extract_text, content, "report.odt") < 4 * MB


def test_an_odt_paragraph_of_too_many_parts_is_refused(settings):
    settings.FOI_ARCHIVE_MAX_RATIO = 10_000

    def write(handle):
        handle.write(b"<text:p>" + b"<text:span>a</text:span>" * 150_000 + b"</text:p>")

    with pytest.raises(ExtractionError, match="too complex"):
        extract_text(odt_of(write), "report.odt")
