"""Uploads are judged by their content against the allow-list, never by their name."""

import io
import zipfile

import pytest

from core import files
from core.files import UnsupportedFile
from tests.core import samples


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
    ("letter.doc", samples.real_doc(), ".doc", files.DOC),
    ("table.xls", samples.compound_file({"Workbook": None}), ".xls", files.XLS),
    ("table95.xls", samples.compound_file({"Book": None}), ".xls", files.XLS),
    ("slides.ppt", samples.compound_file({"PowerPoint Document": None}), ".ppt", files.PPT),
    ("letter.rtf", samples.rtf(), ".rtf", files.RTF),
    ("scan.tif", samples.image("TIFF"), ".tif", files.TIFF),
    ("scan.tiff", b"MM\x00*\x00\x00\x00\x08", ".tif", files.TIFF),
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
    ("short.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "damaged"),
    ("macro.doc", samples.compound_file({"WordDocument": None, "Macros": {"VBA": {}}}), "macros"),
    ("macro.xls", samples.compound_file({"Workbook": None, "_VBA_PROJECT_CUR": {}}), "macros"),
    ("setup.doc", samples.compound_file({"\x05SummaryInformation": None}), "an installer"),
    ("object.rtf", b"{\\rtf1{\\object\\objemb{\\*\\objdata 0105}}}", "embedded objects"),
    ("macro.docx", ooxml(DOCM_MAIN, "word/document.xml"), "macros"),
    ("bundle.zip", plain_zip(), "ZIP archive"),
    ("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "format other than JPEG, PNG or TIFF"),
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


def test_an_old_office_file_is_judged_by_its_top_streams_and_its_name_breaks_a_tie():
    # A Word file with an Excel sheet embedded in it is a Word file, whatever it is called.
    embedded = samples.compound_file(
        {"WordDocument": None, "1Table": None, "ObjectPool": {"_1": {"Workbook": None}}}
    )
    assert files.sniff(embedded, "budget.xls").extension == ".doc"
    # The real Word file called .xls is still Word.
    assert files.sniff(samples.real_doc(), "letter.xls").extension == ".doc"
    # Only when the top holds both does the name decide.
    both = samples.compound_file({"WordDocument": None, "Workbook": None})
    assert files.sniff(both, "table.xls").extension == ".xls"
    assert files.sniff(both, "letter.bin").extension == ".doc"


def test_a_compound_file_whose_directory_points_outside_it_is_damaged():
    content = bytearray(samples.compound_file({"WordDocument": None}))
    content[48:52] = (5000).to_bytes(4, "little")  # the directory's first sector
    with pytest.raises(UnsupportedFile, match="damaged"):
        files.sniff(bytes(content), "letter.doc")
    looped = bytearray(samples.compound_file({"WordDocument": None}))
    looped[512 + 4 : 512 + 8] = (1).to_bytes(4, "little")  # sector 1 is followed by itself
    with pytest.raises(UnsupportedFile, match="damaged"):
        files.sniff(bytes(looped), "letter.doc")


def test_programs_markup_macros_and_archives_are_dangerous_other_refusals_are_not():
    for content, name in [
        (b"MZ\x90\x00", "setup.pdf"),
        (b"<html><script>x()</script></html>", "page.txt"),
        (ooxml(DOCM_MAIN, "word/document.xml"), "macro.docx"),
        (plain_zip(), "bundle.zip"),
        (samples.compound_file({"Workbook": None, "_VBA_PROJECT_CUR": {}}), "macro.xls"),
    ]:
        with pytest.raises(files.Dangerous):
            files.sniff(content, name)
    with pytest.raises(UnsupportedFile) as refused:
        files.sniff(samples.image("GIF"), "anim.gif")
    assert not isinstance(refused.value, files.Dangerous)


def test_a_zip_is_accepted_only_when_asked_and_its_parts_are_listed():
    bundle = samples.zip_of(
        {
            "letter.pdf": b"%PDF-1.7\n%...",
            "tables/2026.docx": ooxml(DOCX_MAIN, "word/document.xml"),
            "tables/": b"",
            "scan.tif": samples.image("TIFF"),
            "logo.gif": samples.image("GIF"),
        }
    )
    with pytest.raises(files.Dangerous, match="it is a ZIP archive"):
        files.sniff(bundle, "bundle.zip")
    sniffed = files.sniff(bundle, "bundle.zip", archives=True)
    assert (sniffed.content_type, sniffed.extension) == (files.ZIP, ".zip")
    listed = {part["name"]: part for part in sniffed.contents}
    assert [(p["type"], p["size"]) for p in sniffed.contents[:2]] == [
        ("application/pdf", 13),
        (files.DOCX, len(ooxml(DOCX_MAIN, "word/document.xml"))),
    ]
    assert listed["scan.tif"]["type"] == files.TIFF
    assert "tables/" not in listed  # a folder is not a file
    # A part of a kind we do not know is listed with why, and does not refuse the archive.
    assert listed["logo.gif"]["type"] == ""
    assert "format other than JPEG, PNG or TIFF" in listed["logo.gif"]["note"]


@pytest.mark.parametrize(
    ("parts", "why"),
    [
        ({"inner.zip": plain_zip()}, "inner.zip, a program, script, web page or archive"),
        ({"data.bin": plain_zip()}, "its part data.bin is refused: it is a ZIP archive"),
        ({"setup.exe": b"MZ\x90\x00"}, "setup.exe, a program"),
        ({"clean.bat": b"del /q *.*\r\n"}, "clean.bat, a program, script"),
        ({"notes.txt": b"<script>alert(1)</script>"}, "its part notes.txt is refused: it is a web"),
        ({"macro.docx": ooxml(DOCM_MAIN, "word/document.xml")}, "with macros"),
        ({"../../etc/cron.d/x": b"text"}, "would be unpacked outside its folder"),
        ({"/etc/passwd": b"text"}, "would be unpacked outside its folder"),
    ],
    ids=["nested-zip", "nested-zip-renamed", "exe", "bat", "html", "docm", "dotdot", "absolute"],
)
def test_a_zip_holding_a_program_markup_macros_or_another_archive_is_refused(parts, why):
    with pytest.raises(files.Dangerous) as refused:
        files.sniff(
            samples.zip_of({"letter.pdf": b"%PDF-1.7", **parts}), "bundle.zip", archives=True
        )
    assert why in str(refused.value)
    assert str(refused.value).startswith("bundle.zip cannot be attached")


def test_a_zip_holding_a_link_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("secrets.txt")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/shadow")
    with pytest.raises(files.Dangerous, match="a link to another file"):
        files.sniff(buffer.getvalue(), "bundle.zip", archives=True)
