"""Text from scans: Tesseract, run directly, page by page.

A scanned PDF's pages are rendered to images with pypdfium2 (Apache-2.0/BSD-3), each image is
read by the ``tesseract`` program (Debian's ``tesseract-ocr`` with the ``aze``, ``rus`` and
``eng`` models) which writes the page's text and a one-page PDF holding that text alone,
invisible, and pypdf lays each text page over its original page. The original page's content
(the scan's images, whatever else is drawn) is kept as it is: nothing is rendered again into
the searchable PDF, so it is as sharp as the file received and barely larger.

An image (JPEG, PNG, TIFF, each frame of a multi-page TIFF) is read the same way; its PDF is
Tesseract's own, the image with the text over it.

Why not OCRmyPDF: it does the same with more care for odd PDFs (it optimises images, repairs
with Ghostscript), but brings Ghostscript, qpdf, pikepdf and a plugin system into every server
for what three small steps do here; see docs/architecture.md ("Text from scans").

Nothing here touches the database. ``progress(done, total)`` is called after each page.
``OCRUnavailable`` when the program or every configured language is missing; ``OCRFailed``
when a file cannot be read (the message says why, for the file's status).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

DEFAULT_LANGUAGES = "aze+rus+eng"
DPI = 300
MAX_PAGES = 500
PAGE_TIMEOUT = 180  # seconds for one page; a page that takes longer is not a page of text
# A page "has text" when its text layer holds at least this many letters or digits; a PDF has
# a text layer when at least half of the pages looked at have text (a scan with a stamped page
# number or a typed cover page is still a scan).
TEXT_PAGE_MIN_CHARACTERS = 20
TEXT_LAYER_PAGES_CHECKED = 10  # read at upload, in the request: kept small
_WORD_CHARACTER = re.compile(r"\w", re.UNICODE)

Progress = Callable[[int, int], None]


class OCRUnavailable(Exception):
    """Tesseract, or every configured language model, is not installed on this server."""


class OCRFailed(Exception):
    """The file could not be read (damaged, encrypted, a page Tesseract gave up on)."""


@dataclass(frozen=True)
class OCRResult:
    text: str
    pdf: bytes  # the searchable PDF: the original pages (or the image) with the text over them
    pages: int


def command() -> str:
    return getattr(settings, "FOI_TESSERACT_COMMAND", "") or "tesseract"


def configured_languages() -> list[str]:
    value = getattr(settings, "FOI_OCR_LANGUAGES", "") or DEFAULT_LANGUAGES
    return [code for code in re.split(r"[+,\s]+", value) if code]


@lru_cache(maxsize=8)
def _installed_languages(program: str) -> frozenset[str]:
    path = shutil.which(program)
    if not path:
        return frozenset()
    try:
        listed = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    # The first line names the folder; the rest are the codes.
    return frozenset(line.strip() for line in listed.stdout.splitlines()[1:] if line.strip())


def languages() -> list[str]:
    """The configured languages whose models are installed, in the configured order."""
    installed = _installed_languages(command())
    return [code for code in configured_languages() if code in installed]


def tesseract_available() -> bool:
    return bool(languages())


def needs_ocr(content: bytes, content_type: str) -> bool:
    """Whether a file is a scan to read: an image, or a PDF without a text layer."""
    if content_type in ("image/jpeg", "image/png", "image/tiff"):
        return True
    if content_type == "application/pdf":
        try:
            return not has_text_layer(content)
        except OCRFailed:
            return False  # a PDF nothing can open is not read either; it stays name-only
    return False


def has_text_layer(content: bytes) -> bool:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = list(reader.pages[:TEXT_LAYER_PAGES_CHECKED])
        with_text = sum(1 for page in pages if _has_text(page.extract_text() or ""))
    except Exception as error:  # pypdf has many errors for a damaged file; all mean "cannot open"
        raise OCRFailed(f"The PDF cannot be opened: {type(error).__name__}: {error}") from error
    return bool(pages) and with_text * 2 >= len(pages)


def _has_text(text: str) -> bool:
    return len(_WORD_CHARACTER.findall(text)) >= TEXT_PAGE_MIN_CHARACTERS


def _require() -> list[str]:
    codes = languages()
    if not codes:
        raise OCRUnavailable(
            f"{command()} with any of {'+'.join(configured_languages())} is not installed"
        )
    return codes


def _environment() -> dict[str, str]:
    # One thread per page: the workers run pages side by side, and Tesseract's OpenMP threads
    # on a shared machine make every page slower, not faster.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _tesseract(image_path: str, base: str, codes: list[str], *, text_only: bool) -> None:
    arguments = [shutil.which(command()) or command(), image_path, base, "-l", "+".join(codes)]
    if text_only:
        # A page rendered here, at DPI: the text page comes out the size of the original.
        arguments += ["--dpi", str(DPI), "-c", "textonly_pdf=1"]
    arguments += ["txt", "pdf"]
    timeout = int(getattr(settings, "FOI_OCR_PAGE_TIMEOUT", PAGE_TIMEOUT))
    try:
        done = subprocess.run(
            arguments, capture_output=True, timeout=timeout, env=_environment(), check=False
        )
    except subprocess.TimeoutExpired as error:
        raise OCRFailed(f"A page took longer than {timeout} s to read.") from error
    except OSError as error:
        raise OCRUnavailable(str(error)) from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OCRFailed(f"Tesseract failed: {message[-1] if message else done.returncode}")


def image_pdf_page(image: bytes, *, dpi: int, suffix: str = ".jpg") -> bytes | None:
    """A one-page PDF of this image with Tesseract's invisible text over it, or None when
    Tesseract is missing or fails (the caller then builds the page without text). Used for
    pages we drew ourselves (redaction's burnt pages), where no original page is kept."""
    try:
        codes = _require()
    except OCRUnavailable:
        return None
    timeout = int(getattr(settings, "FOI_OCR_PAGE_TIMEOUT", PAGE_TIMEOUT))
    with tempfile.TemporaryDirectory(prefix="sorgu-ocr-page-") as folder:
        path = os.path.join(folder, f"page{suffix}")
        with open(path, "wb") as handle:
            handle.write(image)
        base = os.path.join(folder, "page")
        arguments = [shutil.which(command()) or command(), path, base, "-l", "+".join(codes)]
        try:
            subprocess.run(
                [*arguments, "--dpi", str(dpi), "pdf"],
                capture_output=True,
                timeout=timeout,
                env=_environment(),
                check=True,
            )
            with open(f"{base}.pdf", "rb") as handle:
                return handle.read()
        except (subprocess.SubprocessError, OSError):
            return None


def _read_outputs(base: str) -> tuple[str, bytes]:
    with open(f"{base}.txt", encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    with open(f"{base}.pdf", "rb") as handle:
        return text, handle.read()


def ocr_pdf(content: bytes, *, progress: Progress | None = None) -> OCRResult:
    """The text of a scanned PDF, and the PDF with an invisible text layer over each page."""
    import pypdfium2
    from pypdf import PdfReader, PdfWriter

    codes = _require()
    try:
        document = pypdfium2.PdfDocument(content)
    except pypdfium2.PdfiumError as error:
        raise OCRFailed(f"The PDF cannot be opened: {error}") from error
    try:
        total = min(len(document), int(getattr(settings, "FOI_OCR_MAX_PAGES", MAX_PAGES)))
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
        texts = []
        with tempfile.TemporaryDirectory(prefix="sorgu-ocr-") as folder:
            for number in range(total):
                image_path = os.path.join(folder, f"page-{number}.png")
                page = document[number]
                try:
                    bitmap = page.render(scale=DPI / 72, grayscale=True)
                    bitmap.to_pil().save(image_path, dpi=(DPI, DPI))
                finally:
                    page.close()
                base = os.path.join(folder, f"page-{number}")
                _tesseract(image_path, base, codes, text_only=True)
                text, layer = _read_outputs(base)
                texts.append(text.strip())
                _overlay(writer.pages[number], PdfReader(io.BytesIO(layer)).pages[0])
                os.remove(image_path)
                if progress:
                    progress(number + 1, total)
        output = io.BytesIO()
        writer.write(output)
    finally:
        document.close()
    return OCRResult(text=_join(texts), pdf=output.getvalue(), pages=total)


def _overlay(page, layer) -> None:
    """Lay Tesseract's text page over ``page``, stretched to the page as it is shown (its
    crop box, after its rotation: what pypdfium2 rendered)."""
    if page.rotation:
        page.transfer_rotation_to_content()
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    layer_width, layer_height = float(layer.mediabox.width), float(layer.mediabox.height)
    from pypdf import Transformation

    scale = Transformation().scale(width / layer_width, height / layer_height)
    page.merge_transformed_page(
        layer, scale.translate(float(box.left), float(box.bottom)), over=True, expand=False
    )


def ocr_image(content: bytes, *, progress: Progress | None = None) -> OCRResult:
    """The text of an image (each frame of a multi-page TIFF), and a PDF of it with the text
    over it."""
    from PIL import Image, UnidentifiedImageError
    from pypdf import PdfReader, PdfWriter

    codes = _require()
    unreadable = (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError)
    try:
        image = Image.open(io.BytesIO(content))
        image.load()
    except unreadable as error:
        raise OCRFailed(f"The image cannot be opened: {error}") from error
    # One frame in memory at a time (a multi-page TIFF): each is copied, saved and let go.
    total = min(
        getattr(image, "n_frames", 1), int(getattr(settings, "FOI_OCR_MAX_PAGES", MAX_PAGES))
    )
    writer = PdfWriter()
    texts = []
    with tempfile.TemporaryDirectory(prefix="sorgu-ocr-") as folder:
        for number in range(total):
            try:
                image.seek(number)
                frame = image.copy()
            except unreadable as error:
                raise OCRFailed(
                    f"Page {number + 1} of the image cannot be read: {error}"
                ) from error
            image_path = os.path.join(folder, f"frame-{number}.png")
            if frame.mode not in ("1", "L", "RGB"):
                frame = frame.convert("RGB")
            dpi = frame.info.get("dpi") or image.info.get("dpi") or (DPI, DPI)
            frame.save(image_path, dpi=tuple(round(float(d)) or DPI for d in dpi))
            base = os.path.join(folder, f"frame-{number}")
            _tesseract(image_path, base, codes, text_only=False)
            text, page_pdf = _read_outputs(base)
            texts.append(text.strip())
            writer.add_page(PdfReader(io.BytesIO(page_pdf)).pages[0])
            if progress:
                progress(number + 1, total)
    output = io.BytesIO()
    writer.write(output)
    return OCRResult(text=_join(texts), pdf=output.getvalue(), pages=total)


def _join(texts: list[str]) -> str:
    return "\n\n".join(text for text in texts if text).replace("\x0c", "").strip()


def ocr_file(content: bytes, content_type: str, *, progress: Progress | None = None) -> OCRResult:
    if content_type == "application/pdf":
        return ocr_pdf(content, progress=progress)
    return ocr_image(content, progress=progress)


def page_count(content: bytes, content_type: str) -> int:
    """How many pages a scan has (for the progress shown before the first one is read)."""
    try:
        if content_type == "application/pdf":
            from pypdf import PdfReader

            return len(PdfReader(io.BytesIO(content)).pages)
        from PIL import Image

        return getattr(Image.open(io.BytesIO(content)), "n_frames", 1)
    except Exception:  # counted again while reading; a count is only for the progress line
        return 0
