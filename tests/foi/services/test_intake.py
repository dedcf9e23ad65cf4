"""An officer registers an oral, phone, postal or walk-in request, for a requester with or
without an account; the clock starts from the recorded receipt."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import authenticate

from core import clock
from core.errors import NotPermitted, ServiceError
from foi import services
from foi.models import CaseEvent, FOIRequest, State, User

BAKU = ZoneInfo("Asia/Baku")
FIELDS = {"subject": "School repairs in 2025", "text": "How much was spent on repairs?"}
PERSON = {
    "first_name": "Kamran",
    "last_name": "Babayev",
    "phone": "+994 00 000 00 05",
    "postal_address": "Nümunə küçəsi 9, Şamaxı",
}


def register(world, **overrides):
    values = {
        "officer": world.officer,
        "body": world.ministry,
        "channel": "post",
        "received_at": datetime(2026, 4, 1, 10, tzinfo=BAKU),
        "person": dict(PERSON),
        **FIELDS,
    }
    values.update(overrides)
    with clock.travel(datetime(2026, 4, 3, 9, tzinfo=BAKU)):
        return services.foi_request_register_for(**values)


def test_a_person_without_an_account(world):
    foi_request = register(world)
    person = foi_request.requester
    assert foi_request.state == State.SUBMITTED
    assert (foi_request.channel, foi_request.registered_by) == ("post", world.officer)
    assert not person.has_account
    assert not person.is_active and not person.has_usable_password()
    assert person.email.endswith("@no-account.invalid")
    assert (person.first_name, person.phone) == ("Kamran", "+994 00 000 00 05")
    assert foi_request.public_name == "Kamran Babayev"
    # The clock runs from the receipt: Wed 1 Apr, so due end of Fri 10 Apr 2026.
    assert foi_request.received_at == datetime(2026, 4, 1, 10, tzinfo=BAKU)
    assert foi_request.due_at.astimezone(BAKU).date() == date(2026, 4, 10)
    # The trail names the officer and the channel.
    events = list(CaseEvent.objects.filter(foi_request=foi_request).order_by("seq"))
    assert [(e.kind, e.actor) for e in events] == [
        ("created", world.officer),
        ("submit", world.officer),
    ]
    assert events[0].data["channel"] == "post"


def test_nobody_can_sign_in_as_a_person_without_an_account(world):
    person = register(world).requester
    assert authenticate(username=person.email, password="") is None
    assert User.objects.filter(pk=person.pk, is_active=False).exists()


def test_an_account_is_never_attached_by_the_officer(world):
    """Its holder joins it by the link sent (tests/foi/test_register_consent.py)."""
    foi_request = register(world, requester_email=world.requester.email.upper())
    assert foi_request.requester != world.requester
    assert not foi_request.requester.has_account
    assert foi_request.channel == "post"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"person": None}, "Say who the requester is"),
        ({"person": None, "requester_email": "nobody@example.org"}, "Say who the requester is"),
        ({"requester_email": "not an address"}, "Check the e-mail address"),
        ({"person": {**PERSON, "first_name": "", "last_name": ""}}, "requester's name"),
        ({"person": {**PERSON, "phone": "", "postal_address": ""}}, "phone number or a postal"),
        ({"channel": "web"}, "how the request came in"),
        ({"received_at": datetime(2026, 4, 4, tzinfo=BAKU)}, "cannot be in the future"),
        ({"subject": ""}, "needs a subject and a text"),
    ],
)
def test_bad_input_changes_nothing(world, overrides, message):
    users, requests = User.objects.count(), FOIRequest.objects.count()
    with pytest.raises(ServiceError) as refused:
        register(world, **overrides)
    assert message in str(refused.value)
    assert (User.objects.count(), FOIRequest.objects.count()) == (users, requests)


def test_only_the_bodys_officers_register(world):
    users = User.objects.count()
    with pytest.raises(NotPermitted):
        register(world, officer=world.other_officer)
    assert User.objects.count() == users


def test_a_closed_account_is_not_used(world):
    world.citizen.is_active = False
    world.citizen.save()
    foi_request = register(world, requester_email=world.citizen.email)
    assert foi_request.requester != world.citizen


def test_contact_details_of_a_person_without_an_account_stay_private(client, world):
    foi_request = register(world)
    page = client.get(f"/requests/{foi_request.reference}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kamran Babayev" in text  # the public name they chose
    assert PERSON["phone"] not in text and "Şamaxı" not in text
    assert "no-account.invalid" not in text
