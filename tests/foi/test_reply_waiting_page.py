"""Issue 19, point 4: while a body's e-mailed reply waits to be classified, the case page does
not call the request overdue; it says the body replied and the requester is to say what the
reply is. A follower is offered to suggest."""

import datetime

import pytest
from django.utils import timezone

from foi.models import Follow, Membership, Message, MessageKind, State
from tests.factories import PublicBodyFactory

pytestmark = pytest.mark.django_db
WAITING = "waiting for the requester to say what the reply is"


@pytest.fixture
def overdue(world):
    body = PublicBodyFactory(slug="post-only", name_en="Post Office", law=world.law)
    Membership.objects.filter(body=body).delete()
    return world.request(
        State.SUBMITTED, body=body, due_at=timezone.now() - datetime.timedelta(days=3)
    )


def letter_on(foi_request):
    return Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=foi_request.body,
        text="Our answer.",
        created_at=timezone.now() - datetime.timedelta(days=2),
    )


@pytest.mark.parametrize("viewer", [None, "requester", "citizen"])
def test_overdue_until_the_body_replies_then_waiting(client, world, overdue, viewer):
    if viewer:
        client.force_login(getattr(world, viewer))
    url = f"/requests/{overdue.reference}/"
    page = client.get(url).content.decode()
    assert "Overdue by" in page and WAITING not in page
    letter_on(overdue)
    page = client.get(url).content.decode()
    assert WAITING in page and "Overdue by" not in page
    assert "Send the body a reminder" not in page


def test_a_follower_is_offered_to_suggest_and_others_are_not(client, world, overdue):
    letter_on(overdue)
    url = f"/requests/{overdue.reference}/"
    client.force_login(world.citizen)
    assert "Suggest what the body" not in client.get(url).content.decode()
    Follow.objects.create(user=world.citizen, foi_request=overdue)
    assert "Suggest what the body" in client.get(url).content.decode()
    client.force_login(world.requester)
    assert "Suggest what the body" not in client.get(url).content.decode()
