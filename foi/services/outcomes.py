"""How a request ends at the body: answered, refused, rejected, or lapsed for want of a reply."""

from __future__ import annotations

import logging

from django.utils import translation
from django.utils.translation import gettext as _

from core import clock
from core.errors import InvalidInput, ServiceError
from foi import transitions
from foi.actors import SYSTEM, author_of
from foi.models import (
    Exemption,
    FOIRequest,
    InvokedExemption,
    Message,
    MessageKind,
    Outcome,
    State,
)
from foi.services.attachments import attachment_create
from foi.services.base import require_text, run_transition

logger = logging.getLogger(__name__)


def _exemptions(law, grounds, rule) -> list[tuple[Exemption, str, str | None]]:
    """[(exemption, note, attachment name)] from ``[{"code", "note", "attachment"?}]``."""
    found = {e.code: e for e in Exemption.objects.filter(law=law)}
    result = []
    for ground in grounds or []:
        code = (ground.get("code") or "").strip()
        if code not in found:
            raise InvalidInput(rule.says(code=code or "?", law=law), errors={rule.field: [code]})
        result.append((found[code], (ground.get("note") or "").strip(), ground.get("attachment")))
    return result


def _record_exemptions(locked, message, grounds, attachments) -> list[str]:
    by_name = {a.original_name: a for a in attachments}
    codes = []
    for exemption, note, attachment_name in grounds:
        attachment = by_name.get(attachment_name) if attachment_name else None
        if attachment_name and attachment is None:
            raise InvalidInput(
                _("No attached file is called %(name)s.") % {"name": attachment_name}
            )
        InvokedExemption.objects.create(
            foi_request=locked,
            message=message,
            exemption=exemption,
            attachment=attachment,
            note=note,
        )
        codes.append(exemption.code)
    return codes


def foi_request_answer(
    *,
    foi_request: FOIRequest,
    actor,
    outcome: str,
    text: str,
    exemptions: list[dict] | None = None,
    files: list[tuple[str, bytes]] | None = None,
) -> FOIRequest:
    """Answer in full, in part (naming the grounds for what is withheld) or "not held"."""
    rules = transitions.rules("answer")
    if outcome not in (Outcome.FULL, Outcome.PARTIAL, Outcome.NOT_HELD):
        raise InvalidInput(rules["outcome"].says())
    text = require_text(text, rules["text"].says())
    if outcome == Outcome.PARTIAL and not exemptions:
        raise InvalidInput(rules["partial_grounds"].says())
    if outcome != Outcome.PARTIAL and exemptions:
        raise InvalidInput(rules["only_partial_withholds"].says())

    def apply(locked, at):
        grounds = _exemptions(locked.law, exemptions, rules["ground"])
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.RESPONSE,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=text,
            created_at=at,
        )
        attachments = [
            attachment_create(message=message, name=name, content=content)
            for name, content in files or []
        ]
        codes = _record_exemptions(locked, message, grounds, attachments)
        if locked.first_response_at is None:
            locked.first_response_at = at
        return {
            "message": message,
            "data": {
                "outcome": outcome,
                "exemptions": codes,
                "attachments": [a.sha256 for a in attachments],
            },
        }

    return run_transition(
        foi_request=foi_request,
        actor=actor,
        name="answer",
        call_kwargs={"outcome": outcome},
        apply=apply,
    )


def appeal_route_text(law, language: str | None = None) -> str:
    """The sentence every refusal ends with: where and how to appeal."""
    with translation.override(language):
        levels = list(law.appeal_levels.all())
        if not levels:
            return ""
        steps = "; ".join(f"{index}. {level.name}" for index, level in enumerate(levels, 1))
        return _(
            "You may appeal against this decision (%(law)s): %(steps)s. "
            "You can lodge the appeal from this request's page."
        ) % {"law": law.short_name or law.name, "steps": steps}


def foi_request_refuse(
    *,
    foi_request: FOIRequest,
    actor,
    grounds: list[dict],
    text: str,
    files: list[tuple[str, bytes]] | None = None,
) -> FOIRequest:
    """Refuse on the law's grounds; the appeal route is added to the letter."""
    rules = transitions.rules("refuse")
    text = require_text(text, rules["text"].says())
    if not grounds:
        raise InvalidInput(rules["grounds"].says())

    def apply(locked, at):
        chosen = _exemptions(locked.law, grounds, rules["ground"])
        route = appeal_route_text(locked.law, locked.requester.preferred_language)
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.REFUSAL,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=f"{text}\n\n{route}".strip(),
            created_at=at,
        )
        attachments = [
            attachment_create(message=message, name=name, content=content)
            for name, content in files or []
        ]
        codes = _record_exemptions(locked, message, chosen, attachments)
        if locked.first_response_at is None:
            locked.first_response_at = at
        data = {"grounds": codes}
        if attachments:
            data["attachments"] = [a.sha256 for a in attachments]
        return {"message": message, "data": data}

    return run_transition(foi_request=foi_request, actor=actor, name="refuse", apply=apply)


def foi_request_reject(*, foi_request: FOIRequest, actor, reason: str) -> FOIRequest:
    reason = require_text(reason, transitions.rule("reject", "reason").says())

    def apply(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.REJECTION,
            audience="public",
            author=author_of(actor),
            from_body=locked.body,
            text=reason,
            created_at=at,
        )
        if locked.first_response_at is None:
            locked.first_response_at = at
        return {"message": message, "data": {}}

    return run_transition(
        foi_request=foi_request,
        actor=actor,
        name="reject",
        call_kwargs={"reason": reason},
        apply=apply,
    )


def foi_request_lapse(*, foi_request: FOIRequest, actor=SYSTEM) -> FOIRequest:
    """Close a request whose requester did not clarify it within the law's period."""

    def apply(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.LAPSE_NOTICE,
            audience="public",
            text=_("Closed: the requester did not reply to the request for clarification in time."),
            created_at=at,
        )
        return {"message": message, "data": {}}

    return run_transition(foi_request=foi_request, actor=actor, name="lapse", apply=apply)


def foi_requests_lapse_due(*, now=None) -> int:
    """The daily sweep: lapse every clarification whose time is up. Returns how many."""
    now = now or clock.now()
    due = FOIRequest.objects.filter(
        state=State.AWAITING_CLARIFICATION, clarification_lapses_at__lte=now
    )
    count = 0
    for foi_request in due.iterator():
        try:
            foi_request_lapse(foi_request=foi_request)
        except ServiceError as error:
            # The requester replied, or someone acted, meanwhile: that request is not due now.
            logger.info("Not lapsing %s: %s", foi_request.reference, error)
            continue
        count += 1
    return count
