"""The requester's side: drafting (or an officer drafting for someone), clarifying,
withdrawing, discarding. Sending a draft is ``foi.services.filing.foi_request_file``."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils.translation import gettext as _

from core import clock
from core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from foi import permissions
from foi.models import (
    Attachment,
    CaseEvent,
    Channel,
    FOIRequest,
    Message,
    MessageKind,
    PublicNameChoice,
    State,
    Urgency,
    Visibility,
)
from foi.services.audit import case_event_record
from foi.services.base import LINKS, require_text, run_transition
from foi.services.clock import clock_note

DRAFT_FIELDS = (
    "subject",
    "text",
    "urgency",
    "urgency_justification",
    "access_form",
    "visibility",
    "private_until",
    "public_name_choice",
    "pseudonym",
)


def foi_request_create_draft(
    *,
    requester,
    body,
    subject: str = "",
    text: str = "",
    urgency: str = Urgency.NORMAL,
    urgency_justification: str = "",
    access_form: str = "electronic",
    visibility: str = Visibility.PUBLIC,
    private_until=None,
    public_name_choice: str = PublicNameChoice.NAME,
    pseudonym: str = "",
    channel: str = Channel.WEB,
    registered_by=None,
) -> FOIRequest:
    # A person without an account exists only through an officer who registers for them.
    registered_for_offline = registered_by is not None and not getattr(
        requester, "has_account", True
    )
    if not permissions.is_person(requester) and not registered_for_offline:
        raise NotPermitted(_("Sign in to make a request."))
    if registered_by is not None and not permissions.is_member(registered_by, body.pk):
        raise NotPermitted(_("Only the body's officers may register a request for someone."))
    if not body.is_active:
        raise InvalidInput(_("%(body)s no longer takes requests.") % {"body": body.name})
    with transaction.atomic():
        foi_request = FOIRequest(
            law=body.law,
            body=body,
            requester=requester,
            registered_by=registered_by,
            channel=channel,
            subject=subject.strip(),
            text=text.strip(),
            urgency=urgency,
            urgency_justification=urgency_justification.strip(),
            access_form=access_form,
            visibility=visibility,
            private_until=private_until if visibility == Visibility.PRIVATE else None,
            public_name_choice=public_name_choice,
            pseudonym=pseudonym.strip(),
            created_at=clock.now(),
        )
        _validate(foi_request)
        foi_request.save()
        case_event_record(
            foi_request=foi_request,
            kind="created",
            actor=registered_by or requester,
            to_state=State.DRAFT,
            audience="parties",
            data={"body": body.pk, "channel": channel},
        )
        foi_request.save()
    return foi_request


def foi_request_update_draft(*, foi_request: FOIRequest, actor, **changes) -> FOIRequest:
    """Save what the requester typed so far; only drafts change this way."""
    unknown = set(changes) - set(DRAFT_FIELDS) - {"body"}
    if unknown:
        raise InvalidInput(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    with transaction.atomic():
        from foi.services.base import lock_request

        locked = lock_request(foi_request)
        if not permissions.is_requester(locked, actor):
            raise NotPermitted(_("Only the requester may change a draft."))
        if locked.state != State.DRAFT:
            raise TransitionNotAllowed(_("Only a draft can be changed; this one was submitted."))
        for name, value in changes.items():
            if name == "body":
                locked.body = value
                locked.law = value.law
            else:
                setattr(locked, name, value.strip() if isinstance(value, str) else value)
        if locked.visibility != Visibility.PRIVATE:
            locked.private_until = None
        _validate(locked)
        locked.save()
    return locked


def _validate(foi_request: FOIRequest) -> None:
    from django.core.exceptions import ValidationError

    try:
        foi_request.full_clean(
            exclude=["state", "reference", "subject", "text", *LINKS],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages), errors=error.message_dict) from error


def foi_request_clarify(*, foi_request: FOIRequest, actor, text: str) -> FOIRequest:
    text = require_text(text, _("Write the clarification the body asked for."))

    def apply(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.CLARIFICATION,
            audience="public",
            author=actor,
            text=text,
            created_at=at,
        )
        clock_note(locked, "clarified", at)
        return {"message": message, "data": {"due_at": locked.due_at.isoformat()}}

    return run_transition(foi_request=foi_request, actor=actor, name="clarify", apply=apply)


def foi_request_withdraw(*, foi_request: FOIRequest, actor, text: str = "") -> FOIRequest:
    """Withdraw a sent request; it stays on the public record. (A draft is discarded.)"""

    def apply(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.WITHDRAWAL,
            audience="public",
            author=actor,
            text=text.strip() or _("The requester withdrew this request."),
            created_at=at,
        )
        return {"message": message, "data": {}}

    return run_transition(foi_request=foi_request, actor=actor, name="withdraw", apply=apply)


def foi_request_discard(*, foi_request: FOIRequest, actor) -> str:
    """Delete the requester's own draft, and every trace of it; return its subject.

    A draft never reached the body and was never public, so nothing about it is kept: not
    the row, not its audit chain, not its files. (Withdrawing is for a sent request, which
    stays on the public record.) The requester is told at once, with the subject; nobody
    else ever learns it existed.
    """
    from foi.services.base import lock_request

    with transaction.atomic():
        locked = lock_request(foi_request)
        if not permissions.is_requester(locked, actor):
            raise NotPermitted(_("Only the requester may discard a draft."))
        if locked.state != State.DRAFT:
            raise TransitionNotAllowed(_("Only a draft can be discarded; this one was sent."))
        subject = locked.subject
        files = _draft_chain_delete(foi_request_ids=[locked.pk])
        locked.delete()
        transaction.on_commit(lambda: _delete_files(files))
    return subject


def _draft_chain_delete(*, foi_request_ids: list[int]) -> list:
    """Remove the audit chains of requests about to be deleted, and return their files.

    Each request has its own chain (``CaseEvent.seq`` and ``prev_hash`` run within one
    request), so removing a chain whole, together with its request, leaves every other chain
    verifying. The ORM refuses to delete events (the trail is append-only), hence one plain
    DELETE; only requests that were never submitted come here.
    """
    files = [
        attachment.file
        for attachment in Attachment.objects.filter(message__foi_request_id__in=foi_request_ids)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {CaseEvent._meta.db_table} WHERE foi_request_id IN "
            f"({', '.join(['%s'] * len(foi_request_ids))})",
            list(foi_request_ids),
        )
    return files


def _delete_files(files) -> None:
    for stored in files:
        if stored.name:
            stored.storage.delete(stored.name)
