"""What each service does beyond the state change: clock, messages, outcomes as data, and the
clear errors that leave everything as it was."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core import clock
from core.errors import InvalidInput, TransitionNotAllowed
from foi import services
from foi.models import Appeal, CaseEvent, FOIRequest, InvokedExemption, Message, State

BAKU = ZoneInfo("Asia/Baku")


def baku(*args):
    return datetime.datetime(*args, tzinfo=BAKU)


def unchanged(foi_request):
    row = FOIRequest.objects.get(pk=foi_request.pk)
    return (
        row.state,
        row.due_at,
        row.version,
        CaseEvent.objects.filter(foi_request=row).count(),
        Message.objects.filter(foi_request=row).count(),
    )


def submit(world, received, **fields):
    draft = services.foi_request_create_draft(
        requester=world.requester,
        body=world.ministry,
        subject=fields.pop("subject", "Procurement contracts 2025"),
        text=fields.pop("text", "Please send the road repair contracts signed in 2025."),
        **fields,
    )
    with clock.travel(received):
        return services.foi_request_file(foi_request=draft, actor=world.requester)


def test_submit_gives_reference_clock_and_letter(world):
    foi_request = submit(world, baku(2026, 3, 18, 10, 0))
    assert re.fullmatch(r"AZ-2026-\d{6}", foi_request.reference)
    assert foi_request.due_at == baku(2026, 4, 7, 23, 59, 59)
    assert foi_request.due_explanation[-1]["code"] == "due"
    letter = foi_request.messages.get()
    assert letter.kind == "letter"
    assert "road repair" in letter.text
    assert foi_request.public_name == world.requester.get_full_name()


def test_references_count_up_without_gaps(world):
    first = submit(world, baku(2026, 5, 4, 9, 0))
    second = submit(world, baku(2026, 5, 4, 9, 5))
    number = int(first.reference.rsplit("-", 1)[1])
    assert second.reference == f"AZ-2026-{number + 1:06d}"


def test_urgent_request_needs_its_justification_and_gets_24_hours(world):
    draft = services.foi_request_create_draft(
        requester=world.requester,
        body=world.ministry,
        subject="Flood warning",
        text="Is the dam on the Kura safe?",
        urgency="relevance",
    )
    before = unchanged(draft)
    with pytest.raises(TransitionNotAllowed) as refused:
        services.foi_request_file(foi_request=draft, actor=world.requester)
    assert "justification" in str(refused.value)
    assert unchanged(draft) == before
    draft = services.foi_request_update_draft(
        foi_request=draft, actor=world.requester, urgency_justification="The flood is tomorrow."
    )
    with clock.travel(baku(2026, 4, 10, 15, 0)):
        urgent = services.foi_request_file(foi_request=draft, actor=world.requester)
    assert urgent.due_at == baku(2026, 4, 11, 15, 0)
    with pytest.raises(TransitionNotAllowed) as refused:
        services.foi_request_extend(foi_request=urgent, actor=world.officer, reason="volume")
    assert "urgent" in str(refused.value)


def test_submit_needs_a_public_name(world):
    world.requester.first_name = world.requester.last_name = ""
    world.requester.save()
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="S", text="T"
    )
    with pytest.raises(InvalidInput) as refused:
        services.foi_request_file(foi_request=draft, actor=world.requester)
    assert "pseudonym" in str(refused.value)
    assert FOIRequest.objects.get(pk=draft.pk).state == State.DRAFT
    draft = services.foi_request_update_draft(
        foi_request=draft, actor=world.requester, public_name_choice="withheld"
    )
    assert services.foi_request_file(foi_request=draft, actor=world.requester).public_name == ""


def test_private_until_must_be_within_twelve_months(world):
    too_late = timezone.localdate() + datetime.timedelta(days=400)
    draft = services.foi_request_create_draft(
        requester=world.requester,
        body=world.ministry,
        subject="S",
        text="T",
        visibility="private",
        private_until=too_late,
    )
    with pytest.raises(TransitionNotAllowed) as refused:
        services.foi_request_file(foi_request=draft, actor=world.requester)
    assert "twelve months" in str(refused.value)


def test_one_extension_then_a_clear_refusal(world):
    foi_request = submit(world, baku(2026, 3, 18, 10, 0))
    with clock.travel(baku(2026, 4, 1, 12, 0)):
        extended = services.foi_request_extend(
            foi_request=foi_request, actor=world.officer, reason="volume"
        )
    # 7 more working days after Tue 7 Apr: 8, 9, 10, 13, 14, 15, 16 April.
    assert extended.due_at == baku(2026, 4, 16, 23, 59, 59)
    assert extended.messages.filter(kind="extension_notice").exists()
    before = unchanged(extended)
    with pytest.raises(TransitionNotAllowed) as refused:
        services.foi_request_extend(foi_request=extended, actor=world.officer, reason="search")
    assert "no further extension" in str(refused.value)
    assert unchanged(extended) == before


def test_extension_reason_must_be_the_laws(world):
    foi_request = submit(world, baku(2026, 3, 18, 10, 0))
    before = unchanged(foi_request)
    with pytest.raises(InvalidInput):
        services.foi_request_extend(foi_request=foi_request, actor=world.officer, reason="lazy")
    assert unchanged(foi_request) == before


def test_clarification_restarts_the_clock_under_az(world):
    foi_request = submit(world, baku(2026, 3, 18, 10, 0))
    with clock.travel(baku(2026, 4, 1, 11, 0)):
        asked = services.foi_request_ask_clarification(
            foi_request=foi_request, actor=world.officer, text="Which roads?"
        )
    assert asked.clarification_lapses_at is not None
    with clock.travel(baku(2026, 4, 3, 16, 0)):
        clarified = services.foi_request_clarify(
            foi_request=asked, actor=world.requester, text="The Baku-Quba road."
        )
    # Restart: 7 working days counted from Mon 6 Apr: 6, 7, 8, 9, 10, 13, 14 April.
    assert clarified.due_at == baku(2026, 4, 14, 23, 59, 59)
    assert clarified.state == State.IN_PROGRESS


def test_transfer_restarts_the_clock_at_the_new_body(world):
    foi_request = submit(world, baku(2026, 3, 18, 10, 0))
    with clock.travel(baku(2026, 4, 1, 9, 0)):
        moved = services.foi_request_transfer(
            foi_request=foi_request, actor=world.coordinator, body=world.other_body
        )
    # 7 working days from Thu 2 Apr: 2, 3, 6, 7, 8, 9, 10 April.
    assert moved.body == world.other_body
    assert moved.due_at == baku(2026, 4, 10, 23, 59, 59)
    assert moved.assignee is None
    notice = moved.messages.get(kind="transfer_notice")
    assert notice.from_body == world.ministry
    # The new body may extend once, though the old clock is gone.
    assert moved.extensions_count == 0


def test_transfer_to_the_same_body_is_refused(world):
    foi_request = submit(world, baku(2026, 3, 18, 10, 0))
    before = unchanged(foi_request)
    with pytest.raises(InvalidInput):
        services.foi_request_transfer(
            foi_request=foi_request, actor=world.coordinator, body=world.ministry
        )
    assert unchanged(foi_request) == before


def test_partial_answer_records_its_grounds_as_data(world):
    foi_request = world.request(State.IN_PROGRESS)
    answered = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="partial",
        text="The list, without home addresses.",
        exemptions=[{"code": "personal-data", "note": "Home addresses", "attachment": "list.csv"}],
        files=[("list.csv", b"name,post\nA,Director\n")],
    )
    invoked = InvokedExemption.objects.get(foi_request=answered)
    assert invoked.exemption.code == "personal-data"
    assert invoked.attachment.original_name == "list.csv"
    assert invoked.attachment.approved is False
    assert answered.outcome == "partial"


@pytest.mark.parametrize(
    ("outcome", "exemptions", "words"),
    [
        ("partial", [], "grounds"),
        ("full", [{"code": "personal-data"}], "remove the grounds"),
        ("partial", [{"code": "no-such-ground"}], "not a ground"),
        ("maybe", [], "full, partial or not held"),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(world, outcome, exemptions, words):
    foi_request = world.request(State.IN_PROGRESS)
    before = unchanged(foi_request)
    with pytest.raises(InvalidInput) as refused:
        services.foi_request_answer(
            foi_request=foi_request,
            actor=world.officer,
            outcome=outcome,
            text="Answer",
            exemptions=exemptions,
        )
    assert words in str(refused.value)
    assert unchanged(foi_request) == before
    assert not InvokedExemption.objects.filter(foi_request=foi_request).exists()


def test_a_malformed_upload_is_refused_and_nothing_is_saved(world):
    foi_request = world.request(State.IN_PROGRESS)
    before = unchanged(foi_request)
    with pytest.raises(InvalidInput) as refused:
        services.foi_request_answer(
            foi_request=foi_request,
            actor=world.officer,
            outcome="full",
            text="See the file.",
            files=[("report.pdf", b"\x00\x01binary that is not a PDF\xff\xfe")],
        )
    assert "report.pdf" in str(refused.value)
    assert unchanged(foi_request) == before


def test_refusal_names_grounds_and_adds_the_appeal_route(world):
    world.requester.preferred_language = "en"
    world.requester.save()
    foi_request = world.request(State.IN_PROGRESS)
    with pytest.raises(InvalidInput):
        services.foi_request_refuse(
            foi_request=foi_request, actor=world.officer, grounds=[], text="No"
        )
    refused = services.foi_request_refuse(
        foi_request=foi_request,
        actor=world.officer,
        grounds=[{"code": "state-secret", "note": "Military budget lines"}],
        text="The report is secret.",
    )
    letter = refused.messages.get(kind="refusal")
    assert "You may appeal" in letter.text
    assert "Ombudsman" in letter.text
    assert refused.outcome == "refused"
    assert InvokedExemption.objects.filter(foi_request=refused, exemption__code="state-secret")


def test_appeal_route_is_climbed_in_order(world):
    refused = world.request(State.REFUSED)
    before = unchanged(refused)
    with pytest.raises(InvalidInput) as refused_appeal:
        services.foi_request_appeal(
            foi_request=refused, actor=world.requester, level="ombudsman", grounds="Skip ahead."
        )
    assert "not open now" in str(refused_appeal.value)
    assert unchanged(refused) == before
    appealed = services.foi_request_appeal(
        foi_request=refused, actor=world.requester, level="internal_review", grounds="No reasons."
    )
    appeal = Appeal.objects.get(foi_request=appealed)
    assert appeal.reviewing_body == world.cabinet
    assert appeal.appealed_state == State.REFUSED
    upheld = services.foi_request_decide_appeal(
        foi_request=appealed, actor=world.reviewer, decision="upheld", reasons="Lawful."
    )
    assert upheld.state == State.CLOSED
    to_ombudsman = services.foi_request_appeal(
        foi_request=upheld, actor=world.requester, level="ombudsman", grounds="Still no reasons."
    )
    second = to_ombudsman.appeals.latest("lodged_at")
    assert second.reviewing_body == world.ombudsman
    assert second.due_at is not None  # 10 working days for the Ombudsman


def test_overturning_sends_it_back_with_a_new_deadline(world):
    received = baku(2026, 5, 4, 10, 0)
    refused = world.request(
        State.REFUSED,
        submitted_at=received,
        first_received_at=received,
        received_at=received,
        refused_at=baku(2026, 5, 12, 10, 0),
    )
    with clock.travel(baku(2026, 6, 1, 10, 0)):
        appealed = services.foi_request_appeal(
            foi_request=refused, actor=world.requester, level="internal_review", grounds="No."
        )
    with clock.travel(baku(2026, 6, 8, 10, 0)):
        reopened = services.foi_request_decide_appeal(
            foi_request=appealed, actor=world.reviewer, decision="overturned", reasons="Answer it."
        )
    assert reopened.state == State.IN_PROGRESS
    assert reopened.outcome == ""
    # 7 working days from Tue 9 Jun 2026: 9, 10, 11, 12, 16, 17, 18 (15 Jun is a holiday).
    assert reopened.due_at == baku(2026, 6, 18, 23, 59, 59)


def test_the_appeal_route_is_written_in_the_requesters_language(world):
    foi_request = world.request(State.IN_PROGRESS)  # the requester's language is az
    refused = services.foi_request_refuse(
        foi_request=foi_request,
        actor=world.officer,
        grounds=[{"code": "official"}],
        text="Xidməti istifadə üçün.",
    )
    letter = refused.messages.get(kind="refusal").text
    assert "You may appeal" not in letter
    assert "Ombudsman" in letter


def test_refusal_messages_keep_azerbaijani_letters(world):
    from django.utils import translation

    answered = world.request(State.REFUSED)
    with translation.override("az"), pytest.raises(TransitionNotAllowed) as refused:
        services.foi_request_answer(
            foi_request=answered, actor=world.officer, outcome="full", text="x"
        )
    assert "\u0307" not in str(refused.value)


def test_an_open_request_is_appealable_only_once_overdue(world):
    on_time = world.request(State.IN_PROGRESS, due_at=timezone.now() + datetime.timedelta(days=3))
    with pytest.raises(TransitionNotAllowed) as refused:
        services.foi_request_appeal(
            foi_request=on_time, actor=world.requester, level="internal_review", grounds="Slow."
        )
    assert "deadline has passed" in str(refused.value)


def test_lapse_sweep_closes_only_what_is_due(world):
    due = world.request(State.AWAITING_CLARIFICATION)
    not_yet = world.request(
        State.AWAITING_CLARIFICATION,
        clarification_lapses_at=timezone.now() + datetime.timedelta(days=3),
    )
    assert services.foi_requests_lapse_due() == 1
    assert FOIRequest.objects.get(pk=due.pk).state == State.CLOSED
    assert FOIRequest.objects.get(pk=not_yet.pk).state == State.AWAITING_CLARIFICATION
    event = CaseEvent.objects.filter(foi_request=due).latest("seq")
    assert event.actor is None and event.actor_label == "system"


def test_an_officer_registers_a_postal_request(world):
    received = baku(2026, 3, 16, 12, 0)
    with clock.travel(baku(2026, 3, 18, 9, 0)):
        draft = services.foi_request_create_draft(
            requester=world.citizen,
            body=world.ministry,
            channel="post",
            registered_by=world.officer,
            subject="Letter of 16 March",
            text="Copy of the ministry's 2025 annual report.",
        )
        registered = services.foi_request_file(
            foi_request=draft, actor=world.officer, received_at=received
        )
    assert registered.registered_by == world.officer
    assert registered.channel == "post"
    assert registered.first_received_at == received
    # 7 working days from Tue 17 Mar: 17, 18, 19, 31 Mar, 1, 2, 3 April (Novruz between).
    assert registered.due_at == baku(2026, 4, 3, 23, 59, 59)


def test_outsiders_cannot_register_for_someone(world):
    from core.errors import NotPermitted

    with pytest.raises(NotPermitted):
        services.foi_request_create_draft(
            requester=world.citizen,
            body=world.ministry,
            registered_by=world.other_officer,
            subject="S",
            text="T",
        )
    assert not FOIRequest.objects.filter(requester=world.citizen).exists()


def test_notes_do_not_make_other_copies_stale(world):
    foi_request = world.request(State.IN_PROGRESS)
    services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="Call HR.")
    answered = services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="not_held", text="Not held."
    )
    assert answered.state == State.ANSWERED


def test_citizens_cannot_add_notes(world):
    from core.errors import NotPermitted

    foi_request = world.request(State.IN_PROGRESS)
    with pytest.raises(NotPermitted):
        services.foi_request_add_note(foi_request=foi_request, actor=world.requester, text="Hi")
    assert not foi_request.messages.exists()
