"""Names kept in az, en and ru columns, read in the active language with a fallback."""

from django.utils import translation

FALLBACK_ORDER = ("en", "az", "ru")


def translated_fields(base: str) -> tuple[str, ...]:
    """The columns that hold ``base`` in each language, e.g. for ``.only()``."""
    return tuple(f"{base}_{code}" for code in FALLBACK_ORDER)


def translated(obj, base: str) -> str:
    language = (translation.get_language() or "en")[:2]
    for code in (language, *FALLBACK_ORDER):
        value = getattr(obj, f"{base}_{code}", "")
        if value:
            return value
    return ""
