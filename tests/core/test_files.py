"""Uploads are judged by their content against the allow-list, never by their name."""

import io
import zipfile

import pytest

from core import files
from core.files import UnsupportedFile


def ooxml(main_type: str, part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types><Override PartName="/{part}" ContentType="{main_type}"/></Types>',
        )
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def odf(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"

ACCEPTED = [
    ("report.pdf", b"%PDF-1.7\n%...", ".pdf", "application/pdf"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, ".png", "image/png"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, ".jpg", "image/jpeg"),
    ("letter.docx", ooxml(DOCX_MAIN, "word/document.xml"), ".docx", files.DOCX),
    ("table.xlsx", ooxml(XLSX_MAIN, "xl/workbook.xml"), ".xlsx", files.XLSX),
    ("letter.odt", odf(files.ODT), ".odt", files.ODT),
    ("table.ods", odf(files.ODS), ".ods", files.ODS),
    ("table.csv", "il,məbləğ\n2025,1200\n".encode(), ".csv", "text/csv"),
    ("notes.txt", "Qeyd: ətraflı məlumat\n".encode(), ".txt", "text/plain"),
    ("bom.txt", "\ufeffSalam\n".encode(), ".txt", "text/plain"),
    ("utf16.txt", "Привет\n".encode("utf-16"), ".txt", "text/plain"),
]


@pytest.mark.parametrize(("name", "content", "extension", "content_type"), ACCEPTED)
def test_every_allowed_kind_is_recognised_by_its_content(name, content, extension, content_type):
    assert files.sniff(content, name) == files.Sniffed(content_type, extension)


def test_the_name_does_not_decide_the_kind():
    # A PDF called .txt is a PDF; a text called .pdf is text.
    assert files.sniff(b"%PDF-1.4 ...", "innocent.txt").extension == ".pdf"
    assert files.sniff(b"just words", "fake.pdf").extension == ".txt"
    # A Word file called .xlsx is a Word file.
    assert files.sniff(ooxml(DOCX_MAIN, "word/document.xml"), "x.xlsx").extension == ".docx"


REFUSED = [
    ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "a program"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "old Word or Excel"),
    ("macro.docx", ooxml(DOCM_MAIN, "word/document.xml"), "macros"),
    ("bundle.zip", plain_zip(), "ZIP archive"),
    ("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "format other than JPEG or PNG"),
    ("archive.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "compressed archive"),
    ("legacy.txt", "Привет".encode("cp1251"), "not a kind we recognise"),
    ("noise.bin", bytes(range(256)), "not a kind we recognise"),
    ("broken.docx", b"PK\x03\x04 this is not really a zip", "damaged"),
    ("page.txt", b"<!DOCTYPE html><html><body>hi</body></html>", "web page"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', "SVG"),
    ("data.xml", b'<?xml version="1.0"?><a/>', "XML"),
    ("notes.txt", b"Dear sir,\n<script>alert(1)</script>", "web page"),
    ("run.txt", b"#!/bin/sh\nrm -rf /\n", "script"),
    ("linux.bin", b"\x7fELF\x02\x01\x01\x00", "a program"),
]


@pytest.mark.parametrize(("name", "content", "why"), REFUSED)
def test_anything_else_is_refused_with_a_clear_sentence(name, content, why):
    with pytest.raises(UnsupportedFile) as refused:
        files.sniff(content, name)
    message = str(refused.value)
    assert name in message
    assert why in message
    assert "Accepted kinds: PDF" in message


def test_the_size_limit_comes_from_the_setting(settings):
    settings.FOI_ATTACHMENT_MAX_SIZE = 1000
    files.check_size("small.pdf", 1000)
    with pytest.raises(UnsupportedFile) as refused:
        files.check_size("big.pdf", 1001)
    assert "big.pdf" in str(refused.value)
    assert "1000" in str(refused.value) or "1,000" in str(refused.value)
    with pytest.raises(UnsupportedFile, match="empty"):
        files.check_size("empty.pdf", 0)


def test_the_default_limit_is_25_mb(settings):
    del settings.FOI_ATTACHMENT_MAX_SIZE
    assert files.max_upload_size() == 25 * 1024 * 1024
