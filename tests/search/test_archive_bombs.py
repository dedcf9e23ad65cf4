"""Text extraction refuses a "zip bomb" (DOCX, XLSX, ODT, ODS) without unpacking it: indexing
an already-approved file logs why and indexes it by its name only."""

import contextlib
import io
import logging
import tracemalloc
import zipfile

import pytest

from search.extraction import ExtractionError, extract_text, text_or_empty
from tests.foi.test_archive_bombs import MB, docx_bomb, lying_docx


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
