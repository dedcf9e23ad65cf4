"""Small real sample files for the tests of ``core.files`` and of e-mail intake.

A real Word 97-2003 document is kept under ``fixtures/files`` (see its README); everything else
is built here: RTF, TIFF, PNG and GIF images (by Pillow, which Wagtail brings), ZIP archives, and
OLE2 compound files with chosen streams (a valid MS-CFB version 3 container whose streams are
empty: enough to say what kind of document it claims to be, not a document Excel would open).
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from django.conf import settings

END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
FAT_SECTOR = 0xFFFFFFFD
NO_ENTRY = 0xFFFFFFFF


def real_doc() -> bytes:
    return (Path(settings.BASE_DIR) / "fixtures" / "files" / "olefile-test.doc").read_bytes()


def rtf(text: str = "Su tarifləri 2026") -> bytes:
    escaped = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
        f"\\f0\\fs24 {escaped}\\par\n}}\n"
    ).encode("ascii")


def image(kind: str, size=(8, 6)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format=kind)
    return buffer.getvalue()


def zip_of(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def compound_file(top: dict) -> bytes:
    """An OLE2 compound file whose root holds ``top``: name -> None for an (empty) stream, or
    name -> dict for a storage holding its own entries."""
    entries: list[dict] = [{"name": "Root Entry", "type": 5, "children": top}]

    def add(children: dict) -> int:
        """The entries of a storage, chained as right siblings in the order MS-CFB sorts them
        (shorter names first); the first's index."""
        indexes = []
        for name in sorted(children, key=lambda n: (len(n), n.upper())):
            entries.append({"name": name, "type": 1 if isinstance(children[name], dict) else 2})
            indexes.append(len(entries) - 1)
        for index, following in zip(indexes, [*indexes[1:], NO_ENTRY][: len(indexes)], strict=True):
            entries[index]["right"] = following
            child = children[entries[index]["name"]]
            entries[index]["child"] = add(child) if isinstance(child, dict) else NO_ENTRY
        return indexes[0] if indexes else NO_ENTRY

    entries[0]["child"] = add(top)
    while len(entries) % 4:
        entries.append({"name": "", "type": 0})
    directory = b"".join(_entry(entry) for entry in entries)
    sectors = len(directory) // 512
    fat = [FAT_SECTOR, *range(2, sectors + 1), END_OF_CHAIN]
    fat += [FREE] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
    header += struct.pack("<109I", 0, *[FREE] * 108)
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + directory


def _entry(entry: dict) -> bytes:
    name = (entry["name"] + "\0").encode("utf-16-le") if entry["type"] else b""
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB", len(name), entry["type"], 1)
        + struct.pack("<III", NO_ENTRY, entry.get("right", NO_ENTRY), entry.get("child", NO_ENTRY))
        + b"\0" * 16
        + struct.pack("<IQQIQ", 0, 0, 0, END_OF_CHAIN if entry["type"] else 0, 0)
    )
