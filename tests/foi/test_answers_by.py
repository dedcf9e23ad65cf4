"""Issue 19, point 1: the body page and the case page say whether a body answers through Sorğu
(it has active members) or by e-mail (its moves are recorded from its letters)."""

import pytest

from foi import selectors
from foi.models import Membership, State

PORTAL = "Through Sorğu: its officers answer requests here."
EMAIL = "By e-mail: requests go to its address"


def test_a_body_with_an_active_member_answers_through_the_portal(world):
    assert selectors.body_answers_through_portal(world.ministry)


def test_a_body_without_members_answers_by_email(world):
    Membership.objects.filter(body=world.ombudsman).delete()
    assert not selectors.body_answers_through_portal(world.ombudsman)


@pytest.mark.parametrize("ended", ["membership", "account"])
def test_members_who_left_do_not_count(world, ended):
    for membership in Membership.objects.filter(body=world.other_body):
        if ended == "membership":
            membership.is_active = False
            membership.save(update_fields=["is_active"])
        else:
            membership.user.is_active = False
            membership.user.save(update_fields=["is_active"])
    assert not selectors.body_answers_through_portal(world.other_body)


def test_the_body_page_says_how_it_answers(client, world):
    Membership.objects.filter(body=world.other_body).update(is_active=False)
    assert PORTAL in client.get(f"/bodies/{world.ministry.slug}/").content.decode()
    page = client.get(f"/bodies/{world.other_body.slug}/").content.decode()
    assert EMAIL in page and PORTAL not in page


@pytest.mark.parametrize("viewer", [None, "requester", "officer"])
def test_the_case_page_says_how_its_body_answers(client, world, viewer):
    by_portal = world.request(State.IN_PROGRESS)
    by_email = world.request(State.SUBMITTED, body=world.other_body)
    Membership.objects.filter(body=world.other_body).update(is_active=False)
    if viewer:
        client.force_login(getattr(world, viewer))
    assert PORTAL in client.get(f"/requests/{by_portal.reference}/").content.decode()
    if viewer != "officer":  # the ministry's officer may not see the other body's request
        page = client.get(f"/requests/{by_email.reference}/").content.decode()
        assert EMAIL in page and PORTAL not in page
