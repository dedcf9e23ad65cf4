"""Text is read from the file formats bodies release; what cannot be read is logged, not raised."""

import io
import logging
import zipfile

import openpyxl
import pytest

from demo.files import demo_file
from search.extraction import ExtractionError, extract_text, text_or_empty


def test_pdf():
    text = extract_text(demo_file("budget-execution-2025.pdf"), "budget.pdf")
    assert "State budget execution report" in text


def test_docx_with_azerbaijani_letters():
    text = extract_text(demo_file("sumgait-road-repair-contracts-2025.docx"), "contracts.docx")
    assert "Sumqayıt Şəhər İcra Hakimiyyəti" in text


def test_xlsx():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Xərclər"
    sheet.append(["Maddə", "Məbləğ"])
    sheet.append(["Səhiyyə", 1250000])
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = extract_text(buffer.getvalue(), "budget.xlsx")
    assert "Xərclər" in text
    assert "Səhiyyə 1250000" in text


def odt(paragraphs):
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_odt():
    content = odt(["Hesabat", 'Su <text:span>tarifləri</text:span><text:s text:c="2"/>2026'])
    assert extract_text(content, "tariffs.odt") == "Hesabat\nSu tarifləri 2026"


def test_txt_and_csv_in_utf8_and_windows_cyrillic():
    assert extract_text("Bakı metrosu\n".encode(), "notes.txt") == "Bakı metrosu"
    csv = "станция;пассажиры\nСахиль;1200\n".encode("cp1251")
    assert "Сахиль;1200" in extract_text(csv, "metro.csv")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"%PDF-1.4 this is not really a pdf", "broken.pdf"),
        (b"PK\x03\x04 not a zip", "broken.docx"),
        (b"\x89PNG\r\n\x1a\n....", "scan.png"),
        (b"\x00\x01\x02binary", "blob.bin"),
    ],
)
def test_files_that_cannot_be_read_raise_extraction_error(content, name):
    with pytest.raises(ExtractionError):
        extract_text(content, name)


def test_text_or_empty_logs_the_failure_and_returns_nothing(caplog):
    with caplog.at_level(logging.WARNING, logger="search.extraction"):
        assert text_or_empty(b"%PDF-1.4 broken", "broken.pdf", what="attachment 7") == ""
    assert "broken.pdf" in caplog.text
    assert "attachment 7" in caplog.text


def test_a_zip_gives_the_names_inside_it_and_old_office_files_no_text(caplog):
    from tests.core import samples

    bundle = samples.zip_of({"tariffs 2026.pdf": b"%PDF-1.4", "tables/water.csv": b"a,b\n"})
    assert extract_text(bundle, "docs.zip") == "tariffs 2026.pdf\ntables/water.csv"
    for content, name in [
        (samples.real_doc(), "letter.doc"),
        (samples.rtf(), "letter.rtf"),
        (samples.image("TIFF"), "scan.tif"),
    ]:
        with pytest.raises(ExtractionError, match="No text can be read"):
            extract_text(content, name)
        assert text_or_empty(content, name) == ""
