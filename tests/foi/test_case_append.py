"""foi_request_append: the one writer of additions to a case that change no state."""

import pytest

from core.errors import InvalidInput
from foi import services
from foi.models import CaseEvent, FOIRequest, Message, MessageKind, State
from foi.services.case import Entry

pytestmark = pytest.mark.django_db


def _note(locked, at, text="Seen."):
    return Message.objects.create(
        foi_request=locked, kind=MessageKind.INTERNAL_NOTE, audience="internal", text=text
    )


def test_an_addition_is_a_message_and_one_event_on_the_chain(world):
    foi_request = world.request(State.IN_PROGRESS)
    appended = services.foi_request_append(
        foi_request=foi_request,
        actor=world.officer,
        kind="note",
        audience="internal",
        write=lambda locked, at: Entry(message=_note(locked, at), data={"why": "test"}),
    )
    event = CaseEvent.objects.get(foi_request=foi_request)
    assert appended.event == event and appended.message == event.message
    assert (event.seq, event.kind, event.actor, event.data) == (
        1,
        "note",
        world.officer,
        {"why": "test"},
    )
    assert event.from_state == event.to_state == State.IN_PROGRESS
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.audit_length, row.audit_head) == (1, event.hash)
    assert services.case_events_verify(foi_request=row) is None


def test_a_refusal_from_write_leaves_nothing(world):
    foi_request = world.request(State.IN_PROGRESS)

    def write(locked, at):
        _note(locked, at)
        raise InvalidInput("No.")

    with pytest.raises(InvalidInput):
        services.foi_request_append(
            foi_request=foi_request,
            actor=world.officer,
            kind="note",
            audience="internal",
            write=write,
        )
    assert not Message.objects.filter(foi_request=foi_request).exists()
    assert not CaseEvent.objects.filter(foi_request=foi_request).exists()
    assert FOIRequest.objects.get(pk=foi_request.pk).audit_length == 0


def test_nothing_to_add_records_no_event(world):
    foi_request = world.request(State.IN_PROGRESS)
    assert (
        services.foi_request_append(
            foi_request=foi_request,
            actor=world.officer,
            kind="attachment_approved",
            audience="parties",
            write=lambda locked, at: None,
        )
        is None
    )
    assert not CaseEvent.objects.filter(foi_request=foi_request).exists()


def test_a_stale_copy_may_be_added_to_and_an_addition_makes_no_copy_stale(world):
    """A note acts on no one's view of the request: written from a page read before the
    request was accepted it is still kept, and an officer who read the page before the note
    may still answer."""
    foi_request = world.request(State.SUBMITTED)
    stale = FOIRequest.objects.get(pk=foi_request.pk)
    accepted = services.foi_request_accept(
        foi_request=foi_request, actor=world.coordinator, assignee=world.officer
    )
    services.foi_request_add_note(foi_request=stale, actor=world.officer, text="Seen.")
    answered = services.foi_request_answer(
        foi_request=accepted, actor=world.officer, outcome="full", text="Here it is."
    )
    assert answered.state == State.ANSWERED
    kinds = list(
        CaseEvent.objects.filter(foi_request=foi_request)
        .order_by("seq")
        .values_list("kind", flat=True)
    )
    assert kinds == ["accept", "note", "answer"]
    assert services.case_events_verify(foi_request=answered) is None
