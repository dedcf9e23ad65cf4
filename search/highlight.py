"""Snippets with the matched words marked, for the database backend.

A word is marked when the database would have matched it: same folded form, same stem, or (for
long enough query words) the same beginning; ``search.analysis`` decides all three, so
``ictimai`` marks ``İctimai`` and ``reports`` marks ``reporting``. PostgreSQL's ``ts_headline``
cannot do this: it re-reads the original text with its own parser, which knows nothing of our
folding. Elasticsearch has its own highlighter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape

from search.analysis import WORD, ParsedQuery, fold, stem

FRAGMENT_CHARS = 240
MAX_SCAN = 100_000


@dataclass(frozen=True)
class Matcher:
    forms: frozenset[str]
    stems: frozenset[str]
    prefixes: tuple[str, ...]
    candidates: re.Pattern | None

    @classmethod
    def for_query(cls, parsed: ParsedQuery) -> Matcher:
        words = parsed.positive_words()
        forms = frozenset(form for word in words for form in word.forms)
        stems = frozenset(stem(word.folded) for word in words)
        prefixes = tuple(sorted({word.prefix for word in words if word.prefix}))
        # Where a matching word may start in the folded text; each one is then checked.
        starts = {form for form in forms} | set(prefixes)
        starts |= {s[:-1] if len(s) > 3 else s for s in stems}
        starts = {fold(s) for s in starts if s}
        pattern = None
        if starts:
            alternatives = "|".join(re.escape(s) for s in sorted(starts, key=len, reverse=True))
            pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})")
        return cls(forms, stems, prefixes, pattern)

    def matches(self, folded_word: str) -> bool:
        return (
            folded_word in self.forms
            or stem(folded_word) in self.stems
            or any(folded_word.startswith(prefix) for prefix in self.prefixes)
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.candidates is None or not text:
            return []
        folded = fold(text[:MAX_SCAN])
        spans = []
        last_end = -1
        for candidate in self.candidates.finditer(folded):
            start = candidate.start()
            if start < last_end:
                continue
            word = WORD.match(folded, start)
            if word and self.matches(word.group()):
                spans.append((start, word.end()))
                last_end = word.end()
        return spans


def mark(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as HTML, with the spans inside it wrapped in <mark>."""
    end = len(text) if end is None else end
    out, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        out.append(escape(text[cursor:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(escape(text[cursor:end]))
    return "".join(out)


def highlight_title(title: str, matcher: Matcher) -> str:
    return mark(title, matcher.spans(title))


def fragments(
    text: str, matcher: Matcher, *, limit: int = 2, size: int = FRAGMENT_CHARS
) -> list[str]:
    """Up to ``limit`` pieces of ``text`` around the most matches, as HTML."""
    spans = matcher.spans(text)
    if not spans:
        return []
    chosen: list[tuple[int, int]] = []
    remaining = list(spans)
    while remaining and len(chosen) < limit:
        best = max(
            remaining,
            key=lambda span: sum(1 for s in remaining if span[0] <= s[0] < span[0] + size),
        )
        start = _word_start(text, max(0, best[0] - size // 4))
        end = _word_end(text, min(len(text), start + size))
        chosen.append((start, end))
        remaining = [s for s in remaining if not (start <= s[0] < end)]
    chosen.sort()
    return [_fragment_html(text, spans, start, end) for start, end in chosen]


def opening(text: str, size: int = FRAGMENT_CHARS) -> str:
    """The beginning of a text, for a hit that matched elsewhere (or a browse with no words)."""
    end = _word_end(text, min(len(text), size))
    return _fragment_html(text, [], 0, end)


def _fragment_html(text, spans, start, end) -> str:
    html = " ".join(mark(text, spans, start, end).split())
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return f"{prefix}{html}{suffix}"


def _word_start(text: str, index: int) -> int:
    while 0 < index < len(text) and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    limit = min(len(text), index + 30)
    while index < limit and not text[index].isspace():
        index += 1
    return index
