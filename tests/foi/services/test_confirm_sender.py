"""An e-mail from an address not known for the body is confirmed as the body's reply by the
requester, the body or an admin; by nobody else, and only while it is marked."""

import pytest

from core.errors import InvalidInput, NotPermitted, NotVisible
from foi import services
from foi.models import Audience, CaseEvent, FOIRequest, Message, MessageKind, State
from foi.services.case import Entry

pytestmark = pytest.mark.django_db

OUTSIDER = "deputy.minister@gmail.example"


def received(foi_request, *, sender=OUTSIDER, unknown=True):
    """An e-mail on the case as mail.inbound.record_on_case puts it there."""

    def write(locked, at):
        message = Message.objects.create(
            foi_request=locked,
            kind=MessageKind.EMAIL_IN,
            audience=Audience.PARTIES,
            from_body=None if unknown else locked.body,
            text="Sending it from my own mailbox.",
            email_from=sender,
            sender_unknown=unknown,
            created_at=at,
        )
        return Entry(message=message, data={"sender_unknown": True} if unknown else {})

    return services.foi_request_append(
        foi_request=foi_request,
        actor="e-mail",
        kind="email_received",
        audience="parties",
        write=write,
    ).message


@pytest.fixture
def flagged(world):
    foi_request = world.request(State.IN_PROGRESS)
    return foi_request, received(foi_request)


def state_of(message):
    fresh = Message.objects.get(pk=message.pk)
    return (
        fresh.sender_unknown,
        fresh.from_body_id,
        CaseEvent.objects.filter(foi_request_id=message.foi_request_id).count(),
    )


@pytest.mark.parametrize("who", ["requester", "officer", "second_officer", "coordinator", "admin"])
def test_the_requester_the_body_or_an_admin_confirms(world, flagged, who):
    foi_request, message = flagged
    version = FOIRequest.objects.get(pk=foi_request.pk).version
    actor = getattr(world, who)

    confirmed = services.foi_request_confirm_sender(
        foi_request=foi_request, message=message, actor=actor
    )

    assert confirmed.pk == message.pk
    assert state_of(message) == (False, world.ministry.pk, 2)
    event = CaseEvent.objects.get(foi_request=foi_request, kind="sender_confirmed")
    assert event.actor == actor and event.audience == "parties" and event.message_id == message.pk
    assert event.data == {"message": message.pk, "sender": OUTSIDER, "from_body": world.ministry.pk}
    assert event.label == "E-mail confirmed as the body's reply"
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert services.case_events_verify(foi_request=row) is None
    assert row.version == version  # an addition: nobody's page goes stale


@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("citizen", NotPermitted),  # a public request: they see it, may not confirm
        ("other_officer", NotPermitted),
        ("editor", NotPermitted),
        ("reviewer", NotPermitted),
        (None, NotPermitted),
    ],
)
def test_nobody_else_confirms(world, flagged, who, error):
    foi_request, message = flagged
    before = state_of(message)
    with pytest.raises(error):
        services.foi_request_confirm_sender(
            foi_request=foi_request, message=message, actor=getattr(world, who) if who else None
        )
    assert state_of(message) == before


def test_a_private_request_is_not_even_seen_by_a_stranger(world):
    foi_request = world.request(State.IN_PROGRESS, visibility="private")
    message = received(foi_request)
    before = state_of(message)
    with pytest.raises(NotVisible):
        services.foi_request_confirm_sender(
            foi_request=foi_request, message=message, actor=world.citizen
        )
    assert state_of(message) == before


def test_a_message_of_another_request_is_not_confirmed_through_this_one(world, flagged):
    foi_request, _ = flagged
    elsewhere = received(world.request(State.IN_PROGRESS, requester=world.citizen))
    before = state_of(elsewhere)
    with pytest.raises(NotVisible):
        services.foi_request_confirm_sender(
            foi_request=foi_request, message=elsewhere, actor=world.requester
        )
    assert state_of(elsewhere) == before


def test_a_message_not_marked_is_refused_with_a_sentence(world):
    foi_request = world.request(State.IN_PROGRESS)
    message = received(foi_request, sender="pr@ministry.example", unknown=False)
    before = state_of(message)
    with pytest.raises(InvalidInput, match="nothing to confirm"):
        services.foi_request_confirm_sender(
            foi_request=foi_request, message=message, actor=world.requester
        )
    assert state_of(message) == before


def test_confirming_twice_records_once(world, flagged):
    foi_request, message = flagged
    services.foi_request_confirm_sender(
        foi_request=foi_request, message=message, actor=world.requester
    )
    with pytest.raises(InvalidInput):
        services.foi_request_confirm_sender(
            foi_request=foi_request, message=message, actor=world.officer
        )
    assert CaseEvent.objects.filter(kind="sender_confirmed").count() == 1
