"""What the index holds: one plain document per public thing, whatever the backend."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field

MAX_TEXT = 200_000
MAX_FILE_TEXT = 200_000
MAX_STORED_TEXT = 300_000  # what either backend stores of a document's text, and of its files


@dataclass(frozen=True)
class FilePart:
    """A released file: its name is always indexed, its text when it could be read."""

    name: str
    text: str = ""
    ref: str = ""  # e.g. "attachment:12", so that a withdrawn file can be traced


@dataclass(frozen=True)
class IndexDocument:
    kind: str  # the provider's kind: "request", "disclosure", ...
    object_id: str
    url: str
    title: str
    text: str = ""
    files: tuple[FilePart, ...] = ()
    date: datetime.datetime | None = None  # when it was answered or published
    body_id: int | None = None
    outcome: str = ""
    language: str = ""
    reference: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id}"

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def files_text(self) -> str:
        """Every file's name and text, in order: what the "files" field of the index holds."""
        parts = []
        for part in self.files:
            parts.append(part.name)
            if part.text:
                parts.append(part.text[:MAX_FILE_TEXT])
        return "\n\n".join(parts)

    def content_hash(self) -> str:
        """Changes whenever anything the index holds for it would change."""
        fields = {
            name: getattr(self, name) for name in self.__dataclass_fields__ if name != "files"
        }
        fields["date"] = self.date.isoformat() if self.date else None
        fields["files"] = [(part.name, part.ref, len(part.text)) for part in self.files]
        digest = hashlib.sha256(
            json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str).encode()
        )
        for part in self.files:
            digest.update(part.text.encode())
        return digest.hexdigest()


# What is cut, gathered or computed; every other stored field is stored as the document has it.
COMPUTED = ("text", "files_text", "file_refs", "content_hash")


@dataclass(frozen=True)
class StoredFields:
    """What every backend stores of one document, built once: the database row
    (``search.backends.database.row_for``) and the Elasticsearch source
    (``search.es_documents.PublicDocument.from_index_document``) are each made from these and
    add only what is their own (the row's words, variants and ``extra``; the document's id).
    A hit reads back the same ``search.results.HIT_FIELDS`` of them from either."""

    key: str
    kind: str
    object_id: str
    url: str
    reference: str
    title: str
    text: str
    files_text: str
    file_refs: list[str]
    date: datetime.datetime | None
    year: int | None
    body_id: int | None
    outcome: str
    language: str
    content_hash: str

    @classmethod
    def of(cls, document: IndexDocument) -> StoredFields:
        return cls(
            **{
                name: getattr(document, name)
                for name in cls.__dataclass_fields__
                if name not in COMPUTED
            },
            text=document.text[:MAX_STORED_TEXT],
            files_text=document.files_text[:MAX_STORED_TEXT],
            file_refs=[part.ref for part in document.files if part.ref],
            content_hash=document.content_hash(),
        )

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def key_of(kind: str, object_id) -> str:
    return f"{kind}:{object_id}"


def split_key(key: str) -> tuple[str, str]:
    kind, _, object_id = key.partition(":")
    return kind, object_id
