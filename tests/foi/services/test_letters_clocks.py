"""Issue 19, point 10: each classification runs the law's own clock (AZ, UK, US), counted from
the body's letter, not from the day the requester recorded it."""

import datetime

import pytest
from django.utils import timezone

from foi import deadlines
from foi.models import Message, MessageKind, State
from foi.services import foi_request_classify
from tests.factories import FOIRequestFactory, PublicBodyFactory, UserFactory
from tests.foi.law_builders import az_law, uk_law, us_law

pytestmark = pytest.mark.django_db

LAWS = {"az": az_law, "uk": uk_law, "us": us_law}
REASON = {"az": "volume", "uk": "public_interest_test", "us": "voluminous"}


@pytest.fixture(params=sorted(LAWS))
def setting(request):
    law = LAWS[request.param]()
    law.save()
    body = PublicBodyFactory(slug=f"post-{law.code}", law=law)
    other = PublicBodyFactory(slug=f"next-{law.code}", law=law)
    requester = UserFactory()
    received = timezone.now() - datetime.timedelta(days=20)
    foi_request = FOIRequestFactory(
        law=law,
        body=body,
        requester=requester,
        state=State.SUBMITTED,
        submitted_at=received,
        first_received_at=received,
        received_at=received,
        reference=f"{law.reference_prefix}-2026-{law.pk:06d}",
    )
    from foi.services.clock import clock_recompute

    clock_recompute(foi_request)
    foi_request.save()
    letter = Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        text="Our reply.",
        created_at=received + datetime.timedelta(days=6),
    )
    return law, foi_request, letter, other, requester


def expected_due(law, foi_request, fact):
    return deadlines.compute_due(
        law,
        received_at=foi_request.first_received_at,
        urgency=foi_request.urgency,
        history=[fact],
    ).due_at


def test_an_extension_counts_by_the_law(setting):
    law, foi_request, letter, _other, requester = setting
    done = foi_request_classify(
        foi_request=foi_request,
        actor=requester,
        letter=letter,
        outcome="extension",
        reason=REASON[law.code],
    )
    fact = {"kind": "extension", "at": letter.created_at.isoformat(), "reason": REASON[law.code]}
    assert done.due_at == expected_due(law, foi_request, fact)
    assert done.extensions_count == 1


def test_a_transfer_restarts_or_continues_the_clock_by_the_law(setting):
    law, foi_request, letter, other, requester = setting
    before = foi_request.due_at
    done = foi_request_classify(
        foi_request=foi_request, actor=requester, letter=letter, outcome="transfer", body=other
    )
    assert done.body == other and done.transferred_at == letter.created_at
    [fact] = [item for item in done.clock_history if item["kind"] == "transfer"]
    assert fact["at"] == letter.created_at.isoformat()
    assert done.due_at == expected_due(law, foi_request, fact)
    if law.transfer_clock == "continue":  # UK: the period runs on from the first receipt
        assert done.due_at == before
    else:  # AZ restarts, US restarts within its cap: counted from the letter's date
        assert done.due_at != before


def test_a_clarification_pauses_or_restarts_by_the_law(setting):
    _law, foi_request, letter, _other, requester = setting
    done = foi_request_classify(
        foi_request=foi_request, actor=requester, letter=letter, outcome="clarification"
    )
    assert done.state == State.AWAITING_CLARIFICATION
    assert done.clarification_requested_at == letter.created_at
    [fact] = [item for item in done.clock_history if item["kind"] == "clarification_asked"]
    assert fact["at"] == letter.created_at.isoformat()


def test_an_answer_on_time_is_on_time_though_recorded_late(setting):
    _law, foi_request, letter, _other, requester = setting
    done = foi_request_classify(
        foi_request=foi_request, actor=requester, letter=letter, outcome="full"
    )
    assert done.answered_at == letter.created_at == done.first_response_at
    assert done.answered_at <= done.due_at
