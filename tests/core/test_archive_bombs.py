"""Archive-based uploads (DOCX, XLSX, ODT, ODS) are judged by what they would unpack to, from
the archive's own directory, before anything reads a member: a "zip bomb" is refused with a
sentence for the uploader and nothing is stored."""

import functools
import io
import struct
import zipfile

import pytest

from core import files
from foi.models import Attachment, Message
from foi.services import InvalidInput, attachment_create
from tests.core.samples import zip_of

# Enough of a Word package for python-docx to go on to read the main part.
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
MB = 1024 * 1024


@functools.cache  # built once: each test reads it, none changes it
def docx_bomb(megabytes: int = 200, *, part: str = "word/document.xml", members: int = 0) -> bytes:
    """A DOCX whose main part is ``megabytes`` of zeros, written in chunks: ~1,000 to 1."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("_rels/.rels", DOCX_RELS)
        with archive.open(part, "w") as handle:
            chunk = b"\0" * MB
            for _ in range(megabytes):
                handle.write(chunk)
        for index in range(members):
            archive.writestr(f"word/media/{index}.xml", "<x/>")
    return buffer.getvalue()


def lying_docx(actual_megabytes: int = 50, declared: int = 1000) -> bytes:
    """A DOCX whose main part declares ``declared`` bytes but inflates to far more."""
    content = bytearray(docx_bomb(actual_megabytes))
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = content.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if content[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", content, at + size_at, declared)
            at = content.find(signature, at + 4)
    return bytes(content)


def test_a_bomb_is_refused_by_its_declared_size():
    bomb = docx_bomb(200)
    assert len(bomb) < MB  # 200 MB in well under 1 MB
    with pytest.raises(files.ArchiveTooLarge, match=r"would unpack to more than 100\.0"):
        files.sniff(bomb, "report.docx")


def test_a_part_compressed_beyond_the_ratio_is_refused():
    # 5 MB is under the total, but compressed about a thousand to one.
    with pytest.raises(files.ArchiveTooLarge, match="compressed more than 100 to 1"):
        files.sniff(docx_bomb(5), "report.docx")


def test_the_bounds_come_from_the_settings(settings):
    settings.FOI_ARCHIVE_MAX_UNPACKED_SIZE = 2 * MB
    settings.FOI_ARCHIVE_MAX_RATIO = 10_000
    with pytest.raises(files.ArchiveTooLarge, match=r"more than 2\.0"):
        files.sniff(docx_bomb(3), "report.docx")
    settings.FOI_ARCHIVE_MAX_UNPACKED_SIZE = 4 * MB
    assert files.sniff(docx_bomb(3), "report.docx").extension == ".docx"


def test_too_many_parts_are_refused_before_the_directory_is_parsed(settings, monkeypatch):
    settings.FOI_ARCHIVE_MAX_MEMBERS = 50
    bomb = docx_bomb(0, members=60)

    def never(*args, **kwargs):
        raise AssertionError("zipfile parsed the directory")

    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", never)
    with pytest.raises(files.ArchiveTooLarge, match="more than 50 parts"):
        files.sniff(bomb, "report.docx")


def test_an_ordinary_document_is_still_accepted():
    assert files.sniff(docx_bomb(0, members=20), "report.docx").extension == ".docx"


def test_a_part_that_lies_about_its_size_is_refused_as_damaged():
    # Its directory says 1,000 bytes; unpacked in chunks it fails its checksum there, before
    # python-docx's whole-member read() could inflate all 50 MB at once.
    with pytest.raises(files.UnsupportedFile, match="damaged"):
        files.sniff(lying_docx(50), "report.docx")


def test_a_part_that_lies_about_its_size_is_read_no_further_than_the_bound():
    archive = zipfile.ZipFile(io.BytesIO(lying_docx(5)))
    member = archive.getinfo("word/document.xml")
    assert member.file_size == 1000
    with pytest.raises((files.ArchiveTooLarge, zipfile.BadZipFile)):
        files.read_member(archive, member, 64 * 1024)


@pytest.mark.django_db
def test_the_upload_is_refused_and_nothing_is_stored(world):
    foi_request = world.request()
    message = Message.objects.create(
        foi_request=foi_request, kind="response", audience="public", text="Attached."
    )
    with pytest.raises(InvalidInput) as refused:
        attachment_create(message=message, name="report.docx", content=docx_bomb(200))
    assert "report.docx cannot be attached: it would unpack to more than" in str(refused.value)
    assert refused.value.errors["files"]
    assert not Attachment.objects.exists()


def test_a_zip_bomb_is_refused_as_a_zip_in_its_own_right():
    bundle = zip_of({"report.docx": docx_bomb(200)}, compression=zipfile.ZIP_STORED)
    # Stored, the outer archive declares under 1 MB; the DOCX inside would unpack to 200 MB.
    with pytest.raises(files.ArchiveTooLarge, match=r"its part report\.docx is refused: it would"):
        files.sniff(bundle, "bundle.zip", archives=True)
    zeros = io.BytesIO()
    with (
        zipfile.ZipFile(zeros, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("zeros.csv", "w") as handle,
    ):
        for _ in range(200):
            handle.write(b"\0" * MB)
    with pytest.raises(files.ArchiveTooLarge, match=r"bundle\.zip cannot be attached: it would"):
        files.sniff(zeros.getvalue(), "bundle.zip", archives=True)


def test_the_bounds_hold_for_a_zip_and_the_documents_inside_it_together(settings):
    settings.FOI_ARCHIVE_MAX_UNPACKED_SIZE = 2 * MB + MB // 2
    settings.FOI_ARCHIVE_MAX_RATIO = 10_000
    # Each DOCX unpacks to 1 MB (and is accepted alone); three of them, to more than the bound.
    assert files.sniff(docx_bomb(1), "one.docx").extension == ".docx"
    two = {f"{n}.docx": docx_bomb(1) for n in range(2)}
    assert files.sniff(zip_of(two), "two.zip", archives=True).extension == ".zip"
    three = {f"{n}.docx": docx_bomb(1) for n in range(3)}
    with pytest.raises(files.ArchiveTooLarge, match=r"2\.docx is refused: it would unpack"):
        files.sniff(zip_of(three), "three.zip", archives=True)


@pytest.mark.django_db
def test_a_zip_bomb_is_not_stored_from_email_either(world):
    foi_request = world.request()
    message = Message.objects.create(
        foi_request=foi_request, kind="email_in", audience="parties", text="Attached."
    )
    bundle = zip_of({"report.docx": docx_bomb(200)}, compression=zipfile.ZIP_STORED)
    with pytest.raises(InvalidInput, match=r"bundle\.zip cannot be attached"):
        attachment_create(message=message, name="bundle.zip", content=bundle, archives=True)
    assert not Attachment.objects.exists()
