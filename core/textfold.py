"""Folding text for matching: case, Azerbaijani letters and accents compared the same way on
every database, because the comparison happens here in Python, not in SQL.

``fold("İctimai Şəhər")`` is ``"ictimai seher"``, so someone typing on a keyboard without
Azerbaijani letters (``ictimai``, ``seher``) finds what is written with them. SQLite's ``LIKE``
folds ASCII only and PostgreSQL's ``ILIKE`` knows nothing of ``ə``/``e``, so neither can be
trusted to agree; folding in Python can.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters that Unicode decomposition does not reduce to a plain Latin one, or reduces wrongly
# for a search box (Python lower-cases "İ" to "i" plus a combining dot).
_LETTERS = str.maketrans(
    {
        "İ": "i",
        "I": "i",
        "ı": "i",
        "Ə": "e",
        "ə": "e",
        "Ş": "s",
        "ş": "s",
        "Ç": "c",
        "ç": "c",
        "Ğ": "g",
        "ğ": "g",
        "Ö": "o",
        "ö": "o",
        "Ü": "u",
        "ü": "u",
        "Ё": "е",
        "ё": "е",
    }
)
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents, Azerbaijani letters reduced to their plain Latin ones."""
    return _fold(str(text or ""))


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    # Kept: the statistics' league table folds the same 300 body names on every sort.
    text = text.translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(text))


def matches(query: str, *texts: str) -> bool:
    """True when every word of ``query`` occurs, folded, somewhere in ``texts``."""
    wanted = words(query)
    if not wanted:
        return True
    haystack = " ".join(fold(text) for text in texts if text)
    return all(word in haystack for word in wanted)
