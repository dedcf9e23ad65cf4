"""What "find every occurrence" offers besides a term typed in: patterns of personal data
common in Azerbaijani documents. Data, not code: add a pattern here and it is offered.

- An identity card (şəxsiyyət vəsiqəsi): series AZE and 8 digits, or the older AA and 7.
- A personal identification code (FİN): 7 letters and digits, capitals, at least one digit.
- A phone number: +994 or 0, an operator or city code of two digits, then 7 digits, spaced or
  not.
- An e-mail address.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

PATTERNS = {
    "id-card": (_("Identity card numbers"), r"\b(?:AZE\s?\d{8}|AA\s?\d{7})\b"),
    "fin": (_("Personal identification codes (FİN)"), r"\b(?=[A-Z0-9]*\d)[A-HJ-NP-Z0-9]{7}\b"),
    "phone": (
        _("Phone numbers"),
        r"(?:\+994|\b0)[\s-]?\(?\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b",
    ),
    "email": (_("E-mail addresses"), r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
}


def choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _pattern) in PATTERNS.items()]


def compile_pattern(key: str) -> re.Pattern:
    return re.compile(PATTERNS[key][1])


def term_pattern(term: str) -> re.Pattern:
    """A typed term found as written, whatever its case and however it is spaced."""
    words = [re.escape(word) for word in term.split()]
    return re.compile(r"\s+".join(words), re.IGNORECASE)
