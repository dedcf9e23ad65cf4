"""What an uploaded file really is, judged by its content, not its name."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass

ZIP_TYPES = {
    "word/document.xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
    ),
    "xl/workbook.xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx",
    ),
}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": ".odt",
    b"application/vnd.oasis.opendocument.spreadsheet": ".ods",
}


@dataclass(frozen=True)
class Sniffed:
    content_type: str
    extension: str


class UnsupportedFile(ValueError):
    pass


def sniff(content: bytes, name: str = "") -> Sniffed:
    if content.startswith(b"%PDF-"):
        return Sniffed("application/pdf", ".pdf")
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image/png", ".png")
    if content.startswith(b"\xff\xd8\xff"):
        return Sniffed("image/jpeg", ".jpg")
    if content.startswith(b"PK\x03\x04"):
        return _sniff_zip(content)
    if b"\x00" not in content[:8192]:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if name.lower().endswith(".csv"):
                return Sniffed("text/csv", ".csv")
            return Sniffed("text/plain", ".txt")
    raise UnsupportedFile("This kind of file is not accepted.")


def _sniff_zip(content: bytes) -> Sniffed:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        if "mimetype" in names:
            mimetype = archive.read("mimetype").strip()
            if mimetype in ODF_TYPES:
                return Sniffed(mimetype.decode(), ODF_TYPES[mimetype])
        for marker, (content_type, extension) in ZIP_TYPES.items():
            if marker in names:
                return Sniffed(content_type, extension)
    except zipfile.BadZipFile as error:
        raise UnsupportedFile("The file is damaged.") from error
    raise UnsupportedFile("This kind of file is not accepted.")


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
