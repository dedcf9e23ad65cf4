"""How text becomes search terms, in one place for every database backend.

Azerbaijani first: Turkish-style lower case (``İ`` → ``i``, ``I`` → ``ı``), then folding of
``ə ş ç ğ ö ü ı`` (and other Latin accents) to plain letters, with the original word kept as a
variant so that an exact spelling ranks higher. English and Russian words also get their Snowball
stem as a variant. Elasticsearch does the same with its own analyzers (``search.es_documents``).

Folding maps each character to exactly one character, so a folded text lines up with its
original position by position: the highlighter finds words in the folded text and marks them in
the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+")
MAX_WORD = 60
# Prefix matching stands in for an Azerbaijani stemmer (``büdcə`` finds ``büdcəsinin``), for
# words long enough that a prefix still means something.
MIN_PREFIX = 4

_SPECIAL = {"İ": "i", "I": "i", "ı": "i", "ə": "e", "Ə": "e", "ё": "е", "Ё": "е"}


class _FoldTable(dict):
    """A lazy ``str.translate`` table: one character in, one character out."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _SPECIAL.get(char)
        if folded is None:
            lower = char.lower()
            folded = lower if len(lower) == 1 else char
            if _is_latin(folded):
                base = "".join(
                    c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c)
                )
                if len(base) == 1:
                    folded = base
        self[code] = folded
        return folded


def _is_latin(char: str) -> bool:
    # Only Latin letters lose their accents: Russian й and и are different letters.
    code = ord(char)
    return 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case and accents removed, one character for one character."""
    return text.translate(_FOLD)


def lower_kept(word: str) -> str:
    """The original spelling in lower case (``İ`` → ``i``), accents kept."""
    return word.replace("İ", "i").lower()


_EN = snowballstemmer.stemmer("english")
_RU = snowballstemmer.stemmer("russian")


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in word)


@lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    """The Snowball stem of a folded word: Russian for Cyrillic words, English otherwise."""
    if len(folded) < 3 or folded.isdigit():
        return folded
    return (_RU if _is_cyrillic(folded) else _EN).stemWord(folded)


@lru_cache(maxsize=200_000)
def word_forms(word: str) -> tuple[str, tuple[str, ...]]:
    """(folded word, its other forms: original spelling and stem, if they differ)."""
    word = word[:MAX_WORD]
    folded = fold(word)
    variants = []
    kept = lower_kept(word)
    if kept != folded:
        variants.append(kept)
    # A word spelt with Azerbaijani letters is not English: its English "stem" would only
    # match unrelated words (Azerbaijani endings are handled by prefix matching instead).
    if kept == folded or _is_cyrillic(folded):
        stemmed = stem(folded)
        if stemmed != folded and stemmed not in variants:
            variants.append(stemmed)
    return folded, tuple(variants)


@dataclass(frozen=True)
class Terms:
    """What a database stores for one field: the folded words in order (for phrases) and the
    variants (original spellings and stems) that also match single words."""

    words: str
    variants: str


def index_terms(text: str) -> Terms:
    text = text or ""
    # Folding keeps every character's place and letters stay letters, so the folded text splits
    # into the same words as the original.
    folded_words = WORD.findall(fold(text))
    variants = []
    for word in WORD.findall(text):
        others = word_forms(word)[1]
        if others:
            variants.extend(others)
    return Terms(" ".join(folded_words), " ".join(variants))


# -- queries ---------------------------------------------------------------------------------


# Azerbaijani case and plural endings (folded), longest first. Stripping them from a query word
# leaves a root whose prefix match finds the other forms: ``büdcənin`` finds ``büdcəsi``.
_AZ_SUFFIXES = """larinin lerinin larina lerine larindan lerinden larini lerini larin lerin lari
leri lara lere lar ler sinin sina sine sini sindan sinden sinda sinde nin nun dan den da de si
su ni nu ya ye in un"""
AZ_SUFFIXES = tuple(sorted(_AZ_SUFFIXES.split(), key=len, reverse=True))
AZ_LETTERS = frozenset("əıişçğöüƏIİŞÇĞÖÜ") - frozenset("iI")
AZ_ENDINGS = ("lar", "ler", "nin", "nun", "dan", "den", "si", "su")


def az_root(word: str, folded: str) -> str:
    """The root of an Azerbaijani-looking word for prefix matching, or the word itself."""
    looks_az = any(char in AZ_LETTERS for char in word) or folded.endswith(AZ_ENDINGS)
    if not looks_az:
        return folded
    for suffix in AZ_SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= MIN_PREFIX:
            return folded[: -len(suffix)]
    return folded


@dataclass(frozen=True)
class QueryWord:
    text: str  # as typed
    folded: str
    forms: tuple[str, ...]  # every form that counts as a match, the folded one first
    prefix: str = ""  # match words that start with this, too

    @classmethod
    def of(cls, word: str) -> QueryWord:
        word = word[:MAX_WORD]
        folded, variants = word_forms(word)
        prefix = ""
        if len(folded) >= MIN_PREFIX and not folded.isdigit():
            prefix = az_root(word, folded)
        return cls(word, folded, (folded, *variants), prefix)


@dataclass(frozen=True)
class ParsedQuery:
    """``words`` must all match; each of ``phrases`` must match word for word in order;
    none of ``excluded`` may match. Empty: everything (browsing with filters)."""

    text: str = ""
    words: tuple[QueryWord, ...] = ()
    phrases: tuple[tuple[QueryWord, ...], ...] = ()
    excluded: tuple[QueryWord, ...] = ()
    raw_words: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases)

    def positive_words(self) -> list[QueryWord]:
        return [*self.words, *(word for phrase in self.phrases for word in phrase)]


_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
MAX_QUERY_WORDS = 32


def parse_query(text: str) -> ParsedQuery:
    """``budget "annual report" -draft``: words, "phrases" and -excluded words."""
    text = (text or "").strip()[:500]
    words, phrases, excluded, raw = [], [], [], []
    for match in _QUERY_PART.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        chunk = match.group(2) if match.group(2) is not None else match.group(4)
        parts = [QueryWord.of(w) for w in WORD.findall(chunk)]
        raw.extend(WORD.findall(chunk))
        if not parts:
            continue
        if negated:
            excluded.extend(parts)
        elif match.group(2) is not None and len(parts) > 1:
            phrases.append(tuple(parts))
        else:
            words.extend(parts)
    return ParsedQuery(
        text=text,
        words=tuple(_unique(words))[:MAX_QUERY_WORDS],
        phrases=tuple(phrases)[:8],
        excluded=tuple(_unique(excluded))[:8],
        raw_words=tuple(raw),
    )


def _unique(words):
    seen = set()
    for word in words:
        if word.folded not in seen:
            seen.add(word.folded)
            yield word


# Words too common to say what a text is about, for "similar requests" (folded forms).
_STOPWORDS = """
    a an and are as at be by for from has have i in is it of on or please that the this to was
    were will with would me my you your we our about any all can could which what when who how
    send provide information request copy copies dear sir madam regards thank thanks
    və ilə üçün bu o bir da də ki ya və ya haqqında barədə olan olunan edilən hansı nə necə
    mənə məlumat xahiş edirəm verməyinizi təqdim sorğu hörmətli
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
    мне было вот от меня еще нет о из ему или для при об это этот эта эти прошу предоставить
    информацию информации запрос уважаемые
"""
STOPWORDS = frozenset(fold(word) for word in _STOPWORDS.split())


def salient_words(text: str, limit: int = 12) -> list[QueryWord]:
    """The words of a long text most likely to say what it is about: no stop words, longest
    first (a cheap stand-in for rarity), each once."""
    seen, words = set(), []
    for raw in WORD.findall(text or ""):
        word = QueryWord.of(raw)
        if len(word.folded) < 3 or word.folded in STOPWORDS or word.folded.isdigit():
            continue
        if word.folded not in seen:
            seen.add(word.folded)
            words.append(word)
    words.sort(key=lambda w: -len(w.folded))
    return words[:limit]
