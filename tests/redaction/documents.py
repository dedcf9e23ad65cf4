"""PDFs and images made in the tests, with a secret where a redaction should remove it."""

from __future__ import annotations

import io

import pikepdf
from PIL import Image

PAGE_W, PAGE_H = 595, 842  # A4 in points
FONT_SIZE = 14


def text_pdf(pages: list[list[tuple[float, float, str]]], *, info: dict | None = None) -> bytes:
    """A PDF whose pages draw each (x, y, text) in Helvetica at (x, y) points from the bottom
    left; with document information, XMP, an annotation, a form field, an embedded file and a
    script, so that redaction is seen to drop them all."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    for lines in pages:
        ops = b"".join(
            f"BT /F1 {FONT_SIZE} Tf {x} {y} Td ({text}) Tj ET\n".encode("latin-1")
            for x, y, text in lines
        )
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, PAGE_W, PAGE_H],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(ops),
            Annots=[
                pdf.make_indirect(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.Annot,
                        Subtype=pikepdf.Name.Text,
                        Rect=[10, 10, 30, 30],
                        Contents=pikepdf.String("annotation note"),
                    )
                )
            ],
        )
        pdf.pages.append(pikepdf.Page(page))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = "xmp title"
    pdf.docinfo["/Author"] = "Document Author"
    for key, value in (info or {}).items():
        pdf.docinfo[key] = value
    pdf.attachments["notes.txt"] = pikepdf.AttachedFileSpec(pdf, b"embedded payload")
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hi')")
    )
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def box_over(x: float, y: float, width: float, *, page: int = 1, reason: str = "@personal-data"):
    """A normalised box around text drawn at (x, y) points, ``width`` points wide."""
    from redaction.boxes import Box

    return Box(
        page=page,
        x0=(x - 2) / PAGE_W,
        y0=(PAGE_H - y - FONT_SIZE) / PAGE_H,
        x1=(x + width + 2) / PAGE_W,
        y1=(PAGE_H - y + 5) / PAGE_H,
        reason=reason,
    )


def photo(*, artist: str, kind: str = "JPEG") -> bytes:
    """A white image with a black-on-white square at its top left and EXIF naming ``artist``."""
    image = Image.new("RGB", (400, 300), "white")
    image.paste((200, 30, 30), (20, 20, 120, 120))
    exif = Image.Exif()
    exif[0x013B] = artist  # Artist
    exif[0x010E] = "Taken at the ministry"  # ImageDescription
    buffer = io.BytesIO()
    image.save(buffer, format=kind, exif=exif.tobytes())
    return buffer.getvalue()
