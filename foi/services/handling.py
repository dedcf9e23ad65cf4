"""The body's side while a request is open: accepting, assigning, asking, extending,
transferring."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.errors import InvalidInput
from foi import deadlines, permissions, transitions
from foi.actors import author_of
from foi.models import FOIRequest, Message, MessageKind
from foi.services.base import require_text, run_transition
from foi.services.clock import clock_note


def assignee_refusal(body) -> InvalidInput:
    """One sentence for any assignee who is not an officer of the body: it never names the
    person, so an id cannot be turned into someone's name (nor an account's existence)."""
    rule = transitions.rule("assign", "officer")
    return InvalidInput(
        rule.says(body=body.name), errors={rule.field: ["not an officer of the body"]}
    )


def _check_assignee(foi_request: FOIRequest, assignee) -> None:
    if assignee is None:
        return
    if not permissions.is_member(assignee, foi_request.body_id):
        raise assignee_refusal(foi_request.body)


def _mark_first_response(foi_request: FOIRequest, at) -> None:
    if foi_request.first_response_at is None:
        foi_request.first_response_at = at


def foi_request_accept(*, foi_request: FOIRequest, actor, assignee=None) -> FOIRequest:
    def apply(locked, at):
        _check_assignee(locked, assignee)
        return {"data": {"assignee": assignee.pk if assignee else None}}

    return run_transition(
        foi_request=foi_request,
        actor=actor,
        name="accept",
        call_kwargs={"assignee": assignee},
        apply=apply,
    )


def foi_request_assign(*, foi_request: FOIRequest, actor, assignee) -> FOIRequest:
    if assignee is None:
        raise InvalidInput(transitions.rule("assign", "assignee").says())

    def apply(locked, at):
        _check_assignee(locked, assignee)
        return {"data": {"assignee": assignee.pk}}

    return run_transition(
        foi_request=foi_request,
        actor=actor,
        name="assign",
        call_kwargs={"assignee": assignee},
        apply=apply,
        audience="internal",
    )


def foi_request_ask_clarification(*, foi_request: FOIRequest, actor, text: str) -> FOIRequest:
    text = require_text(text, transitions.rule("ask_clarification", "text").says())

    def apply(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.CLARIFICATION_REQUEST,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=text,
            created_at=at,
        )
        _mark_first_response(locked, at)
        clock_note(locked, "clarification_asked", at)
        locked.clarification_lapses_at = deadlines.clarification_lapse_at(locked.law, asked_at=at)
        lapses = locked.clarification_lapses_at
        return {"message": message, "data": {"lapses_at": lapses.isoformat() if lapses else None}}

    return run_transition(
        foi_request=foi_request, actor=actor, name="ask_clarification", apply=apply
    )


def foi_request_extend(
    *, foi_request: FOIRequest, actor, reason: str, text: str = ""
) -> FOIRequest:
    def apply(locked, at):
        allowed = locked.law.extension_reason(reason)
        if allowed is None:
            rule = transitions.rule("extend", "reason")
            raise InvalidInput(rule.says(), errors={rule.field: [reason]})
        before = locked.due_at
        clock_note(locked, "extension", at, reason=reason)
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.EXTENSION_NOTICE,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=text.strip()
            or locked.law.extension_reason_label(reason, locked.requester.preferred_language),
            created_at=at,
        )
        _mark_first_response(locked, at)
        return {
            "message": message,
            "data": {
                "reason": reason,
                "due_before": before.isoformat(),
                "due_at": locked.due_at.isoformat(),
            },
        }

    return run_transition(foi_request=foi_request, actor=actor, name="extend", apply=apply)


def foi_request_transfer(*, foi_request: FOIRequest, actor, body, text: str = "") -> FOIRequest:
    if body is None:
        raise InvalidInput(transitions.rule("transfer", "body").says())
    before = {}

    def prepare(locked, at):
        if body.pk == locked.body_id:
            raise InvalidInput(transitions.rule("transfer", "other_body").says())
        if not body.is_active:
            raise InvalidInput(transitions.rule("transfer", "active_body").says(body=body.name))
        if body.law_id != locked.law_id:
            raise InvalidInput(transitions.rule("transfer", "same_law").says())
        before["body"] = locked.body

    def apply(locked, at):
        old_body = before["body"]
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.TRANSFER_NOTICE,
            audience="public",
            author=author_of(actor),
            from_body=old_body,
            text=text.strip()
            or _("This request was forwarded to %(body)s, which holds the information.")
            % {"body": body.name},
            created_at=at,
        )
        _mark_first_response(locked, at)
        clock_note(locked, "transfer", at, from_body=old_body.name, to_body=body.name)
        return {
            "message": message,
            "data": {
                "from_body": old_body.pk,
                "to_body": body.pk,
                "due_at": locked.due_at.isoformat(),
            },
        }

    return run_transition(
        foi_request=foi_request,
        actor=actor,
        name="transfer",
        call_kwargs={"body": body},
        prepare=prepare,
        apply=apply,
    )
