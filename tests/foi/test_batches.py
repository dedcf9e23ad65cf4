"""Batch requests (issue 24): the service, its limits and its moderation."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from core.errors import Conflict, InvalidInput, NotPermitted, RateLimited
from foi import selectors, services
from foi.models import Batch, BatchStatus, FOIRequest, State
from tests.factories import PublicBodyFactory, UserFactory

LETTER = {"subject": "Road repairs in 2025", "text": "Please send the list of road repairs."}


def districts(law, count, **kwargs):
    return [
        PublicBodyFactory(
            law=law,
            slug=f"district-{i}",
            name_en=f"District {i}",
            kind="local_executive",
            **kwargs,
        )
        for i in range(count)
    ]


@pytest.fixture
def moderator(db):
    person = UserFactory()
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="foi", codename="classify_replies")
    )
    return person


def test_a_small_batch_is_one_request_per_body_each_with_its_own_reference_and_clock(world):
    bodies = districts(world.law, 3)
    batch = services.batch_create(creator=world.requester, bodies=bodies, **LETTER)
    assert batch.status == BatchStatus.FILED
    assert batch.reference.startswith("BATCH-")
    requests = list(FOIRequest.objects.filter(batch=batch).order_by("body__slug"))
    assert [r.body for r in requests] == bodies
    assert {r.state for r in requests} == {State.SUBMITTED}
    assert len({r.reference for r in requests}) == 3
    assert all(r.due_at and r.subject == LETTER["subject"] for r in requests)
    assert all(r.requester == world.requester for r in requests)


def test_the_same_body_twice_counts_once(world):
    body_a, body_b = districts(world.law, 2)
    batch = services.batch_create(
        creator=world.requester, bodies=[body_a, body_b, body_a], **LETTER
    )
    assert FOIRequest.objects.filter(batch=batch).count() == 2


def test_the_daily_limit_counts_every_request_of_the_batch(world, settings):
    settings.FOI_FILING_RATE_LIMIT = 4
    services.batch_create(creator=world.requester, bodies=districts(world.law, 2), **LETTER)
    others = [PublicBodyFactory(law=world.law) for _ in range(3)]
    with pytest.raises(RateLimited, match=r"would send 3 requests.*2 more"):
        services.batch_create(creator=world.requester, bodies=others, **LETTER)
    # Nothing of the refused batch was saved.
    assert Batch.objects.count() == 1
    assert FOIRequest.objects.count() == 2
    services.batch_create(creator=world.requester, bodies=others[:2], **LETTER)
    assert FOIRequest.objects.filter(state=State.SUBMITTED).count() == 4


@pytest.mark.parametrize(
    "change, sentence",
    [
        ({"bodies": "one"}, "at least two bodies"),
        ({"subject": ""}, "subject"),
        ({"urgency": "life", "urgency_justification": ""}, "reason"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(world, change, sentence):
    bodies = districts(world.law, 2)
    if change.pop("bodies", None):
        bodies = bodies[:1]
    with pytest.raises(InvalidInput):
        services.batch_create(creator=world.requester, bodies=bodies, **{**LETTER, **change})
    assert not Batch.objects.exists()
    assert not FOIRequest.objects.exists()


def test_an_inactive_body_is_named_and_nothing_is_sent(world):
    bodies = districts(world.law, 2)
    closed = PublicBodyFactory(law=world.law, name_en="Closed office", is_active=False)
    with pytest.raises(InvalidInput, match="Closed office"):
        services.batch_create(creator=world.requester, bodies=[*bodies, closed], **LETTER)
    assert not FOIRequest.objects.exists()


def test_a_visitor_cannot_make_a_batch(world):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotPermitted):
        services.batch_create(creator=AnonymousUser(), bodies=districts(world.law, 2), **LETTER)


def test_a_large_batch_waits_for_a_moderator_then_files_past_the_daily_limit(
    world, settings, moderator
):
    settings.FOI_FILING_RATE_LIMIT = 10
    bodies = districts(world.law, 12)
    batch = services.batch_create(creator=world.requester, bodies=bodies, **LETTER)
    assert batch.status == BatchStatus.PENDING
    assert not FOIRequest.objects.exists()  # the trial copy was rolled back
    assert batch in selectors.batch_pending_queue(user=moderator)
    with pytest.raises(NotPermitted):
        services.batch_approve(batch=batch, actor=world.citizen)
    with pytest.raises(NotPermitted):
        services.batch_approve(batch=batch, actor=world.requester)
    with pytest.raises(NotPermitted):
        selectors.batch_pending_queue(user=world.officer)
    services.batch_approve(batch=batch, actor=moderator)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FILED and batch.decided_by == moderator
    assert FOIRequest.objects.filter(batch=batch, state=State.SUBMITTED).count() == 12
    # They count: the person's next request is over the limit.
    with pytest.raises(RateLimited):
        services.batch_create(creator=world.requester, bodies=districts_b(world.law), **LETTER)
    with pytest.raises(Conflict):
        services.batch_approve(batch=batch, actor=moderator)


def districts_b(law):
    return [PublicBodyFactory(law=law) for _ in range(2)]


def test_a_large_batch_with_a_bad_letter_is_refused_at_once(world):
    world.requester.first_name = world.requester.last_name = ""
    world.requester.save()
    with pytest.raises(InvalidInput, match="name"):
        services.batch_create(creator=world.requester, bodies=districts(world.law, 11), **LETTER)
    assert not Batch.objects.exists()


def test_only_one_large_batch_waits_at_a_time(world):
    services.batch_create(creator=world.requester, bodies=districts(world.law, 11), **LETTER)
    with pytest.raises(Conflict):
        services.batch_create(
            creator=world.requester,
            bodies=[PublicBodyFactory(law=world.law) for _ in range(11)],
            **LETTER,
        )


def test_declining_needs_a_reason_and_makes_no_request(world, moderator):
    batch = services.batch_create(
        creator=world.requester, bodies=districts(world.law, 11), **LETTER
    )
    with pytest.raises(InvalidInput):
        services.batch_decline(batch=batch, actor=moderator, reason=" ")
    with pytest.raises(NotPermitted):
        services.batch_decline(batch=batch, actor=world.officer, reason="Spam")
    services.batch_decline(batch=batch, actor=moderator, reason="Looks like spam")
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DECLINED
    assert not FOIRequest.objects.exists()
    with pytest.raises(Conflict):
        services.batch_approve(batch=batch, actor=moderator)


def test_who_sees_a_batch(world, moderator):
    bodies = districts(world.law, 2)
    batch = services.batch_create(creator=world.requester, bodies=bodies, **LETTER)
    for person in (world.requester, world.citizen, moderator, world.admin):
        assert selectors.batch_get(reference=batch.reference, user=person) == batch
        assert len(selectors.batch_requests(batch=batch, user=person)) == 2


def test_a_private_batch_is_hidden_from_others(world, moderator):
    import datetime

    from django.contrib.auth.models import AnonymousUser

    from core.errors import NotVisible

    bodies = districts(world.law, 2)
    batch = services.batch_create(
        creator=world.requester,
        bodies=bodies,
        visibility="private",
        private_until=datetime.date.today() + datetime.timedelta(days=30),
        **LETTER,
    )
    assert len(selectors.batch_requests(batch=batch, user=world.requester)) == 2
    for person in (world.citizen, AnonymousUser(), world.officer):
        with pytest.raises(NotVisible):
            selectors.batch_get(reference=batch.reference, user=person)
        assert selectors.batch_requests(batch=batch, user=person) == []


def test_a_waiting_batch_is_for_its_creator_and_moderators(world, moderator):
    from core.errors import NotVisible

    batch = services.batch_create(
        creator=world.requester, bodies=districts(world.law, 11), **LETTER
    )
    assert selectors.batch_get(reference=batch.reference, user=world.requester) == batch
    assert selectors.batch_get(reference=batch.reference, user=moderator) == batch
    with pytest.raises(NotVisible):
        selectors.batch_get(reference=batch.reference, user=world.citizen)
