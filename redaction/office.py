"""Word, spreadsheet and presentation files are redacted as PDF: LibreOffice (Debian's
``libreoffice-core`` and friends, run headless) converts them first. Without it they are refused
for redaction with a sentence saying so; the original can still be withheld whole.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from core.errors import InvalidInput

TIMEOUT_SECONDS = 180


def converter() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(content: bytes, *, extension: str) -> bytes:
    program = converter()
    if program is None:
        raise InvalidInput(
            _(
                "Word, spreadsheet and presentation files can be redacted only once converted "
                "to PDF, and this server has no converter. Convert the file to PDF, upload it, "
                "and redact that."
            )
        )
    with tempfile.TemporaryDirectory(prefix="sorgu-office-") as folder:
        source = Path(folder) / f"document{extension}"
        source.write_bytes(content)
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=True,
            )
        except (subprocess.SubprocessError, OSError) as error:
            raise InvalidInput(_("This file could not be converted to PDF.")) from error
        result = source.with_suffix(".pdf")
        if not result.exists():
            raise InvalidInput(_("This file could not be converted to PDF."))
        return result.read_bytes()
