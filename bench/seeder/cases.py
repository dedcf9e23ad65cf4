"""One generated request with its whole history: the row, its messages, files, grounds, appeals
and the hash-chained case events, built in memory for a bulk insert.

The history is made of the same steps the services take (``foi.services``), in the same order,
with the same event data, so that the pages, the exports and ``foi_verify_audit`` cannot tell a
bench request from a real one (tests/bench/test_seed_parity.py replays them through the services
and compares). ``due_at`` comes from ``foi.deadlines`` (memoised by the caller).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.db.models.base import ModelState

from foi import deadlines
from foi.actors import SYSTEM
from foi.models import (
    Appeal,
    AppealDecision,
    Attachment,
    CaseEvent,
    FOIRequest,
    InvokedExemption,
    Message,
    MessageKind,
    Outcome,
    PublicNameChoice,
    State,
    Urgency,
    Visibility,
)
from foi.models.audit import GENESIS

from . import texts

HOUR = datetime.timedelta(hours=1)

# (scenario, weight for an old request, weight for a recent one). Final states follow the
# scenario; "overdue" is an open request whose due date has passed.
SCENARIOS = [
    ("answered_full", 30, 8),
    ("answered_partial", 8, 2),
    ("answered_not_held", 5, 2),
    ("answered_after_appeal", 2, 0),
    ("refused", 10, 3),
    ("rejected", 3, 2),
    ("withdrawn", 4, 3),
    ("lapsed", 3, 0),
    ("appeal_upheld", 5, 0),
    ("under_appeal", 4, 0),
    ("awaiting_clarification", 0.4, 10),
    ("awaiting_payment", 0.2, 5),
    ("in_progress", 1.2, 35),
    ("submitted", 0.8, 30),
    ("draft", 0.5, 3),
]
SCENARIO_NAMES = [name for name, _old, _recent in SCENARIOS]
OLD_WEIGHTS = [old for _name, old, _recent in SCENARIOS]
RECENT_WEIGHTS = [recent for _name, _old, recent in SCENARIOS]
RECENT = datetime.timedelta(days=21)
URGENCIES = [Urgency.NORMAL.value, Urgency.RELEVANCE.value, Urgency.LIFE.value]
NAME_CHOICES = [c.value for c in PublicNameChoice]


@dataclass
class SharedFile:
    name: str  # the storage name, shared by every attachment of this file
    original_name: str
    content_type: str
    size: int
    sha256: str


@dataclass
class Built:
    request: FOIRequest
    messages: list[Message] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    exemptions: list[InvokedExemption] = field(default_factory=list)
    appeals: list[Appeal] = field(default_factory=list)
    events: list[CaseEvent] = field(default_factory=list)


_TEMPLATES: dict = {}


def make(model, **values):
    """A model instance without ``Model.__init__``, which costs more than everything else the
    bench does per row: the defaults are copied from a template, related objects are cached
    as ``__init__`` would cache them, and nothing is saved."""
    template = _TEMPLATES.get(model)
    if template is None:
        constants, factories, relations = {}, {}, {}
        for model_field in model._meta.concrete_fields:
            if model_field.is_relation:
                relations[model_field.name] = model_field.attname
            if model_field.has_default() and callable(model_field.default):
                factories[model_field.attname] = model_field.default
            else:
                constants[model_field.attname] = model_field.get_default()
        template = _TEMPLATES[model] = (constants, factories, relations)
    constants, factories, relations = template
    obj = model.__new__(model)
    state = ModelState()
    obj.__dict__.update(constants)
    for attname, factory in factories.items():
        obj.__dict__[attname] = factory()
    obj._state = state
    for name, value in values.items():
        attname = relations.get(name)
        if attname is not None and attname != name:
            obj.__dict__[attname] = value.pk if value is not None else None
            state.fields_cache[name] = value
        else:
            obj.__dict__[name] = value
    return obj


class Ids:
    """Primary keys handed out before the insert, so that the hash chain can name them."""

    def __init__(self, start: dict[str, int]):
        self._next = dict(start)

    def take(self, name: str) -> int:
        value = self._next[name]
        self._next[name] = value + 1
        return value

    def last(self, name: str) -> int:
        return self._next[name] - 1


class CaseBuilder:
    """Builds one request. ``clock(received_at, urgency, history)`` returns the memoised
    ``foi.deadlines`` result; ``appeal_due(level, lodged_at)`` likewise for appeals."""

    def __init__(self, *, world, rng: random.Random, ids: Ids, now, clock, appeal_due, files):
        self.world, self.rng, self.ids, self.now = world, rng, ids, now
        self.clock, self.appeal_due, self.files = clock, appeal_due, files
        self.law = world.law
        self.levels = {level.code: level for level in world.levels}
        self.level_order = sorted(world.levels, key=lambda level: level.order)
        self.extension_reasons = [r["code"] for r in self.law.extension_reasons or []]

    # -- helpers ---------------------------------------------------------------------------

    def later(self, at, low_days: float, high_days: float):
        """A moment some days after ``at`` on the hour, never after now."""
        hours = int(self.rng.uniform(low_days, high_days) * 24) + 1
        moment = at + hours * HOUR
        if moment >= self.now:
            # Halve what is left, so that a history always fits before now.
            left = (self.now - at) / 2
            moment = at + max(left, datetime.timedelta(seconds=1))
            if left >= HOUR:
                moment = at + (left // HOUR) * HOUR
        return moment

    def message(
        self,
        built,
        *,
        kind,
        at,
        author=None,
        from_body=None,
        audience="public",
        subject="",
        text="",
        **extra,
    ) -> Message:
        message = make(
            Message,
            id=self.ids.take("message"),
            foi_request_id=built.request.id,
            kind=kind,
            audience=audience,
            author=author,
            from_body=from_body,
            subject=subject,
            text=text,
            created_at=at,
            **extra,
        )
        built.messages.append(message)
        return message

    def event(
        self,
        built,
        *,
        kind,
        at,
        actor=None,
        from_state="",
        to_state="",
        audience="public",
        message=None,
        data=None,
    ) -> None:
        request = built.request
        person = actor if getattr(actor, "pk", None) else None
        event = make(
            CaseEvent,
            foi_request_id=request.id,
            seq=request.audit_length + 1,
            kind=kind,
            actor=person,
            actor_label="" if person else str(actor or "system"),
            from_state=from_state,
            to_state=to_state,
            audience=audience,
            message_id=message.id if message else None,
            data=data or {},
            created_at=at,
            prev_hash=request.audit_head or GENESIS,
            # Chain version 1: the seeder's files are not all written to storage, so the
            # version 2 hashes of texts and bytes (CaseEvent.content) are not made here.
            chain=1,
        )
        event.hash = event.compute_hash()
        built.events.append(event)
        request.audit_length = event.seq
        request.audit_head = event.hash

    def transition(
        self, built, name, *, at, actor, to_state, audience="public", message=None, data=None
    ) -> None:
        request = built.request
        self.event(
            built,
            kind=name,
            at=at,
            actor=actor,
            from_state=request.state,
            to_state=to_state,
            audience=audience,
            message=message,
            data=data,
        )
        # The field is protected against assignment; the bench writes the state the services
        # would have reached.
        request.__dict__["state"] = to_state
        request.version += 1

    def recompute(self, request) -> None:
        due_at, explanation, extensions = self.clock(
            request.first_received_at, request.urgency, request.clock_history
        )
        request.due_at, request.due_explanation = due_at, explanation
        request.extensions_count = extensions

    def clock_note(self, request, kind, at, **extra) -> None:
        request.clock_history = [
            *request.clock_history,
            {"kind": kind, "at": at.isoformat(), **extra},
        ]
        self.recompute(request)

    # -- the request -----------------------------------------------------------------------

    def build(self, *, received_at, scenario: str, reference_for) -> Built:
        rng, world = self.rng, self.world
        body = world.bodies[rng.randrange(len(world.bodies))]
        requester = world.requesters[rng.randrange(len(world.requesters))]
        language = requester.preferred_language
        topic = rng.randrange(len(texts.TOPICS))
        year = received_at.year - rng.choice((0, 1, 1, 2))
        words = {
            "topic": texts.TOPICS[topic][texts.LANGUAGES.index(language)],
            "year": year,
            "topic_index": topic,
        }
        urgency = rng.choices(URGENCIES, weights=(95, 3, 2))[0]
        choice = rng.choices(NAME_CHOICES, weights=(75, 10, 15))[0]
        pseudonym = rng.choice(texts.PSEUDONYMS) if choice == PublicNameChoice.PSEUDONYM else ""
        public_name = {
            PublicNameChoice.NAME: f"{requester.first_name} {requester.last_name}",
            PublicNameChoice.PSEUDONYM: pseudonym,
            PublicNameChoice.WITHHELD: "",
        }[choice]
        private = rng.random() < 0.10
        created_at = received_at - rng.randint(5, 50) * datetime.timedelta(minutes=1)
        request = make(
            FOIRequest,
            id=self.ids.take("request"),
            law=self.law,
            body=body,
            requester=requester,
            channel=rng.choices(("web", "email", "post"), weights=(88, 8, 4))[0],
            subject=texts.SUBJECT[language].format(**words)[:250],
            text=texts.LETTER[language].format(**words),
            urgency=urgency,
            urgency_justification=("" if urgency == Urgency.NORMAL else texts.APPEAL["en"]),
            visibility=Visibility.PRIVATE if private else Visibility.PUBLIC,
            private_until=(
                (received_at + datetime.timedelta(days=rng.randint(60, 360))).date()
                if private
                else None
            ),
            public_name_choice=choice,
            pseudonym=pseudonym,
            state=State.DRAFT,
            created_at=created_at,
            clock_history=[],
            due_explanation=[],
            version=1,
            audit_length=0,
            audit_head="",
        )
        built = Built(request=request)
        if request.channel == "post" and scenario != "draft":
            # A letter by post is registered by the body's coordinator for the requester.
            request.registered_by = world.staff[body.pk].coordinator
        self.event(
            built,
            kind="created",
            at=created_at,
            actor=request.registered_by or requester,
            to_state=State.DRAFT,
            audience="parties",
            data={"body": body.pk, "channel": request.channel},
        )
        if scenario == "draft":
            return built
        self._submit(built, received_at, reference_for, public_name)
        getattr(self, f"_{scenario}")(built, language, words)
        return built

    def _submit(self, built, at, reference_for, public_name) -> None:
        request = built.request
        request.reference = reference_for(at)
        request.public_name = public_name
        request.submitted_at = request.first_received_at = request.received_at = at
        self.recompute(request)
        letter = self.message(
            built,
            kind=MessageKind.LETTER,
            at=at,
            author=request.requester,
            subject=request.subject,
            text=request.text,
        )
        self.transition(
            built,
            "submit",
            at=at,
            actor=request.registered_by or request.requester,
            to_state=State.SUBMITTED,
            message=letter,
            data={
                "reference": request.reference,
                "body": request.body_id,
                "urgency": request.urgency,
                "received_at": at.isoformat(),
                "due_at": request.due_at.isoformat(),
            },
        )

    def _staff(self, body):
        return self.world.staff[body.pk]

    # -- the body's side while the request is open -------------------------------------------

    def _handle(self, built, language, words, *, at=None, transfer=None, clarify=None, extend=None):
        """Accept (with an acknowledgement), perhaps transfer, ask for a clarification and get
        it, extend; returns the moment reached."""
        rng, request = self.rng, built.request
        at = at or request.received_at
        if transfer if transfer is not None else rng.random() < 0.05:
            at = self._transfer(built, language, at)
        at = self._accept(built, language, at)
        if clarify if clarify is not None else rng.random() < 0.06:
            at = self._ask(built, language, at)
            at = self.later(at, 1, 6)
            reply = self.message(
                built,
                kind=MessageKind.CLARIFICATION,
                at=at,
                author=request.requester,
                text=texts.CLARIFICATION[language].format(**words),
            )
            request.clarified_at = at
            request.clarification_lapses_at = None
            self.clock_note(request, "clarified", at)
            self.transition(
                built,
                "clarify",
                at=at,
                actor=request.requester,
                to_state=State.IN_PROGRESS,
                message=reply,
                data={"due_at": request.due_at.isoformat()},
            )
        wants_extension = extend if extend is not None else rng.random() < 0.10
        if (
            wants_extension
            and self.extension_reasons
            and request.urgency == Urgency.NORMAL
            and request.extensions_count < self.law.extension_max_count
        ):
            at = self.later(at, 2, 6)
            reason = rng.choice(self.extension_reasons)
            before = request.due_at
            self.clock_note(request, "extension", at, reason=reason)
            officer = request.assignee
            notice = self.message(
                built,
                kind=MessageKind.EXTENSION_NOTICE,
                at=at,
                author=officer,
                from_body=request.body,
                text=self.law.extension_reason_label(reason, language),
            )
            request.first_response_at = request.first_response_at or at
            self.transition(
                built,
                "extend",
                at=at,
                actor=officer,
                to_state=request.state,
                message=notice,
                data={
                    "reason": reason,
                    "due_before": before.isoformat(),
                    "due_at": request.due_at.isoformat(),
                },
            )
        if rng.random() < 0.4:
            at = self.later(at, 0.2, 3)
            officer = request.assignee or self._staff(request.body).officers[0]
            note = self.message(
                built,
                kind=MessageKind.INTERNAL_NOTE,
                at=at,
                author=officer,
                from_body=request.body,
                audience="internal",
                text=rng.choice(texts.NOTES),
            )
            self.event(
                built,
                kind="note",
                at=at,
                actor=officer,
                from_state=request.state,
                to_state=request.state,
                audience="internal",
                message=note,
            )
        return at

    def _accept(self, built, language, at):
        request = built.request
        staff = self._staff(request.body)
        at = self.later(at, 0.1, 2)
        officer = staff.officers[self.rng.randrange(len(staff.officers))]
        request.accepted_at, request.assignee = at, officer
        self.transition(
            built,
            "accept",
            at=at,
            actor=staff.coordinator,
            to_state=State.IN_PROGRESS,
            audience="public",
            data={"assignee": officer.pk},
        )
        return at

    def _ask(self, built, language, at):
        request = built.request
        at = self.later(at, 0.5, 4)
        officer = request.assignee or self._staff(request.body).officers[0]
        asked = self.message(
            built,
            kind=MessageKind.CLARIFICATION_REQUEST,
            at=at,
            author=officer,
            from_body=request.body,
            text=texts.CLARIFICATION_REQUEST[language],
        )
        request.first_response_at = request.first_response_at or at
        request.clarification_requested_at = at
        self.clock_note(request, "clarification_asked", at)
        lapses = self.lapse_at(at)
        request.clarification_lapses_at = lapses
        self.transition(
            built,
            "ask_clarification",
            at=at,
            actor=officer,
            to_state=State.AWAITING_CLARIFICATION,
            message=asked,
            data={"lapses_at": lapses.isoformat() if lapses else None},
        )
        return at

    def lapse_at(self, at):
        return self.world.extra["lapse_at"](at)

    def _transfer(self, built, language, at):
        request = built.request
        old_body = request.body
        new_body = self.world.bodies[self.rng.randrange(len(self.world.bodies))]
        if new_body.pk == old_body.pk:
            return at
        at = self.later(at, 0.5, 3)
        coordinator = self._staff(old_body).coordinator
        new_name = new_body.name_en or new_body.name_az
        notice = self.message(
            built,
            kind=MessageKind.TRANSFER_NOTICE,
            at=at,
            author=coordinator,
            from_body=old_body,
            text=texts.TRANSFER[language].format(body=new_name),
        )
        request.first_response_at = request.first_response_at or at
        request.body = new_body
        request.assignee = request.accepted_at = None
        request.transferred_at = request.received_at = at
        self.clock_note(
            request,
            "transfer",
            at,
            from_body=old_body.name_en or old_body.name_az,
            to_body=new_name,
        )
        self.transition(
            built,
            "transfer",
            at=at,
            actor=coordinator,
            to_state=State.SUBMITTED,
            message=notice,
            data={
                "from_body": old_body.pk,
                "to_body": new_body.pk,
                "due_at": request.due_at.isoformat(),
            },
        )
        return at

    # -- decisions -------------------------------------------------------------------------

    def _answer(self, built, language, words, at, outcome):
        request, rng = built.request, self.rng
        at = self.later(at, 1, 9)
        officer = request.assignee or self._staff(request.body).officers[0]
        text = (texts.NOT_HELD if outcome == Outcome.NOT_HELD else texts.ANSWER)[language]
        text = text.format(**words)
        if outcome == Outcome.PARTIAL:
            text = f"{text}\n\n{texts.PARTIAL[language]}"
        answer = self.message(
            built,
            kind=MessageKind.RESPONSE,
            at=at,
            author=officer,
            from_body=request.body,
            text=text,
        )
        shas = []
        attachment = None
        if outcome != Outcome.NOT_HELD and rng.random() < 0.4:
            shared = self.files[rng.randrange(len(self.files))]
            approved = rng.random() < 0.8
            attachment = make(
                Attachment,
                id=self.ids.take("attachment"),
                message_id=answer.id,
                file=shared.name,
                original_name=shared.original_name,
                content_type=shared.content_type,
                size=shared.size,
                sha256=shared.sha256,
                extracted_text=texts.EXTRACTED.format(
                    topic_en=texts.TOPICS[words["topic_index"]][1].capitalize(),
                    year=words["year"],
                ),
                approved=approved,
                approved_by=officer if approved else None,
                approved_at=at if approved else None,
                created_at=at,
            )
            built.attachments.append(attachment)
            shas.append(shared.sha256)
        codes = []
        if outcome == Outcome.PARTIAL:
            codes = self._grounds(built, answer, 1, attachment)
        request.outcome, request.answered_at = outcome, at
        request.first_response_at = request.first_response_at or at
        self.transition(
            built,
            "answer",
            at=at,
            actor=officer,
            to_state=State.ANSWERED,
            message=answer,
            data={"outcome": outcome, "exemptions": codes, "attachments": shas},
        )
        return at

    def _grounds(self, built, message, most, attachment=None) -> list[str]:
        chosen = self.rng.sample(self.world.exemptions, k=min(most, len(self.world.exemptions)))
        for exemption in chosen:
            built.exemptions.append(
                make(
                    InvokedExemption,
                    foi_request_id=built.request.id,
                    message_id=message.id,
                    exemption=exemption,
                    attachment=attachment,
                    note=texts.EXEMPTION_NOTE,
                )
            )
        return [exemption.code for exemption in chosen]

    def _refuse(self, built, language, words, at):
        request = built.request
        at = self.later(at, 1, 9)
        officer = request.assignee or self._staff(request.body).officers[0]
        refusal = self.message(
            built,
            kind=MessageKind.REFUSAL,
            at=at,
            author=officer,
            from_body=request.body,
            text=texts.REFUSAL[language].format(**words),
        )
        codes = self._grounds(built, refusal, self.rng.choice((1, 1, 2)))
        request.outcome, request.refused_at = Outcome.REFUSED, at
        request.first_response_at = request.first_response_at or at
        self.transition(
            built,
            "refuse",
            at=at,
            actor=officer,
            to_state=State.REFUSED,
            message=refusal,
            data={"grounds": codes},
        )
        return at

    def _appeal(self, built, language, at, level_code):
        request = built.request
        level = self.levels.get(level_code) or self.level_order[0]
        at = self.later(at, 1, 15)
        if level.reviewer == "superior":
            reviewing = request.body.parent or request.body
        else:
            reviewing = level.reviewer_body if level.reviewer == "oversight" else None
        due = self.appeal_due(level, at)
        appeal = make(
            Appeal,
            id=self.ids.take("appeal"),
            foi_request_id=request.id,
            level=level,
            reviewing_body=reviewing,
            appealed_state=request.state,
            grounds=texts.APPEAL[language],
            lodged_by=request.requester,
            lodged_at=at,
            due_at=due[0] if due else None,
            due_explanation=due[1] if due else [],
        )
        built.appeals.append(appeal)
        lodged = self.message(
            built,
            kind=MessageKind.APPEAL,
            at=at,
            author=request.requester,
            subject=str(level.name_en),
            text=appeal.grounds,
        )
        request.appealed_at = at
        self.transition(
            built,
            "appeal",
            at=at,
            actor=request.requester,
            to_state=State.UNDER_APPEAL,
            message=lodged,
            data={
                "appeal": appeal.id,
                "level": level.code,
                "reviewing_body": reviewing.pk if reviewing else None,
                "due_at": appeal.due_at.isoformat() if appeal.due_at else None,
            },
        )
        return at, appeal

    def _decide(self, built, appeal, at, decision):
        request = built.request
        at = self.later(at, 2, 14)
        reviewing = appeal.reviewing_body
        staff = self.world.staff.get(reviewing.pk) if reviewing else None
        decider = staff.coordinator if staff else None
        appeal.decision, appeal.decided_at, appeal.decided_by = decision, at, decider
        appeal.reasons = texts.APPEAL_DECISION[
            "upheld" if decision == AppealDecision.UPHELD else "overturned"
        ]
        if decision == AppealDecision.UPHELD:
            request.closed_at = at
            to_state = State.CLOSED
        else:
            request.outcome, request.answered_at, request.refused_at = "", None, None
            self.clock_note(request, "reopened", at)
            to_state = State.IN_PROGRESS
        decided = self.message(
            built,
            kind=MessageKind.APPEAL_DECISION,
            at=at,
            author=decider,
            from_body=reviewing,
            subject=str(appeal.level.name_en),
            text=appeal.reasons,
        )
        self.transition(
            built,
            "decide_appeal",
            at=at,
            actor=decider or SYSTEM,
            to_state=to_state,
            message=decided,
            data={"appeal": appeal.id, "decision": decision, "level": appeal.level.code},
        )
        return at

    # -- scenarios -------------------------------------------------------------------------

    def _answered_full(self, built, language, words):
        self._answer(built, language, words, self._handle(built, language, words), Outcome.FULL)

    def _answered_partial(self, built, language, words):
        at = self._handle(built, language, words)
        self._answer(built, language, words, at, Outcome.PARTIAL)

    def _answered_not_held(self, built, language, words):
        at = self._handle(built, language, words)
        self._answer(built, language, words, at, Outcome.NOT_HELD)

    def _refused(self, built, language, words):
        self._refuse(built, language, words, self._handle(built, language, words))

    def _answered_after_appeal(self, built, language, words):
        at = self._refuse(built, language, words, self._handle(built, language, words))
        at, appeal = self._appeal(built, language, at, "internal_review")
        at = self._decide(built, appeal, at, AppealDecision.OVERTURNED)
        self._answer(built, language, words, at, Outcome.FULL)

    def _appeal_upheld(self, built, language, words):
        at = self._refuse(built, language, words, self._handle(built, language, words))
        at, appeal = self._appeal(built, language, at, "internal_review")
        self._decide(built, appeal, at, AppealDecision.UPHELD)

    def _under_appeal(self, built, language, words):
        at = self._refuse(built, language, words, self._handle(built, language, words))
        at, appeal = self._appeal(built, language, at, "internal_review")
        if self.rng.random() < 0.3 and "ombudsman" in self.levels:
            at = self._decide(built, appeal, at, AppealDecision.UPHELD)
            self._appeal(built, language, at, "ombudsman")

    def _rejected(self, built, language, words):
        request = built.request
        staff = self._staff(request.body)
        at = self.later(request.received_at, 0.5, 5)
        rejection = self.message(
            built,
            kind=MessageKind.REJECTION,
            at=at,
            author=staff.coordinator,
            from_body=request.body,
            text=texts.REJECTION[language],
        )
        request.rejection_reason, request.rejected_at = rejection.text, at
        request.first_response_at = at
        self.transition(
            built,
            "reject",
            at=at,
            actor=staff.coordinator,
            to_state=State.REJECTED,
            message=rejection,
            data={},
        )

    def _withdrawn(self, built, language, words):
        request = built.request
        at = request.received_at
        if self.rng.random() < 0.5:
            at = self._accept(built, language, at)
        at = self.later(at, 0.5, 6)
        withdrawal = self.message(
            built,
            kind=MessageKind.WITHDRAWAL,
            at=at,
            author=request.requester,
            text=texts.WITHDRAWAL[language],
        )
        request.withdrawn_at = at
        self.transition(
            built,
            "withdraw",
            at=at,
            actor=request.requester,
            to_state=State.WITHDRAWN,
            message=withdrawal,
            data={},
        )

    def _lapsed(self, built, language, words):
        request = built.request
        at = self._ask(built, language, self._accept(built, language, request.received_at))
        lapses = request.clarification_lapses_at
        at = max(self.later(at, 1, 2), lapses + HOUR) if lapses else self.later(at, 25, 35)
        if at >= self.now:
            return  # still awaiting the reply
        notice = self.message(
            built, kind=MessageKind.LAPSE_NOTICE, at=at, text=texts.LAPSE[language]
        )
        request.closed_at = at
        self.transition(
            built, "lapse", at=at, actor=SYSTEM, to_state=State.CLOSED, message=notice, data={}
        )

    def _awaiting_clarification(self, built, language, words):
        request = built.request
        self._ask(built, language, self._accept(built, language, request.received_at))

    def _awaiting_payment(self, built, language, words):
        """Accepted, classed as paid, and an estimate sent (foi.services.fees)."""
        request = built.request
        at = self.later(self._accept(built, language, request.received_at), 0.5, 4)
        officer = request.assignee
        estimate = self.message(
            built,
            kind=MessageKind.FEE_ESTIMATE,
            at=at,
            author=officer,
            from_body=request.body,
            text=texts.FEE_ESTIMATE[language],
        )
        request.first_response_at = request.first_response_at or at
        request.fee_class, request.fee_amount = "paid", "18.40"
        request.fee_currency, request.fee_estimated_at = self.law.fee_currency, at
        self.clock_note(request, "fee_estimated", at)
        lapses = deadlines.fee_payment_lapse_at(self.law, estimated_at=at)
        request.fee_payment_lapses_at = lapses
        self.transition(
            built,
            "estimate_fee",
            at=at,
            actor=officer,
            to_state=State.AWAITING_PAYMENT,
            message=estimate,
            data={
                "amount": "18.40",
                "currency": self.law.fee_currency,
                "lapses_at": lapses.isoformat() if lapses else None,
                "pauses_clock": bool(self.law.fee_estimate_pauses_clock),
            },
        )

    def _in_progress(self, built, language, words):
        self._handle(built, language, words, clarify=False)

    def _submitted(self, built, language, words):
        request = built.request
        if self.rng.random() < 0.15:
            self._transfer(built, language, request.received_at)
