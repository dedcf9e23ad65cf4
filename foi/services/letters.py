"""Bodies that answer by e-mail: their moves recorded from their letters.

A body with no officers in Sorğu answers by e-mail; its reply lands on the case
(``mail.inbound``). The requester (or a moderator) then says what the letter is, and that
choice is the very transition the body's officer would take in the portal (answer, refuse,
extend, transfer, ask for clarification, accept), run by the same service with an actor that
acts for the body (``foi.actors.OnBehalf``): the same checks, the same clock, counted from the
letter's date, and one event on the audit trail saying who recorded it from which letter.
An appeal decided by a reviewing body off the portal is recorded the same way.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import clock
from core import files as file_kinds
from core.errors import Conflict, InvalidInput, NotPermitted, NotVisible
from foi import permissions, transitions
from foi.actors import VIA_MODERATOR, VIA_REQUESTER, OnBehalf
from foi.models import (
    Appeal,
    AppealDecision,
    CaseEvent,
    FOIRequest,
    InvokedExemption,
    Message,
    MessageKind,
    Outcome,
    PublicBody,
    State,
)
from foi.services.appeals import foi_request_decide_appeal
from foi.services.base import lock_request, run_transition
from foi.services.case import Entry, foi_request_append
from foi.services.handling import (
    foi_request_accept,
    foi_request_ask_clarification,
    foi_request_extend,
    foi_request_transfer,
)
from foi.services.outcomes import foi_request_answer, foi_request_refuse

# What a body's letter can be, in the order the requester is offered them; each is the
# transition the body's officer would take (``TRANSITION``).
ACKNOWLEDGEMENT = "acknowledgement"
CLARIFICATION = "clarification"
EXTENSION = "extension"
TRANSFER = "transfer"
NOT_A_REPLY = "not_a_reply"
REQUEST_OUTCOMES = (
    ACKNOWLEDGEMENT,
    CLARIFICATION,
    EXTENSION,
    TRANSFER,
    Outcome.FULL.value,
    Outcome.PARTIAL.value,
    Outcome.REFUSED.value,
    Outcome.NOT_HELD.value,
    NOT_A_REPLY,
)
APPEAL_OUTCOMES = tuple(AppealDecision.values)
OUTCOMES = REQUEST_OUTCOMES + APPEAL_OUTCOMES

TRANSITION = {
    ACKNOWLEDGEMENT: "accept",
    CLARIFICATION: "ask_clarification",
    EXTENSION: "extend",
    TRANSFER: "transfer",
    Outcome.FULL.value: "answer",
    Outcome.PARTIAL.value: "answer",
    Outcome.NOT_HELD.value: "answer",
    Outcome.REFUSED.value: "refuse",
    **{decision: "decide_appeal" for decision in APPEAL_OUTCOMES},
}

LABELS = {
    ACKNOWLEDGEMENT: gettext_lazy("Acknowledgement of receipt only"),
    CLARIFICATION: gettext_lazy("Asks me to clarify the request"),
    EXTENSION: gettext_lazy("Extends the deadline"),
    TRANSFER: gettext_lazy("Forwarded the request to another body"),
    Outcome.FULL.value: gettext_lazy("Gave the information in full"),
    Outcome.PARTIAL.value: gettext_lazy("Gave the information in part"),
    Outcome.REFUSED.value: gettext_lazy("Refused"),
    Outcome.NOT_HELD.value: gettext_lazy("Does not hold the information"),
    NOT_A_REPLY: gettext_lazy("Not a reply (an automatic reply, or sent by mistake)"),
    AppealDecision.UPHELD.value: AppealDecision.UPHELD.label,
    AppealDecision.OVERTURNED.value: AppealDecision.OVERTURNED.label,
    AppealDecision.PARTLY_OVERTURNED.value: AppealDecision.PARTLY_OVERTURNED.label,
    AppealDecision.NOT_ADMITTED.value: AppealDecision.NOT_ADMITTED.label,
}

# The events a classification without a transition appends.
EVENT_KIND = "reply_classified"


def _check_outcome(outcome: str) -> None:
    if outcome not in OUTCOMES:
        raise InvalidInput(
            _("Choose what the letter is: %(choices)s.") % {"choices": ", ".join(OUTCOMES)},
            errors={"outcome": [str(outcome)]},
        )


def is_body_letter(message: Message) -> bool:
    """An e-mail received on the case from a body (its address known or confirmed)."""
    return (
        message.kind == MessageKind.EMAIL_IN
        and message.from_body_id is not None
        and not message.sender_unknown
    )


def who_records(foi_request: FOIRequest, actor) -> str:
    """How ``actor`` may record a body's letter on this request, or NotPermitted."""
    if permissions.is_requester(foi_request, actor):
        return VIA_REQUESTER
    if permissions.is_moderator(actor):
        return VIA_MODERATOR
    raise NotPermitted(_("Only the requester and the moderators may say what a body's letter is."))


def _last_step_at(locked: FOIRequest) -> datetime.datetime | None:
    """When the request's last step took effect (a recorded move: when the body made it)."""
    last = (
        CaseEvent.objects.filter(foi_request=locked, kind__in=transitions.names())
        .order_by("-seq")
        .values_list("created_at", "data")
        .first()
    )
    if last is None:
        return None
    created_at, data = last
    effective = data.get("effective_at") if isinstance(data, dict) else None
    return datetime.datetime.fromisoformat(effective) if effective else created_at


def _effective_at(letter: Message, step_at) -> datetime.datetime:
    """When the body made the move: its letter's date, but never before the request's last
    step (a letter that arrived before a forwarding answers for the new body only from then)."""
    at = letter.created_at if step_at is None else max(letter.created_at, step_at)
    return min(at, clock.now())


# What a correction restores (``FOIRequest.correct_record``): the request as it was before a
# letter was recorded, kept in that record's event, where the chain protects it.
SNAPSHOT = (
    "state",
    "outcome",
    "body_id",
    "received_at",
    "accepted_at",
    "first_response_at",
    "clarification_requested_at",
    "clarification_lapses_at",
    "transferred_at",
    "answered_at",
    "refused_at",
    "closed_at",
    "extensions_count",
    "clock_history",
    "due_at",
    "due_explanation",
)
DATETIMES = {name for name in SNAPSHOT if name.endswith("_at")}


def _snapshot(locked: FOIRequest) -> dict:
    values = {}
    for name in SNAPSHOT:
        value = getattr(locked, name)
        values[name] = value.isoformat() if isinstance(value, datetime.datetime) else value
    return values


def _restored(snapshot: dict) -> dict:
    return {
        name: datetime.datetime.fromisoformat(value)
        if name in DATETIMES and isinstance(value, str)
        else value
        for name, value in snapshot.items()
        if name in SNAPSHOT
    }


def _letter_files(letter: Message) -> list[tuple[str, bytes]]:
    """The letter's files, to be shown with the recorded answer (each stays unpublished until
    someone publishes it). Images inside the e-mail's text and archives stay on the letter."""
    found = []
    for attachment in letter.attachments.all():
        if attachment.inline or attachment.content_type == file_kinds.ZIP:
            continue
        with attachment.file.open("rb") as handle:
            found.append((attachment.original_name, handle.read()))
    return found


def foi_request_classify(
    *,
    foi_request: FOIRequest,
    actor,
    letter: Message,
    outcome: str,
    exemptions: list[dict] | None = None,
    reason: str = "",
    body: PublicBody | None = None,
    text: str = "",
) -> FOIRequest:
    """Say what ``letter`` (a body's e-mailed reply on this request) is, and record it.

    ``outcome`` is one of ``OUTCOMES``; ``exemptions`` (``[{"code", "note"}]``) for a partial
    answer or a refusal; ``reason`` (an extension reason code of the law) for an extension;
    ``body`` for a transfer; ``text`` what the public record says (the letter's text when
    empty). The requester records letters of a body that answers by e-mail; a moderator any
    such letter. A body that works in Sorğu acts itself: its letters are not classified.

    Raises InvalidInput (400) for a bad outcome or payload, NotPermitted (403) for anyone
    else, NotVisible (404) for a letter not on this request, Conflict (409) when the letter is
    not a body's reply, is already recorded, or the body answers through Sorğu, and
    TransitionNotAllowed (409) when the request's state does not allow the move.
    """
    _check_outcome(outcome)
    with transaction.atomic():
        # The request first, then the letter: the order every writer locks in.
        locked = lock_request(foi_request, refuse_stale=False)
        if not permissions.can_view_request(locked, actor):
            raise NotVisible("No such request.")
        via = who_records(locked, actor)
        mark = _lock_letter(locked, letter)
        body_id = _check_letter(locked, mark, outcome)
        step_at = _last_step_at(locked)
        acting = OnBehalf(
            body_id=body_id,
            via=via,
            person=actor,
            letter=mark,
            at=_effective_at(mark, step_at),
            before={
                **_snapshot(locked),
                "step_at": step_at.isoformat() if step_at else None,
                "appeal": _open_appeal_id(locked) if outcome in APPEAL_OUTCOMES else None,
            },
        )
        result = record_move(
            foi_request,
            acting,
            outcome,
            exemptions=exemptions,
            reason=reason,
            body=body,
            text=(text or "").strip() or mark.text.strip(),
            files=_letter_files(mark),
        )
        _link_record(result, mark)
        mark.classified_as = outcome
        mark.classified_at = clock.now()
        mark.save(update_fields=["classified_as", "classified_at"])
    return result


def _lock_letter(locked: FOIRequest, letter) -> Message:
    """The letter's row on this request, locked after the request's (the order every writer
    locks in); NotVisible for a message of another request or none."""
    mark = (
        Message.objects.select_for_update(of=("self",))
        .filter(pk=getattr(letter, "pk", letter), foi_request=locked)
        .first()
    )
    if mark is None:
        raise NotVisible(_("There is no such message on this request."))
    return mark


def _open_appeal_id(locked: FOIRequest):
    appeal = permissions.reviewing_appeal(locked)
    return appeal.pk if appeal else None


def _check_letter(locked: FOIRequest, letter: Message, outcome: str) -> int:
    """The body the letter speaks for, if it may be recorded as ``outcome``; Conflict if not."""
    from foi.selectors import body_answers_through_portal

    if letter.kind == MessageKind.EMAIL_IN and letter.sender_unknown:
        raise Conflict(
            _(
                "This e-mail came from an address not known for the body: confirm first that "
                "it is the body's reply."
            )
        )
    if not is_body_letter(letter):
        raise Conflict(_("This message is not a body's e-mailed reply."))
    if letter.classified_as:
        raise Conflict(
            _("This letter is already recorded as “%(outcome)s”; a moderator may correct that.")
            % {"outcome": LABELS.get(letter.classified_as, letter.classified_as)}
        )
    sender = letter.from_body
    if body_answers_through_portal(sender):
        raise Conflict(
            _("%(body)s answers through Sorğu: its officers record its moves themselves.")
            % {"body": sender.name}
        )
    if outcome in APPEAL_OUTCOMES:
        appeal = permissions.reviewing_appeal(locked)
        if appeal is None or appeal.reviewing_body_id != sender.pk:
            raise Conflict(
                _("This letter is not from a body reviewing an appeal on this request now.")
            )
        return sender.pk
    if sender.pk != locked.body_id:
        raise Conflict(
            _("This letter is from %(body)s, which no longer holds the request.")
            % {"body": sender.name}
        )
    return sender.pk


def record_move(
    foi_request: FOIRequest,
    acting: OnBehalf,
    outcome: str,
    *,
    exemptions: list[dict] | None = None,
    reason: str = "",
    body: PublicBody | None = None,
    text: str = "",
    files: list[tuple[str, bytes]] | None = None,
) -> FOIRequest:
    """Run the transition ``outcome`` stands for (``TRANSITION``) for the body, with the
    service its officer's button calls: the letter's classification above, and the reply link
    (``acting.via == VIA_REPLY_LINK``), where the body's officer picks the outcome. ``files``
    go with an answer or a refusal, unpublished."""
    _check_outcome(outcome)
    common = {"foi_request": foi_request, "actor": acting}
    if outcome == NOT_A_REPLY or (
        outcome == ACKNOWLEDGEMENT and foi_request.state != State.SUBMITTED
    ):
        return _append_only(foi_request, acting, outcome)
    if outcome == ACKNOWLEDGEMENT:
        result = foi_request_accept(**common)
    elif outcome == CLARIFICATION:
        result = foi_request_ask_clarification(**common, text=text)
    elif outcome == EXTENSION:
        if not reason:
            rule = transitions.rule("extend", "reason")
            raise InvalidInput(rule.says(), errors={rule.field: ["required"]})
        result = foi_request_extend(**common, reason=reason, text=text)
    elif outcome == TRANSFER:
        result = foi_request_transfer(**common, body=body, text=text)
    elif outcome in (Outcome.FULL, Outcome.PARTIAL, Outcome.NOT_HELD):
        result = foi_request_answer(
            **common,
            outcome=outcome,
            text=text,
            exemptions=exemptions,
            files=files,
        )
    elif outcome == Outcome.REFUSED:
        result = foi_request_refuse(**common, grounds=exemptions or [], text=text, files=files)
    else:
        result = foi_request_decide_appeal(**common, decision=outcome, reasons=text)
    return result


def _link_record(foi_request: FOIRequest, letter: Message) -> None:
    """The entry the transition put on the timeline names the letter it was recorded from."""
    event = CaseEvent.objects.filter(foi_request=foi_request).order_by("-seq").first()
    if event is not None and event.message_id and event.message_id != letter.pk:
        Message.objects.filter(pk=event.message_id).update(recorded_from=letter)


def _append_only(foi_request, acting: OnBehalf, outcome) -> FOIRequest:
    """An acknowledgement of a request already in hand, or a letter that is not a reply: no
    move, one event (for everyone when the body acknowledged, for the parties otherwise)."""
    appended = foi_request_append(
        foi_request=foi_request,
        actor=acting,
        kind=EVENT_KIND,
        audience="public" if outcome == ACKNOWLEDGEMENT else "parties",
        write=lambda locked, at: Entry(data={"outcome": outcome}),
    )
    return appended.foi_request


def foi_request_correct_record(
    *,
    foi_request: FOIRequest,
    actor,
    letter: Message,
    outcome: str,
    exemptions: list[dict] | None = None,
    reason: str = "",
    body: PublicBody | None = None,
    text: str = "",
) -> FOIRequest:
    """A moderator corrects how ``letter`` was recorded: the transition ``correct_record`` puts
    the request back as it was before (from the snapshot in that record's event) and the letter
    is recorded again as ``outcome``. Two new events; the first record stays on the trail, its
    public entry on the timeline. Only while that record is the request's latest step."""
    rules = transitions.rules("correct_record")
    with transaction.atomic():
        locked = lock_request(foi_request, refuse_stale=False)
        if not permissions.can_view_request(locked, actor):
            raise NotVisible("No such request.")
        if not permissions.is_moderator(actor):
            raise NotPermitted(
                _("You may not %(verb)s this request.")
                % {"verb": transitions.verb("correct_record")}
            )
        mark = _lock_letter(locked, letter)
        if not mark.classified_as:
            raise Conflict(rules["recorded"].says())
        recorded = (
            CaseEvent.objects.filter(foi_request=locked, data__letter=mark.pk)
            .exclude(kind="correct_record")
            .order_by("-seq")
            .first()
        )
        later = CaseEvent.objects.filter(
            foi_request=locked,
            seq__gt=recorded.seq if recorded else 0,
            kind__in=transitions.names(),
        )
        if recorded is None or "before" not in recorded.data or later.exists():
            raise Conflict(rules["latest"].says())
        before = recorded.data["before"]
        was = mark.classified_as

        def apply(locked_again, at):
            # What the first record decided no longer stands: its grounds are not counted,
            # an appeal decision it recorded is open again.
            if recorded.message_id:
                InvokedExemption.objects.filter(message_id=recorded.message_id).delete()
            if before.get("appeal"):
                Appeal.objects.filter(pk=before["appeal"]).update(
                    decision="", reasons="", decided_by=None, decided_at=None
                )
            Message.objects.filter(pk=mark.pk).update(classified_as="", classified_at=None)
            data = {"letter": mark.pk, "was": was, "now": outcome, "corrects": recorded.seq}
            # The letter is recorded again as of when it was first: its clock is unchanged.
            if recorded.data.get("effective_at"):
                data["effective_at"] = recorded.data["effective_at"]
            return {"data": data}

        restored = run_transition(
            foi_request=foi_request,
            actor=actor,
            name="correct_record",
            call_kwargs={"restore": _restored(before)},
            apply=apply,
        )
        mark.refresh_from_db()
        return foi_request_classify(
            foi_request=restored,
            actor=actor,
            letter=mark,
            outcome=outcome,
            exemptions=exemptions,
            reason=reason,
            body=body,
            text=text,
        )
