"""Issue 19, point 4: the moderators' queue of replies nobody classified in a week, and the
page where a moderator classifies one (or confirms a follower's suggestion)."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from foi import services
from foi.models import CaseEvent, Follow, Message, MessageKind, State
from tests.factories import PublicBodyFactory, UserFactory

pytestmark = pytest.mark.django_db
QUEUE = reverse("foi_workspace:replies")


@pytest.fixture
def moderator(world):
    group, _created = Group.objects.get_or_create(name="Sorğu reply moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="foi", codename="classify_replies"),
    )
    person = UserFactory(is_staff=True)
    person.groups.add(group)
    return person


@pytest.fixture
def case(world):
    body = PublicBodyFactory(slug="water", request_email="info@water.gov.example", law=world.law)
    foi_request = world.request(
        State.SUBMITTED, body=body, due_at=timezone.now() + datetime.timedelta(days=3)
    )
    letter = Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        text="The figures you asked for are below.",
        email_from="office@water.gov.example",
        created_at=timezone.now() - datetime.timedelta(days=8),
    )
    return foi_request, letter


def classify_url(letter):
    return reverse("foi_workspace:classify_reply", args=[letter.pk])


def grounds_management():
    return {"grounds-TOTAL_FORMS": "5", "grounds-INITIAL_FORMS": "0"}


def test_a_moderator_sees_the_queue_and_classifies_a_letter(client, world, case, moderator):
    foi_request, letter = case
    client.force_login(moderator)
    page = client.get(QUEUE)
    assert page.status_code == 200 and foi_request.reference in page.content.decode()
    page = client.get(classify_url(letter))
    assert page.status_code == 200 and "The figures you asked for" in page.content.decode()
    response = client.post(classify_url(letter), {"outcome": "full", **grounds_management()})
    assert response.status_code == 302
    foi_request.refresh_from_db()
    assert foi_request.state == State.ANSWERED
    event = CaseEvent.objects.get(foi_request=foi_request, kind="answer")
    assert event.actor == moderator and event.actor_label == "letter:moderator"
    assert foi_request.reference not in client.get(QUEUE).content.decode()


def test_a_moderator_confirms_a_followers_suggestion(client, world, case, moderator):
    foi_request, letter = case
    follower = UserFactory()
    Follow.objects.create(user=follower, foi_request=foi_request)
    suggestion = services.classification_suggest(
        foi_request=foi_request, letter=letter, user=follower, outcome="not_held"
    )
    client.force_login(moderator)
    assert "Confirm this suggestion" in client.get(classify_url(letter)).content.decode()
    response = client.post(
        classify_url(letter), {"suggestion": suggestion.pk, **grounds_management()}
    )
    assert response.status_code == 302
    foi_request.refresh_from_db()
    assert foi_request.outcome == "not_held"


@pytest.mark.parametrize("role", ["officer", "coordinator", "citizen", "requester", "editor"])
def test_no_one_else_may(client, world, case, role, editor_in_admin):
    _foi_request, letter = case
    client.force_login(getattr(world, role))
    for url in (QUEUE, classify_url(letter)):
        response = client.get(url)
        assert response.status_code in (302, 403)  # not into the admin at all, or refused
        if response.status_code == 302:
            assert response["Location"].startswith(("/accounts/login/", "/admin/"))
    response = client.post(classify_url(letter), {"outcome": "full", **grounds_management()})
    assert response.status_code in (302, 403)
    letter.refresh_from_db()
    assert letter.classified_as == ""


def test_an_officer_in_the_admin_is_refused_with_a_reason(client, world, case):
    client.force_login(world.officer)
    response = client.get(QUEUE)
    assert response.status_code == 403


def test_bad_input_is_refused_and_changes_nothing(client, world, case, moderator):
    foi_request, letter = case
    client.force_login(moderator)
    assert client.post(classify_url(letter), grounds_management()).status_code == 400
    response = client.post(classify_url(letter), {"outcome": "nonsense", **grounds_management()})
    assert response.status_code == 400
    # The service's own refusal, shown: a partial answer without grounds.
    response = client.post(classify_url(letter), {"outcome": "partial", **grounds_management()})
    assert response.status_code == 400 and "form-errors" in response.content.decode()
    # An appeal decision on a request without an open appeal: the service's 409.
    response = client.post(classify_url(letter), {"outcome": "upheld", **grounds_management()})
    assert response.status_code == 409
    response = client.post(classify_url(letter), {"suggestion": 99999, **grounds_management()})
    assert response.status_code == 400
    assert client.get(reverse("foi_workspace:classify_reply", args=[999999])).status_code == 404
    foi_request.refresh_from_db()
    assert foi_request.state == State.SUBMITTED
