"""What an uploaded file really is, judged by its content, never by its name.

Only the kinds in ``ALLOWED`` are accepted (PDF, Word, Excel and PowerPoint old and new,
OpenDocument text and spreadsheet, RTF, CSV, plain text, JPEG, PNG, TIFF), and a ZIP archive
only where the caller says so (``archives=True``: files received by e-mail). The name is
consulted twice only: whether a text file is called ``.csv``, since CSV and plain text are both
text, and which of Word, Excel and PowerPoint an old compound file is when its streams could be
either. Everything else a sender could lie about (the extension, the browser's content type) is
ignored.

A ZIP archive accepted in its own right is listed (``Sniffed.contents``: each part's name, size
and kind) and each part is judged like a file: a program, script, web page, macro or another
archive inside refuses the whole archive (``Dangerous``); a part of a kind we merely do not
know is listed with the reason. The archive bounds hold for the archive and everything inside it
together.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
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
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
PPT = "application/vnd.ms-powerpoint"
RTF = "application/rtf"
TIFF = "image/tiff"
ZIP = "application/zip"

# extension -> (content type, what a person calls it)
ALLOWED = {
    ".pdf": ("application/pdf", gettext_lazy("PDF")),
    ".docx": (DOCX, gettext_lazy("Word (.docx)")),
    ".xlsx": (XLSX, gettext_lazy("Excel (.xlsx)")),
    ".odt": (ODT, gettext_lazy("OpenDocument text (.odt)")),
    ".ods": (ODS, gettext_lazy("OpenDocument spreadsheet (.ods)")),
    ".doc": (DOC, gettext_lazy("Word 97-2003 (.doc)")),
    ".xls": (XLS, gettext_lazy("Excel 97-2003 (.xls)")),
    ".ppt": (PPT, gettext_lazy("PowerPoint 97-2003 (.ppt)")),
    ".rtf": (RTF, gettext_lazy("Rich Text (.rtf)")),
    ".csv": ("text/csv", gettext_lazy("CSV")),
    ".txt": ("text/plain", gettext_lazy("plain text")),
    ".jpg": ("image/jpeg", gettext_lazy("JPEG image")),
    ".png": ("image/png", gettext_lazy("PNG image")),
    ".tif": (TIFF, gettext_lazy("TIFF image")),
}
# Accepted only where the caller asks for it (e-mail): an officer publishes the documents, not
# a bundle whose parts nobody approves one by one (see docs/security.md, "Files").
ARCHIVES = {".zip": (ZIP, gettext_lazy("ZIP archive"))}

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


# Old Office files are OLE2 compound files; the streams at the top of one say what it is.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE2_STREAMS = {
    "worddocument": ".doc",
    "workbook": ".xls",
    "book": ".xls",  # Excel 5/95
    "powerpoint document": ".ppt",
}
# Word keeps its macros in "Macros", Excel in "_VBA_PROJECT_CUR" (PowerPoint inside its main
# stream, where we do not look).
OLE2_MACROS = {"macros", "_vba_project_cur"}
_OLE2_LAST_SECTOR = 0xFFFFFFFA  # larger numbers are markers (end of chain, free, ...)
_OLE2_NO_ENTRY = 0xFFFFFFFF
RTF_OBJECTS = re.compile(rb"\\obj(?:data|emb|link|autlink|ocx|ect)")
TIFF_STARTS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")  # classic and BigTIFF

# Inside a ZIP the name matters: whoever unpacks it gets the file under that name, and a
# ".bat" or ".js" of plain text runs when opened. These refuse the whole archive.
RUNNABLE_NAMES = (
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".msp", ".dll", ".cpl", ".jar",
    ".js", ".jse", ".vbs", ".vbe", ".wsf", ".wsh", ".ps1", ".psm1", ".hta", ".lnk", ".reg",
    ".url", ".sh", ".app", ".apk", ".html", ".htm", ".xhtml", ".svg", ".xml",
    ".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".cab", ".iso", ".img",
)  # fmt: skip
# A part larger than the upload limit is judged by its first bytes only.
HEAD = 64 * 1024


@dataclass(frozen=True)
class Sniffed:
    content_type: str
    extension: str
    # A ZIP archive's parts: {"name", "size", "type"}; the type is "" with a "note" for a
    # part of a kind we do not know.
    contents: tuple = ()


class UnsupportedFile(ValueError):
    """The content is not one of the accepted kinds; the message says what it is and why
    (``reason``: the "why" alone, for a sentence of one's own)."""

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason or message


class ArchiveTooLarge(UnsupportedFile):
    """An archive that would unpack to more than the bounds allow (a "zip bomb")."""


class Dangerous(UnsupportedFile):
    """A kind that runs or carries code (a program, script, web page, macros) or hides other
    files (an archive): never inside an accepted ZIP either."""


@dataclass
class _Budget:
    """What an archive and the archives inside it may still unpack to, together."""

    size: int
    members: int
    limit: int


def accepted_kinds() -> str:
    """The accepted kinds, for help texts and refusals: "PDF, Word (.docx), ..."."""
    return ", ".join(str(label) for _type, label in ALLOWED.values())


ACCEPT_ATTRIBUTE = ",".join([*ALLOWED, ".jpeg", ".tiff"])
ACCEPTED_HELP = gettext_lazy(
    "Accepted: PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.ppt), OpenDocument "
    "(.odt, .ods), Rich Text (.rtf), CSV, plain text, JPEG, PNG and TIFF."
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


def sniff(content: bytes, name: str = "", *, archives: bool = False) -> Sniffed:
    """The accepted kind ``content`` is, or UnsupportedFile with a sentence for the uploader.
    ``archives``: whether a ZIP archive is accepted as a file in its own right (e-mail)."""
    return _sniff(content, name, archives=archives, budget=None)


def _sniff(content: bytes, name: str, *, archives: bool, budget: _Budget | None) -> Sniffed:
    if content.startswith(b"%PDF-"):
        return _sniffed(".pdf")
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return _sniffed(".png")
    if content.startswith(b"\xff\xd8\xff"):
        return _sniffed(".jpg")
    if content.startswith(TIFF_STARTS):
        return _sniffed(".tif")
    if content.startswith(b"PK\x03\x04"):
        return _sniff_zip(content, name, archives=archives, budget=budget)
    if content.startswith(OLE2_MAGIC):
        return _sniffed(_ole2_kind(content, name))
    if content.startswith(b"{\\rtf"):
        if RTF_OBJECTS.search(content):
            raise _refusal(
                name,
                _("it is a Rich Text document with embedded objects, which can carry programs"),
                Dangerous,
            )
        return _sniffed(".rtf")
    if _is_text(content):
        markup = _markup_refusal(content)
        if markup:
            raise _refusal(name, markup, Dangerous)
        return _sniffed(".csv" if name.lower().endswith(".csv") else ".txt")
    refusal, dangerous = _known_refusal(content)
    raise _refusal(
        name,
        refusal or _("its content is not a kind we recognise"),
        Dangerous if dangerous else UnsupportedFile,
    )


def _sniffed(extension: str, contents: tuple = ()) -> Sniffed:
    content_type = (ALLOWED.get(extension) or ARCHIVES[extension])[0]
    return Sniffed(content_type, extension, contents)


def _refused(name: str, what: str) -> str:
    return _("%(name)s cannot be attached: %(what)s. Accepted kinds: %(kinds)s.") % {
        "name": name or _("the file"),
        "what": what,
        "kinds": accepted_kinds(),
    }


def _refusal(name: str, what: str, kind: type[UnsupportedFile] = UnsupportedFile):
    return kind(_refused(name, what), what)


def _known_refusal(content: bytes) -> tuple[str, bool]:
    """Why a recognisable but refused (binary) kind is refused, and whether it is dangerous;
    ("", False) when it is not recognised."""
    if content.startswith(b"MZ") or content.startswith(b"\x7fELF"):
        return _("it is a program"), True
    if content.startswith((b"GIF87a", b"GIF89a")) or (
        content[:4] == b"RIFF" and content[8:12] == b"WEBP"
    ):
        return _("it is an image in a format other than JPEG, PNG or TIFF"), False
    if content[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1") or content.startswith(b"BM"):
        return _("it is an image in a format other than JPEG, PNG or TIFF"), False
    if content.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return _("it is a compressed archive"), True
    return "", False


def _ole2_kind(content: bytes, name: str) -> str:
    """.doc, .xls or .ppt, by the streams at the top of the compound file; the name's
    extension decides only between kinds whose streams are both there."""
    try:
        names = _ole2_top_names(content)
    except (ValueError, struct.error) as error:
        raise _refusal(name, _("the file is damaged")) from error
    if names & OLE2_MACROS:
        raise _refusal(name, _("it is an Office file with macros"), Dangerous)
    kinds = [kind for stream, kind in OLE2_STREAMS.items() if stream in names]
    if not kinds:
        raise _refusal(
            name,
            _(
                "it is a compound file that is not a Word, Excel or PowerPoint document "
                "(an installer or an Outlook message, for example)"
            ),
            Dangerous,
        )
    extension = posixpath.splitext(name.lower())[1]
    return extension if extension in kinds else kinds[0]


def _ole2_top_names(content: bytes) -> set[str]:
    """The lower-cased names of the streams and storages at the top of an OLE2 compound file
    (MS-CFB): the header, the FAT sectors it lists (and the DIFAT chain after them), the
    directory's sector chain, then the tree under the root entry. Every chain and the tree are
    walked once at most; anything out of place is a ValueError."""
    if len(content) < 512:
        raise ValueError("shorter than the header")
    (shift,) = struct.unpack_from("<H", content, 30)
    if shift not in (9, 12):
        raise ValueError("sector size")
    size = 1 << shift
    count = len(content) // size  # an upper bound on the sectors; every walk stops there
    per = size // 4

    def sector(number: int) -> bytes:
        start = (number + 1) * size
        if number >= _OLE2_LAST_SECTOR or start + size > len(content):
            raise ValueError("sector outside the file")
        return content[start : start + size]

    fat = [n for n in struct.unpack_from("<109I", content, 76) if n < _OLE2_LAST_SECTOR]
    (difat,) = struct.unpack_from("<I", content, 68)
    seen: set[int] = set()
    while difat < _OLE2_LAST_SECTOR:
        if difat in seen or len(seen) > count:
            raise ValueError("DIFAT loop")
        seen.add(difat)
        block = struct.unpack(f"<{per}I", sector(difat))
        fat += [n for n in block[:-1] if n < _OLE2_LAST_SECTOR]
        difat = block[-1]

    def next_sector(number: int) -> int:
        index, at = divmod(number, per)
        if index >= len(fat):
            raise ValueError("sector outside the FAT")
        return struct.unpack_from("<I", sector(fat[index]), at * 4)[0]

    entries: list[bytes] = []
    (current,) = struct.unpack_from("<I", content, 48)
    seen = set()
    while current < _OLE2_LAST_SECTOR:
        if current in seen or len(seen) > count:
            raise ValueError("directory loop")
        seen.add(current)
        block = sector(current)
        entries += [block[at : at + 128] for at in range(0, size, 128)]
        current = next_sector(current)
    if not entries or entries[0][66] != 5:
        raise ValueError("no root entry")
    names: set[str] = set()
    pending, visited = [struct.unpack_from("<I", entries[0], 76)[0]], set()
    while pending:
        index = pending.pop()
        if index == _OLE2_NO_ENTRY or index in visited:
            continue
        if index >= len(entries):
            raise ValueError("entry outside the directory")
        visited.add(index)
        entry = entries[index]
        (length,) = struct.unpack_from("<H", entry, 64)
        names.add(entry[: max(0, min(length, 64) - 2)].decode("utf-16-le", "replace").lower())
        pending += struct.unpack_from("<II", entry, 68)  # left and right siblings
    return names


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


def archive_check(content: bytes, name: str = "", budget: _Budget | None = None) -> zipfile.ZipFile:
    """The archive, opened, once it is shown to be within the bounds; else ArchiveTooLarge
    with a sentence for the uploader (or zipfile.BadZipFile).

    First the sizes the directory declares, before anything is unpacked. Then every member is
    unpacked in small chunks and thrown away, to prove the declarations: zipfile's
    ``read()`` of a whole member decompresses all of it in one call (up to 1 GB) before
    cutting it to the declared size, so a member that declares 50 KB but inflates to 1 GB
    would cost 1 GB in the libraries that read it (python-docx, openpyxl). Streamed here, it
    stops at its declared size and fails its checksum. The work is bounded by the declared
    total. ``budget``: what is left for an archive inside another one (the bounds hold for
    both together); spent by what this one declares."""
    _total, max_ratio, max_members = archive_limits()
    budget = budget or _fresh_budget()
    declared = _directory_size(content)
    if declared is not None and (
        declared[0] > budget.members or declared[1] > max_members * DIRECTORY_BYTES_PER_MEMBER
    ):
        raise _too_many_members(name, max_members)
    archive = zipfile.ZipFile(io.BytesIO(content))
    members = archive.infolist()
    if len(members) > budget.members:
        raise _too_many_members(name, max_members)
    total = 0
    for member in members:
        total += member.file_size
        if total > budget.size:
            raise _refusal(
                name,
                _("it would unpack to more than %(limit)s")
                % {"limit": filesizeformat(budget.limit)},
                ArchiveTooLarge,
            )
        if member.file_size > RATIO_FLOOR and member.file_size > max_ratio * max(
            member.compress_size, 1
        ):
            raise _refusal(
                name,
                _("a part of it is compressed more than %(ratio)s to 1, as in a zip bomb")
                % {"ratio": max_ratio},
                ArchiveTooLarge,
            )
    budget.size -= total
    budget.members -= len(members)
    for member in members:
        read_member(archive, member, member.file_size, name=name, keep=False)
    return archive


def _fresh_budget() -> _Budget:
    max_total, _ratio, max_members = archive_limits()
    return _Budget(size=max_total, members=max_members, limit=max_total)


def _too_many_members(name: str, limit: int) -> ArchiveTooLarge:
    return _refusal(
        name, _("it holds more than %(count)s parts") % {"count": limit}, ArchiveTooLarge
    )


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
                raise _refusal(
                    name,
                    _("a part of it unpacks to more than %(limit)s")
                    % {"limit": filesizeformat(limit)},
                    ArchiveTooLarge,
                )
            if keep:
                chunks.append(chunk)
    return b"".join(chunks)


def _sniff_zip(content: bytes, name: str, *, archives: bool, budget: _Budget | None) -> Sniffed:
    # One budget for the archive and every archive-based part inside it (a ZIP of DOCX files).
    budget = budget or _fresh_budget()
    try:
        archive = archive_check(content, name, budget)
        mimetype = _read_part(archive, "mimetype")
        if mimetype is not None and mimetype.strip() in ODF_MIMETYPES:
            return _sniffed(ODF_MIMETYPES[mimetype.strip()])
        types = _read_part(archive, "[Content_Types].xml") or b""
    except RuntimeError as error:  # an encrypted member
        raise _refusal(name, _("it is protected by a password")) from error
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        NotImplementedError,  # a compression method zipfile cannot unpack
    ) as error:
        raise _refusal(name, _("the file is damaged")) from error
    for main_part, extension in OOXML_MAIN_PARTS.items():
        if main_part in types:
            return _sniffed(extension)
    if b"macroEnabled" in types:
        raise _refusal(name, _("it is an Office file with macros"), Dangerous)
    if types:
        raise _refusal(name, _("it is an Office file of a kind we do not accept"))
    if not archives:
        raise _refusal(name, _("it is a ZIP archive"), Dangerous)
    return _sniffed(".zip", tuple(_zip_contents(archive, name, budget)))


def _zip_contents(archive: zipfile.ZipFile, name: str, budget: _Budget):
    """Each part of an accepted ZIP, judged like a file of its own: {"name", "size", "type"},
    with "note" for a kind we do not know. A dangerous part refuses the whole archive."""
    for member in archive.infolist():
        if member.is_dir():
            continue
        part = member.filename
        path = part.replace("\\", "/")
        if path.startswith("/") or ".." in path.split("/") or ":" in path.split("/")[0]:
            raise _refusal(
                name,
                _("its part %(part)s would be unpacked outside its folder") % {"part": part},
                Dangerous,
            )
        if (member.external_attr >> 16) & 0o170000 == 0o120000:
            raise _refusal(
                name, _("its part %(part)s is a link to another file") % {"part": part}, Dangerous
            )
        if path.lower().endswith(RUNNABLE_NAMES):
            raise _refusal(
                name,
                _("it holds %(part)s, a program, script, web page or archive") % {"part": part},
                Dangerous,
            )
        if member.file_size <= max_upload_size():
            data = read_member(archive, member, member.file_size, name=name)
        else:
            with archive.open(member) as handle:
                data = handle.read(HEAD)
        entry = {"name": part, "size": member.file_size, "type": ""}
        try:
            entry["type"] = _sniff(data, part, archives=False, budget=budget).content_type
        except (ArchiveTooLarge, Dangerous) as error:
            raise _refusal(
                name,
                _("its part %(part)s is refused: %(why)s") % {"part": part, "why": error.reason},
                type(error),
            ) from error
        except UnsupportedFile as error:
            entry["note"] = str(error.reason)
        yield entry


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
