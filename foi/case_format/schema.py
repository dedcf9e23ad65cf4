"""The open case format, version 1: a JSON Schema (draft 2020-12) of one request's case.

Every object is closed (``additionalProperties: false``) and lists all its keys as required, so
a key the export adds, drops or retypes without this schema fails the tests
(tests/foi/test_case_format.py). Every property says what it holds (``description``): the
schema is the format's documentation; docs/case-format.md explains the rest.

Changing what a version means is not allowed once it is published: a new key or meaning is a
new version (``v2``) beside this one.
"""

from __future__ import annotations

from django.conf import settings

from foi.models import (
    AccessForm,
    AppealDecision,
    Audience,
    MessageKind,
    Outcome,
    State,
    Urgency,
    Visibility,
)
from foi.models.audit import CaseEventAudience

VERSION = "1.0"
MAJOR = "v1"
PATH = f"/api/schema/case/{MAJOR}.json"
VIEWERS = ("public", "requester", "body", "reviewer", "admin")
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}


def schema_url() -> str:
    """The format's stable address, which is also its ``$id``."""
    return settings.FOI_SITE_URL.rstrip("/") + PATH


def _text(description: str, **extra) -> dict:
    return {"type": "string", "description": description, **extra}


def _maybe(schema: dict, description: str) -> dict:
    """``schema`` or null."""
    return {"description": description, "anyOf": [schema, {"type": "null"}]}


def _enum(values, description: str, *, nullable: bool = False) -> dict:
    values = list(values)
    if nullable:
        return {"description": description, "enum": [*values, None]}
    return {"type": "string", "description": description, "enum": values}


def _moment(description: str, *, nullable: bool = False) -> dict:
    if nullable:
        return {"description": description, "type": ["string", "null"], "format": "date-time"}
    return _text(description, format="date-time")


def _integer(description: str, *, nullable: bool = False, minimum: int = 0) -> dict:
    kind = ["integer", "null"] if nullable else "integer"
    return {"type": kind, "minimum": minimum, "description": description}


def _object(description: str, properties: dict) -> dict:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _list(description: str, items: dict) -> dict:
    return {"type": "array", "description": description, "items": items}


BODY = _object(
    "A public body.",
    {
        "slug": _text("The body's identifier in Sorğu's addresses and API."),
        "name": _text("The body's name in the language of the export."),
    },
)

ATTACHMENT = _object(
    "A file sent with a message: its metadata and hash, not its bytes (fetch them from url).",
    {
        "id": _integer("The file's id in Sorğu.", minimum=1),
        "name": _text("The file's name as sent (for the public, with the requester masked)."),
        "content_type": _text("Its media type."),
        "size": _integer("Its size in bytes."),
        "sha256": {**SHA256, "description": "SHA-256 of the file's bytes, in hex."},
        "approved": {
            "type": "boolean",
            "description": "Approved for publication. The public sees approved files only.",
        },
        "url": _text(
            "Where the viewer downloads it (relative to the site).", format="uri-reference"
        ),
    },
)

EMAIL = _object(
    "How an e-mail came or went; only for the parties, never the public.",
    {
        "from": _text("The sender's address."),
        "to": _text("The recipient's address."),
        "sender_unknown": {
            "type": "boolean",
            "description": "Sent from an address not known for the body, for the parties to judge.",
        },
    },
)

MESSAGE = _object(
    "One entry of the case's timeline the viewer may see.",
    {
        "id": _integer("The message's id in Sorğu.", minimum=1),
        "kind": _enum(MessageKind.values, "What the message is."),
        "audience": _enum(
            Audience.values,
            "Who may read it: public (everyone who sees the request), parties (the requester, "
            "the body and reviewers) or internal (the body only: internal notes).",
        ),
        "from_body": _maybe(BODY, "The body that sent it; null for anyone else."),
        "subject": _text("Its subject; may be empty."),
        "text": _text("Its text (for the public, with the requester's identity masked)."),
        "created_at": _moment("When it was written or received."),
        "email": _maybe(EMAIL, "The e-mail's addresses; null for the public or no e-mail."),
        "attachments": _list("The files with it that the viewer may see.", ATTACHMENT),
    },
)

EXEMPTION = _object(
    "A ground of the law invoked to withhold information.",
    {
        "code": _text("The ground's code in the law's data (see /api/v1/laws/{code}/)."),
        "article": _text("The article of the law."),
        "title": _text("The ground's title in the language of the export."),
        "note": _text("What the body said about it; may be empty."),
        "attachment": _integer(
            "The file it concerns, if the body named one the viewer may see.",
            nullable=True,
            minimum=1,
        ),
    },
)

DECISION = _object(
    "A decision of the body: an answer, a refusal or a rejection, with the grounds it invoked.",
    {
        "message": _integer("The message that carries it (messages[].id).", minimum=1),
        "kind": _enum(
            (MessageKind.RESPONSE, MessageKind.REFUSAL, MessageKind.REJECTION),
            "What the body decided.",
        ),
        "decided_at": _moment("When it was recorded."),
        "exemptions": _list("The grounds invoked to withhold information.", EXEMPTION),
    },
)

APPEAL = _object(
    "An appeal against the body's decision or silence.",
    {
        "level": _text("The appeal level's code in the law's data."),
        "level_name": _text("The level's name in the language of the export."),
        "reviewing_body": _maybe(BODY, "The body that reviews it; null for a court."),
        "appealed_state": _enum(State.values, "The request's state that was appealed against."),
        "grounds": _text("The requester's grounds (for the public, identity masked)."),
        "lodged_at": _moment("When it was lodged."),
        "due_at": _moment("When the decision is due; null without a time limit.", nullable=True),
        "decision": _enum(
            AppealDecision.values, "The reviewer's decision; null while pending.", nullable=True
        ),
        "reasons": _text("The reviewer's reasons; may be empty."),
        "decided_at": _moment("When it was decided; null while pending.", nullable=True),
    },
)

EVENT = _object(
    "One link of the request's append-only audit chain (foi.models.audit.CaseEvent). "
    "hash = SHA-256(prev_hash + canonical), the first event's prev_hash being 64 zeros.",
    {
        "seq": _integer("Its place in the chain, from 1.", minimum=1),
        "prev_hash": {**SHA256, "description": "The hash of the event before it."},
        "hash": {**SHA256, "description": "This event's hash."},
        "withheld": {
            "type": "boolean",
            "description": "True when the viewer may not see this event: only its hashes are "
            "given (the chain's links can still be checked) and every other field is null.",
        },
        "kind": {
            "type": ["string", "null"],
            "description": "What happened (a transition's "
            "name, or note, email_received, attachment_approved, ...).",
        },
        "label": {"type": ["string", "null"], "description": "The same in words."},
        "at": _moment("When it happened.", nullable=True),
        "from_state": {
            "type": ["string", "null"],
            "description": "The state before; may be empty when the event changed none.",
        },
        "to_state": {"type": ["string", "null"], "description": "The state after; may be empty."},
        "audience": _enum(CaseEventAudience.values, "Who may see the event.", nullable=True),
        "message": _integer(
            "The message it recorded, when the viewer may see it.", nullable=True, minimum=1
        ),
        "canonical": {
            "type": ["string", "null"],
            "description": "The canonical JSON that was hashed, for the parties to check each "
            "event's content; null for the public (it names accounts) and for withheld events.",
        },
    },
)

REQUESTER = _object(
    "The requester's identity and contact details: only for the parties and admins.",
    {
        "name": _text("Their full name."),
        "email": _text("Their e-mail address; empty for a request registered without one."),
        "phone": _text("Their phone; may be empty."),
        "postal_address": _text("Their postal address; may be empty."),
        "organisation": _text("The organisation they asked for; may be empty."),
    },
)

REQUEST = _object(
    "The request itself.",
    {
        "reference": _text("The request's reference, unique in Sorğu."),
        "url": _text("Its case page (relative to the site).", format="uri-reference"),
        "law": _text("The code of the law it was made under (see /api/v1/laws/{code}/)."),
        "body": {**BODY, "description": "The body that holds it now."},
        "subject": _text("Its subject (for the public, with the requester's identity masked)."),
        "text": _text("What was asked (for the public, with the requester's identity masked)."),
        "state": _enum([v for v in State.values if v != State.DRAFT], "Where it stands."),
        "outcome": _enum(Outcome.values, "How it ended; null while it has not.", nullable=True),
        "urgency": _enum(Urgency.values, "How urgent the requester said it is."),
        "access_form": _enum(AccessForm.values, "How the requester wants the information."),
        "visibility": _enum(Visibility.values, "Public, or private until private_until."),
        "private_until": {
            "type": ["string", "null"],
            "format": "date",
            "description": "The day a private request becomes public; null for a public one.",
        },
        "public_name": _text("How the requester is shown in public; empty when withheld."),
        "submitted_at": _moment("When it was sent to the body.", nullable=True),
        "received_at": _moment("When the body's clock started.", nullable=True),
        "due_at": _moment("When the answer is due; null when no clock runs.", nullable=True),
        "first_response_at": _moment("The body's first reply.", nullable=True),
        "closed_at": _moment("When it was closed.", nullable=True),
        "extensions": _integer("How many times the body extended the time limit."),
        "assignee": _maybe(
            _object(
                "An officer of the body.",
                {
                    "id": _integer("Their id (the API's assignee field).", minimum=1),
                    "name": _text("Their name."),
                },
            ),
            "The officer handling it: only for the body (and admins); null otherwise.",
        ),
    },
)


def case_schema() -> dict:
    """The JSON Schema of the case format, with its ``$id`` at this site's stable address."""
    url = schema_url()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": url,
        "title": "Sorğu case",
        "version": VERSION,
        "description": "One access-to-information request as a given viewer may see it: the "
        "request, its messages with their files' metadata and hashes, the body's decisions and "
        "the grounds they invoked, appeals, and the audit chain. Produced by "
        "GET /api/v1/requests/{reference}/case/; documented in docs/case-format.md.",
        "type": "object",
        "properties": {
            "format": {
                "const": url,
                "description": "This schema's address: what the document follows.",
            },
            "version": {"const": VERSION, "description": "The format's version."},
            "generated_at": _moment("When the document was made."),
            "viewer": _enum(
                VIEWERS,
                "Whose view it is: public (anyone who is not a party), requester, body (its "
                "officers), reviewer (a body reviewing an appeal) or admin.",
            ),
            "request": REQUEST,
            "requester": _maybe(REQUESTER, "Null for the public."),
            "messages": _list("The timeline the viewer may see, oldest first.", MESSAGE),
            "decisions": _list("The body's decisions the viewer may see, oldest first.", DECISION),
            "appeals": _list("The appeals, oldest first.", APPEAL),
            "audit": _object(
                "The request's audit chain.",
                {
                    "length": _integer("How many events the chain has."),
                    "head": {**SHA256, "description": "The last event's hash (64 zeros: none)."},
                    "events": _list("Every event, in order (withheld ones by hash).", EVENT),
                },
            ),
        },
        "required": [
            "format",
            "version",
            "generated_at",
            "viewer",
            "request",
            "requester",
            "messages",
            "decisions",
            "appeals",
            "audit",
        ],
        "additionalProperties": False,
    }
