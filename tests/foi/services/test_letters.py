"""Issue 19, point 2: the requester (or a moderator) says what an e-mail body's letter is, and
that is the body's own transition, with the law's clock counted from the letter's date."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from core.errors import Conflict, InvalidInput, NotPermitted, NotVisible, TransitionNotAllowed
from foi.models import (
    Appeal,
    CaseEvent,
    InvokedExemption,
    Message,
    MessageKind,
    State,
)
from foi.services import foi_request_classify
from tests.factories import PublicBodyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_body(world):
    """A body with no one on the portal: it answers by e-mail."""
    return PublicBodyFactory(
        slug="water",
        name_en="Water Agency",
        request_email="info@water.gov.example",
        law=world.law,
    )


def letter_on(foi_request, body, *, days_ago=1, text="Dear requester, here is our answer."):
    return Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        subject="Re: your request",
        text=text,
        email_from=f"office@{body.slug}.gov.example",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def case(world, post_body):
    foi_request = world.request(
        State.SUBMITTED, body=post_body, due_at=timezone.now() + datetime.timedelta(days=3)
    )
    return foi_request, letter_on(foi_request, post_body)


def test_the_requester_records_a_full_answer_as_the_bodys_answer(world, case):
    foi_request, letter = case
    result = foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="full"
    )
    assert result.state == State.ANSWERED and result.outcome == "full"
    # The clock counts from the letter, not from the day it was recorded.
    assert result.answered_at == letter.created_at == result.first_response_at
    event = CaseEvent.objects.filter(foi_request=result).order_by("-seq").first()
    assert event.kind == "answer" and event.actor == world.requester
    assert event.actor_label == "letter:requester"
    assert event.data["letter"] == letter.pk and event.data["recorded"] == "requester"
    record = event.message
    assert record.kind == MessageKind.RESPONSE and record.audience == "public"
    assert record.recorded_from == letter and record.from_body_id == foi_request.body_id
    assert record.text == letter.text
    letter.refresh_from_db()
    assert letter.classified_as == "full" and letter.classified_at is not None


def test_a_partial_answer_names_the_grounds_the_letter_cites(world, case):
    foi_request, letter = case
    with pytest.raises(InvalidInput):
        foi_request_classify(
            foi_request=foi_request, actor=world.requester, letter=letter, outcome="partial"
        )
    result = foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="partial",
        exemptions=[{"code": "personal-data", "note": "names of staff"}],
    )
    assert result.outcome == "partial"
    assert [e.exemption.code for e in InvokedExemption.objects.filter(foi_request=result)] == [
        "personal-data"
    ]


def test_an_extension_moves_the_due_date_by_the_law(world, case):
    foi_request, letter = case
    before = foi_request.due_at
    reason = world.law.extension_reasons[0]["code"] if world.law.extension_reasons else "volume"
    result = foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="extension",
        reason=reason,
    )
    assert result.state == State.SUBMITTED and result.extensions_count == 1
    assert result.due_at != before


def test_a_transfer_names_the_new_body(world, case):
    foi_request, letter = case
    result = foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="transfer",
        body=world.other_body,
    )
    assert result.body == world.other_body and result.state == State.SUBMITTED


def test_an_acknowledgement_accepts_a_submitted_request(world, case):
    foi_request, letter = case
    result = foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="acknowledgement"
    )
    assert result.state == State.IN_PROGRESS


def test_a_letter_is_recorded_once(world, case):
    foi_request, letter = case
    foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="not_a_reply"
    )
    with pytest.raises(Conflict):
        foi_request_classify(
            foi_request=foi_request, actor=world.requester, letter=letter, outcome="full"
        )


@pytest.mark.parametrize("who", ["citizen", "officer", "other_officer", "editor"])
def test_nobody_else_may_record_a_letter(world, case, who):
    foi_request, letter = case
    with pytest.raises((NotPermitted, NotVisible)):
        foi_request_classify(
            foi_request=foi_request, actor=getattr(world, who), letter=letter, outcome="full"
        )
    letter.refresh_from_db()
    assert letter.classified_as == ""


def test_a_moderator_may_record_a_letter(world, case):
    foi_request, letter = case
    moderator = UserFactory()
    moderator.user_permissions.add(Permission.objects.get(codename="classify_replies"))
    result = foi_request_classify(
        foi_request=foi_request,
        actor=moderator,
        letter=letter,
        outcome="refused",
        exemptions=[{"code": "official", "note": ""}],
    )
    assert result.state == State.REFUSED
    event = CaseEvent.objects.filter(foi_request=result).order_by("-seq").first()
    assert event.actor_label == "letter:moderator"


def test_a_portal_bodys_letters_are_not_classified(world):
    foi_request = world.request(State.SUBMITTED)
    letter = letter_on(foi_request, world.ministry)
    with pytest.raises(Conflict):
        foi_request_classify(
            foi_request=foi_request, actor=world.requester, letter=letter, outcome="full"
        )


def test_only_a_bodys_letter_is_classified(world, case):
    foi_request, letter = case
    letter.sender_unknown = True
    letter.from_body = None
    letter.save()
    with pytest.raises(Conflict):
        foi_request_classify(
            foi_request=foi_request, actor=world.requester, letter=letter, outcome="full"
        )
    other = world.request(State.SUBMITTED)
    with pytest.raises(NotVisible):
        foi_request_classify(
            foi_request=other, actor=world.requester, letter=letter, outcome="full"
        )


def test_the_state_must_allow_the_move(world, post_body):
    foi_request = world.request(State.ANSWERED, body=post_body)
    letter = letter_on(foi_request, post_body)
    with pytest.raises(TransitionNotAllowed):
        foi_request_classify(
            foi_request=foi_request,
            actor=world.requester,
            letter=letter,
            outcome="refused",
            exemptions=[{"code": "official", "note": ""}],
        )
    letter.refresh_from_db()
    assert letter.classified_as == ""


def test_an_appeal_decided_by_letter(world, post_body):
    foi_request = world.request(State.UNDER_APPEAL, body=post_body)
    appeal = Appeal.objects.get(foi_request=foi_request)
    appeal.reviewing_body = world.ombudsman
    appeal.save()
    world.ombudsman_reviewer.memberships.all().delete() if hasattr(
        world.ombudsman_reviewer, "memberships"
    ) else None
    from foi.models import Membership

    Membership.objects.filter(body=world.ombudsman).delete()
    letter = letter_on(foi_request, world.ombudsman, text="The appeal is granted.")
    result = foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="overturned"
    )
    assert result.state == State.IN_PROGRESS
    appeal.refresh_from_db()
    assert appeal.decision == "overturned" and appeal.decided_by is None


@pytest.fixture
def moderator(db):
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="classify_replies"))
    return person


def test_a_moderator_corrects_a_full_answer_into_a_refusal(world, case, moderator):
    from foi.services import foi_request_correct_record

    foi_request, letter = case
    answered = foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="partial",
        exemptions=[{"code": "personal-data", "note": ""}],
    )
    assert answered.state == State.ANSWERED
    corrected = foi_request_correct_record(
        foi_request=answered,
        actor=moderator,
        letter=letter,
        outcome="refused",
        exemptions=[{"code": "official", "note": "internal memo"}],
    )
    assert corrected.state == State.REFUSED and corrected.outcome == "refused"
    assert corrected.answered_at is None and corrected.refused_at == letter.created_at
    kinds = list(
        CaseEvent.objects.filter(foi_request=foi_request)
        .order_by("seq")
        .values_list("kind", flat=True)
    )
    # The first record stays; the correction and the new record follow it.
    assert kinds[-3:] == ["answer", "correct_record", "refuse"]
    codes = sorted(
        InvokedExemption.objects.filter(foi_request=foi_request).values_list(
            "exemption__code", flat=True
        )
    )
    assert codes == ["official"]
    letter.refresh_from_db()
    assert letter.classified_as == "refused"


def test_an_extension_corrected_gives_back_the_old_due_date(world, case, moderator):
    from foi.services import foi_request_correct_record

    foi_request, letter = case
    due = foi_request.due_at
    extended = foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="extension",
        reason="volume",
    )
    assert extended.due_at != due
    corrected = foi_request_correct_record(
        foi_request=extended, actor=moderator, letter=letter, outcome="acknowledgement"
    )
    assert corrected.due_at == due and corrected.extensions_count == 0
    assert corrected.state == State.IN_PROGRESS


def test_only_moderators_correct_and_only_the_latest_step(world, case, moderator):
    from foi.services import foi_request_correct_record

    foi_request, letter = case
    done = foi_request_classify(
        foi_request=foi_request, actor=world.requester, letter=letter, outcome="acknowledgement"
    )
    for person in (world.requester, world.officer, world.citizen):
        with pytest.raises((NotPermitted, NotVisible)):
            foi_request_correct_record(
                foi_request=done, actor=person, letter=letter, outcome="full"
            )
    second = letter_on(foi_request, letter.from_body, days_ago=0)
    done = foi_request_classify(
        foi_request=done, actor=world.requester, letter=second, outcome="full"
    )
    with pytest.raises(Conflict):
        foi_request_correct_record(
            foi_request=done,
            actor=moderator,
            letter=letter,
            outcome="refused",
            exemptions=[{"code": "official"}],
        )
    unrecorded = letter_on(foi_request, letter.from_body, days_ago=0)
    with pytest.raises(Conflict):
        foi_request_correct_record(
            foi_request=done, actor=moderator, letter=unrecorded, outcome="full"
        )
