"""The bench seeder writes what the services write.

Each request the seeder builds is replayed through the services, step by step (its case
events, in order, at their moments, by the same people): the two must store the same events
(kind, audience, data keys, the kind of message each names) and the same kinds of message. A
key or a message the seeder adds, or one it forgets, fails here.
"""

import datetime
from collections import Counter

import pytest

from bench.seeder.cases import SCENARIO_NAMES
from bench.seeder.run import seed
from core import clock
from foi import services
from foi.actors import SYSTEM
from foi.models import FOIRequest, Message, PublicBody, User

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)
# Enough requests for every scenario (the first ones are one of each) and every step the
# scenarios take now and then (a transfer, a clarification, an extension, a note).
REQUESTS = 48
STEPS = {
    "created", "submit", "accept", "transfer", "ask_clarification", "clarify", "extend",
    "note", "answer", "refuse", "reject", "withdraw", "lapse", "appeal", "decide_appeal",
    "estimate_fee",
}  # fmt: skip


def stored(foi_request) -> tuple[list, Counter]:
    """What a request's history looks like once stored, without the words and the moments."""
    events = [
        (
            event.kind,
            event.audience,
            tuple(sorted(event.data)),
            event.message.kind if event.message_id else None,
        )
        for event in foi_request.events.select_related("message").order_by("seq")
    ]
    return events, Counter(
        Message.objects.filter(foi_request=foi_request).values_list("kind", flat=True)
    )


def replay(seeded: FOIRequest) -> FOIRequest:
    """The seeded request's history again, through the services."""
    events = list(seeded.events.select_related("actor", "message").order_by("seq"))
    created = events[0]
    with clock.travel(created.created_at):
        foi_request = services.foi_request_create_draft(
            requester=seeded.requester,
            body=_body(created.data["body"]),  # the first body, before any transfer
            subject=seeded.subject,
            text=seeded.text,
            urgency=seeded.urgency,
            urgency_justification=seeded.urgency_justification,
            visibility=seeded.visibility,
            private_until=seeded.private_until,
            public_name_choice=seeded.public_name_choice,
            pseudonym=seeded.pseudonym,
            channel=seeded.channel,
            registered_by=seeded.registered_by,
        )
    for event in events[1:]:
        with clock.travel(event.created_at):
            foi_request = STEP[event.kind](foi_request, event)
    return foi_request


def _actor(event):
    return event.actor or SYSTEM


def _text(event) -> str:
    return event.message.text if event.message_id else "Words."


def _note(foi_request, event):
    services.foi_request_add_note(foi_request=foi_request, actor=_actor(event), text=_text(event))
    return FOIRequest.objects.get(pk=foi_request.pk)


def _user(pk):
    return User.objects.get(pk=pk)


def _body(pk):
    return PublicBody.objects.get(pk=pk)


STEP = {
    "submit": lambda r, e: services.foi_request_file(foi_request=r, actor=_actor(e)),
    "accept": lambda r, e: services.foi_request_accept(
        foi_request=r, actor=_actor(e), assignee=_user(e.data["assignee"])
    ),
    "transfer": lambda r, e: services.foi_request_transfer(
        foi_request=r, actor=_actor(e), body=_body(e.data["to_body"]), text=_text(e)
    ),
    "ask_clarification": lambda r, e: services.foi_request_ask_clarification(
        foi_request=r, actor=_actor(e), text=_text(e)
    ),
    "clarify": lambda r, e: services.foi_request_clarify(
        foi_request=r, actor=_actor(e), text=_text(e)
    ),
    "extend": lambda r, e: services.foi_request_extend(
        foi_request=r, actor=_actor(e), reason=e.data["reason"], text=_text(e)
    ),
    "note": _note,
    "answer": lambda r, e: services.foi_request_answer(
        foi_request=r,
        actor=_actor(e),
        outcome=e.data["outcome"],
        text=_text(e),
        exemptions=[{"code": code} for code in e.data["exemptions"]],
    ),
    "refuse": lambda r, e: services.foi_request_refuse(
        foi_request=r,
        actor=_actor(e),
        grounds=[{"code": code} for code in e.data["grounds"]],
        text=_text(e),
    ),
    "reject": lambda r, e: services.foi_request_reject(
        foi_request=r, actor=_actor(e), reason=_text(e)
    ),
    "withdraw": lambda r, e: services.foi_request_withdraw(
        foi_request=r, actor=_actor(e), text=_text(e)
    ),
    "lapse": lambda r, e: services.foi_request_lapse(foi_request=r),
    "appeal": lambda r, e: services.foi_request_appeal(
        foi_request=r, actor=_actor(e), level=e.data["level"], grounds=_text(e)
    ),
    "decide_appeal": lambda r, e: services.foi_request_decide_appeal(
        foi_request=r, actor=_actor(e), decision=e.data["decision"], reasons=_text(e)
    ),
    "estimate_fee": lambda r, e: services.foi_request_estimate_fee(
        foi_request=r,
        actor=_actor(e),
        amount=e.data["amount"],
        currency=e.data["currency"],
        text=_text(e),
    ),
}


@pytest.fixture
def seeded():
    with clock.travel(NOW):
        seed(requests=REQUESTS, bodies=12, seed=2, batch_size=64, password="x", now=NOW)
    return FOIRequest.objects.order_by("pk")


def test_every_path_the_seeder_takes_is_what_the_services_store(seeded, settings):
    # The seeded requesters file many requests a day; the limit is not what is compared here.
    settings.FOI_FILING_RATE_LIMIT = 0
    paths = {}  # one request per distinct sequence of steps: the rest would repeat it
    for foi_request in seeded:
        kinds = tuple(foi_request.events.order_by("seq").values_list("kind", flat=True))
        paths.setdefault(kinds, foi_request)
    steps = {kind for kinds in paths for kind in kinds}
    assert steps == STEPS, "widen the sample: a step the seeder takes is not compared"
    assert {r.state for r in paths.values()} >= {"draft", "closed", "under_appeal"}
    assert len(SCENARIO_NAMES) <= REQUESTS
    differences = []
    for foi_request in paths.values():
        (seeder_events, seeder_messages), (service_events, service_messages) = (
            stored(foi_request),
            stored(replay(foi_request)),
        )
        differences += [
            ("event", "seeder", event, "services", theirs)
            for event, theirs in zip(seeder_events, service_events, strict=True)
            if event != theirs
        ]
        if seeder_messages != service_messages:
            differences.append(
                ("messages", "seeder", seeder_messages, "services", service_messages)
            )
    assert not differences, "\n".join(map(str, differences))
