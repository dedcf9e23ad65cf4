"""Where the demo's fixtures live. Everything is read from the project itself, never from a
shared folder outside it, so a fresh checkout loads the demo on its own."""

from pathlib import Path

from django.conf import settings

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
DEMO_FILES_DIR = FIXTURES_DIR / "demo"


def demo_file(name: str) -> bytes:
    """The bytes of a small real attachment kept in ``fixtures/demo``."""
    path = DEMO_FILES_DIR / name
    if path.parent != DEMO_FILES_DIR:
        raise ValueError(f"{name} is not a plain file name.")
    return path.read_bytes()
