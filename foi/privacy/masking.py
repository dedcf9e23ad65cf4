"""The requester's identity, masked in every text the public reads.

An officer who writes "Dear Zaur Məmmədov" into the answer to a request filed under a pseudonym
would otherwise publish the name on the request page, the API, the feeds, the search index and
the disclosure log. Each of those public renderings passes its texts through ``mask_text`` with
the request's ``requester_identifiers``; the parties (docs/permissions.md) read the original,
and the officer is warned before sending (``find``).

What is looked for:

- the requester's real name, only when they chose a pseudonym or to withhold it: each part of
  it on its own, in any case, with or without Azerbaijani letters or their usual Latin spellings
  (Məmmədov, MƏMMƏDOV, Mammadov, Mamedov, Мамедов), followed by a case ending (Zaur'a, Zaurun,
  Məmmədova, Məmmədovun), but never inside a longer unrelated word;
- their e-mail address, in any case, also with spaces around ``@`` or written "at" and "dot";
- their phone number in any common format (+994 50 123 45 67, 050-123-45-67, (050) 1234567,
  994501234567, 123-45-67): only the digits are compared;
- their postal address as written (spacing and case aside).

Anyone else's name, address or number is left alone: a body's officers sign their letters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext

from core.textfold import fold

NAME, EMAIL, PHONE, ADDRESS = "name", "email", "phone", "address"
# Each hit becomes one of these characters while the passes run (none of them is a letter or a
# digit, so a later pass can never match inside an earlier replacement), and its words at the end.
_MARK = {NAME: "\ue000", EMAIL: "\ue001", PHONE: "\ue002", ADDRESS: "\ue003"}


def _replacements() -> dict[str, str]:
    return {
        _MARK[NAME]: gettext("[name withheld]"),
        _MARK[EMAIL]: gettext("[e-mail withheld]"),
        _MARK[PHONE]: gettext("[phone withheld]"),
        _MARK[ADDRESS]: gettext("[address withheld]"),
    }


# -- names -------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")
_APOSTROPHES = re.compile(r"['’ʼ`]")
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ә": "e",
        "ж": "zh", "з": "z", "и": "i", "й": "i", "ј": "y", "к": "k", "қ": "g", "л": "l",
        "м": "m", "н": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ҹ": "c",
        "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip
# The usual Latin spellings of Azerbaijani sounds, reduced to one letter each, so that
# Xəlilov, Khalilov and Халилов, or Qasımov and Gasymov, read the same.
_SPELLINGS = (
    ("kh", "x"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "c"),
    ("gh", "g"),
    ("j", "c"),
    ("q", "g"),
    ("y", "i"),
    ("w", "v"),
    ("e", "a"),  # ə is written a (Mammadov) or e (Memmedov, Mamedov)
)
_DOUBLED = re.compile(r"(.)\1+")
# Words in a name that are not the person's own: patronymic links and forms of address.
_PARTICLES = frozenset(
    {"ogli", "oglu", "ogly", "gizi", "qizi", "kizi", "kyzy", "bey", "bay", "xanim", "khanim"}
    | {"hanim", "ibn", "bin", "van", "von", "der", "de", "la", "le", "al", "el", "ul"}
)
# What may follow a short name (four letters or fewer), as skeletons: Azerbaijani case endings
# (Zaur'a, Zaurun, Zaurdan), English 's, Russian endings. A longer name may take any ending of
# up to five letters (Məmmədovanın); a short one would otherwise hide Əliyev for Əli.
_SHORT_ENDINGS = frozenset(
    {"", "a", "ia", "i", "ii", "u", "iu", "in", "un", "nin", "nun", "iin", "iun", "ian"}
    | {"da", "dan", "ta", "tan", "la", "lar", "s", "om", "am", "ui", "oi"}
)
_LONG_ENDING = 5
# Names of three letters or fewer are compared as written (Azerbaijani letters folded), not by
# their Latin spellings: Əli is a name, "Ali Məhkəmə" the Supreme Court.
_SPELLED = 3
# Names that are also everyday words of an official letter ("ümid edirik", "aydın deyil",
# "əmin olun", "nail olmaq"): masked only when written with a capital.
_EVERYDAY = frozenset(
    {"aydin", "anar", "azad", "umid", "umud", "ilham", "bahar", "deniz", "nur", "gul", "sevinc"}
    | {"vusal", "arzu", "qismet", "yasar", "aziz", "emin", "kamal", "ziya", "nail", "inam"}
    | {"ulvi", "zefer", "cavid", "ferid", "sevda", "vuqar", "mubariz", "seadet", "sahib"}
)


class _Part(NamedTuple):
    key: str  # the skeleton, or for a short name its folded spelling
    spelled: bool  # compared as written (short names)
    capital: bool  # only when written with a capital (everyday words)


def _folded(word: str) -> str:
    return _APOSTROPHES.sub("", fold(word))


def _skeleton(word: str) -> str:
    text = _folded(word).translate(_CYRILLIC)
    for spelling, letter in _SPELLINGS:
        text = text.replace(spelling, letter)
    return _DOUBLED.sub(r"\1", text)


def _name_parts(name: str, shown: str) -> tuple[_Part, ...]:
    """The parts of ``name`` worth masking: two letters or more, not a particle, and not also a
    word of what is shown in public anyway (the pseudonym)."""
    public = {_skeleton(word) for word in _WORD.findall(shown)}
    parts = []
    for word in _WORD.findall(name):
        folded, skeleton = _folded(word), _skeleton(word)
        if len(folded) < 2 or folded in _PARTICLES or not skeleton or skeleton in public:
            continue
        spelled = len(skeleton) <= _SPELLED
        part = _Part(folded if spelled else skeleton, spelled, folded in _EVERYDAY)
        if part not in parts:
            parts.append(part)
    return tuple(parts)


def _is_name(word: str, parts: tuple[_Part, ...]) -> bool:
    skeleton = _skeleton(word)
    for part in parts:
        if part.capital and not word[:1].isupper():
            continue
        written = _folded(word) if part.spelled else skeleton
        if written == part.key:
            return True
        if len(part.key) < 2 or not written.startswith(part.key):
            continue
        ending = written[len(part.key) :]
        if part.spelled or len(part.key) <= 4:
            if _skeleton(ending) in _SHORT_ENDINGS:
                return True
        elif len(ending) <= _LONG_ENDING:
            return True
    return False


# -- e-mail addresses, phone numbers, postal addresses ----------------------------------------

_AT = r"\s*(?:@|[(\[{]\s*at\s*[)\]}]|\s+at\s+)\s*"
_DOT = r"\s*(?:\.|[(\[{]\s*dot\s*[)\]}]|\s+dot\s+)\s*"


def _email_pattern(email: str) -> str:
    local, _at, domain = email.strip().lower().rpartition("@")
    if not local or not domain:
        return ""
    local = _DOT.join(re.escape(piece) for piece in local.split("."))
    domain = _DOT.join(re.escape(piece) for piece in domain.split("."))
    return rf"(?<![\w.+\-]){local}{_AT}{domain}(?![\w\-]|\.\w)"


_SEPARATORS = r"[\s().\-/]*"
_AZ_COUNTRY = "994"
_AZ_NATIONAL = 9  # digits after +994 (or after the trunk 0)
_LOCAL = 7  # digits without the operator or area code


def _national(digits: str) -> tuple[str, bool]:
    """The number without country code or trunk 0, and whether it is Azerbaijani."""
    for prefix in ("00" + _AZ_COUNTRY, _AZ_COUNTRY, "0"):
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and len(rest) == _AZ_NATIONAL:
            return rest, True
    if len(digits) == _AZ_NATIONAL:
        return digits, True
    return digits.removeprefix("00"), False


def _phone_pattern(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < _LOCAL:
        return ""
    national, azerbaijani = _national(digits)
    spaced = _SEPARATORS.join(national)
    paren = r"(?:\(\s*)?"
    if azerbaijani:
        country = (
            rf"{paren}(?:(?:\+|00)\s*)?{paren}{_AZ_COUNTRY}\)?{_SEPARATORS}(?:0{_SEPARATORS})?"
        )
        prefix = rf"(?:{country}|{paren}0{_SEPARATORS}|{paren})"
    else:
        prefix = r"(?:(?:\+|00)\s*)?"
    local = _SEPARATORS.join(national[-_LOCAL:])
    # Also the number without its operator or area code (123-45-67), unless it follows other
    # digits: then it is the end of someone else's number (see ``_phone_hit``).
    return rf"(?<![\d+]){prefix}?{spaced}(?!\d)|(?<![\d+])(?P<local>{local})(?!\d)"


_DIGITS_BEFORE = re.compile(r"\d[\s().\-/]*$")


def _phone_hit(match: re.Match) -> bool:
    if match.groupdict().get("local") is None:
        return True
    return not _DIGITS_BEFORE.search(match.string[max(0, match.start() - 12) : match.start()])


def _address_patterns(address: str) -> list[str]:
    """The whole address, and each of its lines long enough to say where someone lives."""
    lines = [line.strip(" ,") for line in (address or "").splitlines() if line.strip(" ,")]
    whole = " ".join(lines)
    candidates = [whole, *(line for line in lines if len(line) >= 10 and line != whole)]
    return [
        r"[\s,]+".join(re.escape(word) for word in re.findall(r"[^\s,]+", candidate))
        for candidate in candidates
        if len(candidate) >= 6
    ]


# -- the identifiers of one request's requester -----------------------------------------------


@dataclass(frozen=True)
class Identifiers:
    """What identifies one requester, ready to be matched."""

    names: tuple[_Part, ...] = ()
    patterns: tuple[tuple[str, re.Pattern], ...] = ()  # (kind, pattern), in the order run

    def __bool__(self) -> bool:
        return bool(self.names or self.patterns)


@functools.lru_cache(maxsize=512)
def _identifiers(name: str, shown: str, email: str, phone: str, address: str) -> Identifiers:
    patterns = []
    for pattern in _address_patterns(address):
        patterns.append((ADDRESS, re.compile(pattern, re.IGNORECASE)))
    if email_pattern := _email_pattern(email):
        patterns.append((EMAIL, re.compile(email_pattern, re.IGNORECASE)))
    if phone_pattern := _phone_pattern(phone):
        patterns.append((PHONE, re.compile(phone_pattern)))
    return Identifiers(names=_name_parts(name, shown), patterns=tuple(patterns))


def requester_identifiers(foi_request) -> Identifiers:
    """What must not reach the public about this request's requester: their contact details
    always, their real name when they chose a pseudonym or to withhold it. Reads the requester
    (select it with the request)."""
    from foi.models import PublicNameChoice

    requester = foi_request.requester
    name = shown = ""
    if foi_request.public_name_choice != PublicNameChoice.NAME:
        name = f"{requester.first_name} {requester.last_name}"
        shown = foi_request.public_name or foi_request.pseudonym or ""
    return _identifiers(
        name, shown, requester.email or "", requester.phone or "", requester.postal_address or ""
    )


# -- matching -----------------------------------------------------------------------------------


def _marked(text: str, identifiers: Identifiers, found: list | None) -> str:
    def replace(kind):
        def replacement(match):
            if kind == PHONE and not _phone_hit(match):
                return match.group(0)
            if found is not None:
                found.append((kind, match.group(0).strip()))
            return _MARK[kind]

        return replacement

    for kind, pattern in identifiers.patterns:
        text = pattern.sub(replace(kind), text)
    if identifiers.names:
        name = replace(NAME)

        def word(match):
            return name(match) if _is_name(match.group(0), identifiers.names) else match.group(0)

        text = _WORD.sub(word, text)
        # "Zaur Məmmədov" is one name withheld, not two.
        mark = _MARK[NAME]
        text = re.sub(rf"{mark}(?:[ \t\-]+{mark})+", mark, text)
    return text


# Characters that hide a word's letters from a matcher but not from a reader: zero-width spaces
# and joiners, soft hyphens, word joiners, byte-order marks.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def _plain(text: str) -> str:
    """``text`` as a reader sees it: compatibility forms (full-width digits, ligatures) made
    plain, invisible characters dropped. A masked text is shown in this form."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def mask_text(text: str, identifiers: Identifiers | None) -> str:
    """``text`` with every identifier replaced by a word saying what was withheld."""
    if not text or not identifiers:
        return text
    plain = _plain(str(text))
    marked = _marked(plain, identifiers, None)
    if marked == plain:
        return text
    for mark, words in _replacements().items():
        marked = marked.replace(mark, words)
    return marked


def find(text: str, identifiers: Identifiers | None) -> list[tuple[str, str]]:
    """Each identifier in ``text`` as (kind, what was written), in order of kind then place,
    each once."""
    if not text or not identifiers:
        return []
    found: list[tuple[str, str]] = []
    _marked(_plain(str(text)), identifiers, found)
    unique = []
    for item in found:
        if item not in unique:
            unique.append(item)
    return unique


def mask_messages(messages, identifiers: Identifiers | None) -> None:
    """Masks, in place, what the public reads of these messages: their subject, text and file
    names. Only for showing: a masked message is never saved."""
    if not identifiers:
        return
    for message in messages:
        message.subject = mask_text(message.subject, identifiers)
        message.text = mask_text(message.text, identifiers)
        for attachment in message.attachments.all():
            attachment.original_name = mask_text(attachment.original_name, identifiers)


# -- warning whoever is about to publish it ----------------------------------------------------


def _kind_label(kind: str) -> str:
    return {
        NAME: gettext("name"),
        EMAIL: gettext("e-mail address"),
        PHONE: gettext("phone number"),
        ADDRESS: gettext("postal address"),
    }[kind]


def publication_warning(foi_request, *texts: str) -> str:
    """A sentence for an officer about to send ``texts`` on this request when they carry the
    requester's identity, or "" when they do not. The public would read those parts masked;
    the parties read them as written, so the officer should choose knowingly."""
    identifiers = requester_identifiers(foi_request)
    found = []
    for text in texts:
        for item in find(text, identifiers):
            if item not in found:
                found.append(item)
    if not found:
        return ""
    listed = "; ".join(f"{_kind_label(kind)} “{written[:80]}”" for kind, written in found)
    return gettext(
        "This text identifies the requester: %(found)s. The public will read these masked; "
        "the requester, the body and reviewers read them as written. Remove them, or confirm "
        "that you want to send the text as it is."
    ) % {"found": listed}
