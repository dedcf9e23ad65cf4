import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from core.errors import InvalidInput, NotPermitted, NotVisible
from foi import selectors, services
from foi.models import Follow, State


def test_following_twice_is_one_follow(world):
    foi_request = world.request(State.IN_PROGRESS)
    first = services.follow_create(user=world.citizen, foi_request=foi_request)
    again = services.follow_create(user=world.citizen, foi_request=foi_request)
    assert first.pk == again.pk
    services.follow_delete(user=world.citizen, foi_request=foi_request)
    services.follow_delete(user=world.citizen, foi_request=foi_request)
    assert not Follow.objects.exists()


def test_a_private_request_cannot_be_followed_by_outsiders(world):
    private = world.request(
        State.IN_PROGRESS,
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=60),
    )
    with pytest.raises(NotVisible):
        services.follow_create(user=world.citizen, foi_request=private)
    assert services.follow_create(user=world.requester, foi_request=private)


def test_drafts_and_anonymous_visitors_cannot_follow(world):
    draft = world.request(State.DRAFT)
    with pytest.raises(NotVisible):
        services.follow_create(user=world.requester, foi_request=draft)
    with pytest.raises(NotPermitted):
        services.follow_create(user=AnonymousUser(), body=world.ministry)
    with pytest.raises(InvalidInput):
        services.follow_create(user=world.citizen)


def test_followers_of_a_request_include_its_bodys_followers_once(world):
    foi_request = world.request(State.IN_PROGRESS)
    services.follow_create(user=world.citizen, foi_request=foi_request)
    services.follow_create(user=world.citizen, body=world.ministry)
    services.follow_create(user=world.editor, body=world.ministry)
    services.follow_create(user=world.other_officer, body=world.other_body)
    followers = set(selectors.followers_of(foi_request=foi_request))
    assert followers == {world.citizen, world.editor}


def test_outside_followers_lose_a_request_made_private(world):
    foi_request = world.request(State.IN_PROGRESS)
    services.follow_create(user=world.citizen, foi_request=foi_request)
    services.follow_create(user=world.requester, foi_request=foi_request)
    type(foi_request).objects.filter(pk=foi_request.pk).update(
        visibility="private", private_until=timezone.localdate() + datetime.timedelta(days=30)
    )
    foi_request.refresh_from_db()
    assert set(selectors.followers_of(foi_request=foi_request)) == {world.requester}
