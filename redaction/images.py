"""JPEG, PNG and TIFF redacted like PDF pages: the boxes burnt black into the pixels, and the
result written as a new image of the same kind from its pixels alone, so no EXIF (camera, place,
owner), XMP, comment or text chunk of the original survives. The image is first turned the way
its EXIF orientation says, so a box covers what the person saw where they drew it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from core.errors import InvalidInput
from redaction.boxes import Box
from redaction.pdf import burn
from redaction.verify import METADATA_TAGS

FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF"}


@dataclass(frozen=True)
class RedactedImage:
    content: bytes
    pages: int  # frames of a TIFF; 1 otherwise


def open_image(content: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(content))
        image.load()
    except (OSError, UnidentifiedImageError) as error:
        raise InvalidInput(_("This image cannot be read.")) from error
    return image


def frames(content: bytes) -> list[Image.Image]:
    """Each page of the image (a TIFF may hold several) as the reader sees it, in RGB or L."""
    image = open_image(content)
    pages = []
    for frame in ImageSequence.Iterator(image):
        upright = ImageOps.exif_transpose(frame.copy())
        pages.append(upright.convert("L" if upright.mode in ("1", "L") else "RGB"))
    return pages


def metadata_values(content: bytes) -> list[str]:
    """The text values of an image's EXIF and text chunks: what verification looks for later."""
    image = open_image(content)
    exif = image.getexif()
    values = [v for tag, v in exif.items() if tag in METADATA_TAGS and isinstance(v, str)]
    for ifd in (0x8769, 0x8825):  # the Exif and GPS sub-directories
        values += [v for v in exif.get_ifd(ifd).values() if isinstance(v, str)]
    values += [v for v in getattr(image, "text", {}).values() if isinstance(v, str)]
    if isinstance(image.info.get("comment"), str | bytes):
        values.append(str(image.info["comment"]))
    return [v.strip("\x00 ") for v in values if v.strip("\x00 ")]


def _clean(image: Image.Image) -> Image.Image:
    # A new image from the pixels alone carries no info, EXIF or profile of the old one.
    return Image.frombytes(image.mode, image.size, image.tobytes())


def redact_image(content: bytes, content_type: str, boxes: list[Box]) -> RedactedImage:
    kind = FORMATS.get(content_type)
    if kind is None:
        raise InvalidInput(_("Only JPEG, PNG and TIFF images can be redacted."))
    pages = [
        _clean(burn(page, (b for b in boxes if b.page == number)))
        for number, page in enumerate(frames(content), start=1)
    ]
    buffer = io.BytesIO()
    options = {"quality": 90} if kind == "JPEG" else {}
    if kind == "TIFF":
        options = {"compression": "tiff_deflate", "save_all": True, "append_images": pages[1:]}
    pages[0].save(buffer, format=kind, **options)
    return RedactedImage(content=buffer.getvalue(), pages=len(pages))
