"""foi_request_file: the portal's submission, within the per-person daily limit."""

import datetime

import pytest
from django.utils import timezone

from core.errors import InvalidInput, NotPermitted, RateLimited
from foi import services
from foi.models import CaseEvent, State
from tests.factories import FOIRequestFactory
from tests.foi.portal import draft_of


def filed(world, hours_ago):
    return FOIRequestFactory(
        requester=world.requester,
        body=world.ministry,
        state=State.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(hours=hours_ago),
    )


def test_the_limit_refuses_and_changes_nothing(world, settings):
    settings.FOI_FILING_RATE_LIMIT = 1
    filed(world, hours_ago=3)
    draft = draft_of(world)
    events = CaseEvent.objects.count()
    with pytest.raises(RateLimited) as refusal:
        services.foi_request_file(foi_request=draft, actor=world.requester)
    assert refusal.value.status == 429
    assert "You have sent 1 request in the last 24 hours" in refusal.value.message
    draft.refresh_from_db()
    assert (draft.state, draft.reference, draft.due_at) == (State.DRAFT, None, None)
    assert CaseEvent.objects.count() == events


def test_a_limit_of_zero_turns_it_off(world, settings):
    settings.FOI_FILING_RATE_LIMIT = 0
    for hours in range(12):
        filed(world, hours_ago=hours + 1)
    sent = services.foi_request_file(foi_request=draft_of(world), actor=world.requester)
    assert sent.state == State.SUBMITTED and sent.reference


def test_someone_elses_draft_cannot_be_filed(world):
    with pytest.raises(NotPermitted):
        services.foi_request_file(foi_request=draft_of(world), actor=world.citizen)


def test_a_body_that_closed_meanwhile_takes_no_request(world):
    draft = draft_of(world)
    world.ministry.is_active = False
    world.ministry.save()
    with pytest.raises(InvalidInput):
        services.foi_request_file(foi_request=draft, actor=world.requester)
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
