"""What an uploaded file really is, judged by its content, never by its name.

Only the kinds in ``ALLOWED`` are accepted (PDF, Word, Excel, OpenDocument text and
spreadsheet, CSV, plain text, JPEG, PNG). The name is consulted for one thing only: whether a
text file is called ``.csv``, since CSV and plain text are both text. Everything else a sender
could lie about (the extension, the browser's content type) is ignored.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"

# extension -> (content type, what a person calls it)
ALLOWED = {
    ".pdf": ("application/pdf", gettext_lazy("PDF")),
    ".docx": (DOCX, gettext_lazy("Word (.docx)")),
    ".xlsx": (XLSX, gettext_lazy("Excel (.xlsx)")),
    ".odt": (ODT, gettext_lazy("OpenDocument text (.odt)")),
    ".ods": (ODS, gettext_lazy("OpenDocument spreadsheet (.ods)")),
    ".csv": ("text/csv", gettext_lazy("CSV")),
    ".txt": ("text/plain", gettext_lazy("plain text")),
    ".jpg": ("image/jpeg", gettext_lazy("JPEG image")),
    ".png": ("image/png", gettext_lazy("PNG image")),
}

# The main part of an Office Open XML package says what it is; macro-enabled variants differ.
OOXML_MAIN_PARTS = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": ".docx",
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
}
ODF_MIMETYPES = {ODT.encode(): ".odt", ODS.encode(): ".ods"}
# Small parts read from inside an archive; a larger one is not what it claims to be.
PART_LIMIT = 256 * 1024

# What an archive-based file (DOCX, XLSX, ODT, ODS: every kind that is a ZIP inside) may unpack
# to. Checked from the archive's own directory before any member is read; the settings
# FOI_ARCHIVE_MAX_UNPACKED_SIZE, FOI_ARCHIVE_MAX_RATIO and FOI_ARCHIVE_MAX_MEMBERS override them.
# A member under RATIO_FLOOR is not judged by its ratio: small repetitive XML compresses well
# and cannot hurt; the total bounds it anyway.
ARCHIVE_MAX_UNPACKED_SIZE = 100 * 1024 * 1024
ARCHIVE_MAX_RATIO = 100
ARCHIVE_MAX_MEMBERS = 10_000
RATIO_FLOOR = 1024 * 1024
# A central directory entry is 46 bytes and a name; Python parses the whole directory when it
# opens an archive, so its size is bounded too, before zipfile reads it.
DIRECTORY_BYTES_PER_MEMBER = 512
READ_CHUNK = 64 * 1024
_END_OF_DIRECTORY = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
TEXT_CONTROL_OK = {"\t", "\n", "\r", "\f"}


@dataclass(frozen=True)
class Sniffed:
    content_type: str
    extension: str


class UnsupportedFile(ValueError):
    """The content is not one of the accepted kinds; the message says what it is and why."""


class ArchiveTooLarge(UnsupportedFile):
    """An archive that would unpack to more than the bounds allow (a "zip bomb")."""


def accepted_kinds() -> str:
    """The accepted kinds, for help texts and refusals: "PDF, Word (.docx), ..."."""
    return ", ".join(str(label) for _type, label in ALLOWED.values())


ACCEPT_ATTRIBUTE = ",".join(ALLOWED)
ACCEPTED_HELP = gettext_lazy(
    "Accepted: PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), CSV, plain text, "
    "JPEG and PNG."
)


def max_upload_size() -> int:
    return int(getattr(settings, "FOI_ATTACHMENT_MAX_SIZE", 25 * 1024 * 1024))


def check_size(name: str, size: int) -> None:
    """Refuse an empty file or one over the limit, before its bytes are read."""
    if size <= 0:
        raise UnsupportedFile(_("The file %(name)s is empty.") % {"name": name})
    limit = max_upload_size()
    if size > limit:
        raise UnsupportedFile(
            _("The file %(name)s is %(size)s; a file may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def sniff(content: bytes, name: str = "") -> Sniffed:
    """The accepted kind ``content`` is, or UnsupportedFile with a sentence for the uploader."""
    if content.startswith(b"%PDF-"):
        return _sniffed(".pdf")
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return _sniffed(".png")
    if content.startswith(b"\xff\xd8\xff"):
        return _sniffed(".jpg")
    if content.startswith(b"PK\x03\x04"):
        return _sniff_zip(content, name)
    if _is_text(content):
        markup = _markup_refusal(content)
        if markup:
            raise UnsupportedFile(_refused(name, markup))
        return _sniffed(".csv" if name.lower().endswith(".csv") else ".txt")
    refusal = _known_refusal(content) or _("its content is not a kind we recognise")
    raise UnsupportedFile(_refused(name, refusal))


def _sniffed(extension: str) -> Sniffed:
    return Sniffed(ALLOWED[extension][0], extension)


def _refused(name: str, what: str) -> str:
    return _("%(name)s cannot be attached: %(what)s. Accepted kinds: %(kinds)s.") % {
        "name": name or _("the file"),
        "what": what,
        "kinds": accepted_kinds(),
    }


def _known_refusal(content: bytes) -> str:
    """Why a recognisable but refused (binary) kind is refused, or an empty string."""
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _("it is an old Word or Excel file (.doc, .xls); save it as .docx, .xlsx or PDF")
    if content.startswith(b"MZ") or content.startswith(b"\x7fELF"):
        return _("it is a program")
    if content.startswith((b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")) or (
        content[:4] == b"RIFF" and content[8:12] == b"WEBP"
    ):
        return _("it is an image in a format other than JPEG or PNG")
    if content[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1") or content.startswith(b"BM"):
        return _("it is an image in a format other than JPEG or PNG")
    if content.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return _("it is a compressed archive")
    return ""


# Text that a browser or a desktop would run or render as a page: refused even as "plain text"
# (it is served as an attachment with nosniff, but a person may still open it locally).
MARKUP_STARTS = ("<!doctype html", "<html", "<svg", "<?xml", "<script", "<head", "<body", "#!")
MARKUP_ANYWHERE = ("<script", "<svg", "<iframe", "javascript:")


def _markup_refusal(content: bytes) -> str:
    encoding = "utf-16" if content.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    text = content.decode(encoding, errors="replace")[:65536].lower()
    if text.lstrip().startswith("#!"):
        return _("it is a script (a program)")
    if text.lstrip().startswith(MARKUP_STARTS) or any(mark in text for mark in MARKUP_ANYWHERE):
        return _("it is a web page, SVG image or XML document, which can carry scripts")
    return ""


def _is_text(content: bytes) -> bool:
    """UTF-8 (with or without a byte order mark) or UTF-16 with one, and no control bytes."""
    encoding = "utf-16" if content.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError:
        return False
    return not any(ord(char) < 32 and char not in TEXT_CONTROL_OK for char in text[:65536])


def _read_part(archive: zipfile.ZipFile, part: str) -> bytes | None:
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    if info.file_size > PART_LIMIT:
        return None
    return read_member(archive, info, PART_LIMIT)


def archive_limits() -> tuple[int, int, int]:
    """(total unpacked bytes, ratio of any member, number of members) an archive may have."""
    return (
        int(getattr(settings, "FOI_ARCHIVE_MAX_UNPACKED_SIZE", ARCHIVE_MAX_UNPACKED_SIZE)),
        int(getattr(settings, "FOI_ARCHIVE_MAX_RATIO", ARCHIVE_MAX_RATIO)),
        int(getattr(settings, "FOI_ARCHIVE_MAX_MEMBERS", ARCHIVE_MAX_MEMBERS)),
    )


def _directory_size(content: bytes) -> tuple[int, int] | None:
    """(members, bytes) the archive's end record declares for its central directory, read
    without zipfile; None when there is no end record (zipfile will call it damaged)."""
    at = content.rfind(_END_OF_DIRECTORY, max(0, len(content) - 65_557))
    if at < 0 or len(content) < at + 22:
        return None
    members, size = struct.unpack("<HI", content[at + 10 : at + 16])
    if members == 0xFFFF or size == 0xFFFFFFFF:
        locator = at - 20
        if locator >= 0 and content[locator : locator + 4] == _ZIP64_LOCATOR:
            (end_at,) = struct.unpack("<Q", content[locator + 8 : locator + 16])
            record = content[end_at : end_at + 56]
            if len(record) == 56 and record[:4] == _ZIP64_END:
                members, size = struct.unpack("<QQ", record[32:48])
    return members, size


def archive_check(content: bytes, name: str = "") -> zipfile.ZipFile:
    """The archive, opened, once it is shown to be within the bounds; else ArchiveTooLarge
    with a sentence for the uploader (or zipfile.BadZipFile).

    First the sizes the directory declares, before anything is unpacked. Then every member is
    unpacked in small chunks and thrown away, to prove the declarations: zipfile's
    ``read()`` of a whole member decompresses all of it in one call (up to 1 GB) before
    cutting it to the declared size, so a member that declares 50 KB but inflates to 1 GB
    would cost 1 GB in the libraries that read it (python-docx, openpyxl). Streamed here, it
    stops at its declared size and fails its checksum. The work is bounded by the declared
    total."""
    max_total, max_ratio, max_members = archive_limits()
    declared = _directory_size(content)
    if declared is not None and (
        declared[0] > max_members or declared[1] > max_members * DIRECTORY_BYTES_PER_MEMBER
    ):
        raise ArchiveTooLarge(_too_many_members(name, max_members))
    archive = zipfile.ZipFile(io.BytesIO(content))
    members = archive.infolist()
    if len(members) > max_members:
        raise ArchiveTooLarge(_too_many_members(name, max_members))
    total = 0
    for member in members:
        total += member.file_size
        if total > max_total:
            raise ArchiveTooLarge(
                _refused(
                    name,
                    _("it would unpack to more than %(limit)s")
                    % {"limit": filesizeformat(max_total)},
                )
            )
        if member.file_size > RATIO_FLOOR and member.file_size > max_ratio * max(
            member.compress_size, 1
        ):
            raise ArchiveTooLarge(
                _refused(
                    name,
                    _("a part of it is compressed more than %(ratio)s to 1, as in a zip bomb")
                    % {"ratio": max_ratio},
                )
            )
    for member in members:
        read_member(archive, member, member.file_size, name=name, keep=False)
    return archive


def _too_many_members(name: str, limit: int) -> str:
    return _refused(name, _("it holds more than %(count)s parts") % {"count": limit})


def read_member(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    limit: int,
    *,
    name: str = "",
    keep: bool = True,
) -> bytes:
    """A member's bytes (or b"" when not ``keep``), read in chunks and refused past ``limit``
    whatever it declares; zipfile.BadZipFile when it fails its checksum."""
    chunks, size = [], 0
    with archive.open(member) as handle:
        while chunk := handle.read(READ_CHUNK):
            size += len(chunk)
            if size > limit:
                raise ArchiveTooLarge(
                    _refused(
                        name,
                        _("a part of it unpacks to more than %(limit)s")
                        % {"limit": filesizeformat(limit)},
                    )
                )
            if keep:
                chunks.append(chunk)
    return b"".join(chunks)


def _sniff_zip(content: bytes, name: str) -> Sniffed:
    try:
        archive = archive_check(content, name)
        mimetype = _read_part(archive, "mimetype")
        if mimetype is not None and mimetype.strip() in ODF_MIMETYPES:
            return _sniffed(ODF_MIMETYPES[mimetype.strip()])
        types = _read_part(archive, "[Content_Types].xml") or b""
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        RuntimeError,  # an encrypted member
        NotImplementedError,  # a compression method zipfile cannot unpack
    ) as error:
        raise UnsupportedFile(_refused(name, _("the file is damaged"))) from error
    for main_part, extension in OOXML_MAIN_PARTS.items():
        if main_part in types:
            return _sniffed(extension)
    if b"macroEnabled" in types:
        raise UnsupportedFile(_refused(name, _("it is an Office file with macros")))
    if types:
        raise UnsupportedFile(_refused(name, _("it is an Office file of a kind we do not accept")))
    raise UnsupportedFile(_refused(name, _("it is a ZIP archive")))


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
