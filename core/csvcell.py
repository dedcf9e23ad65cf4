"""CSV cells that a spreadsheet shows as text: a value starting with =, +, -, @ or a control
character would otherwise run as a formula (CSV injection)."""

from __future__ import annotations

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text
