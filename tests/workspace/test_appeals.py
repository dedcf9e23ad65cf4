"""Reviewers see the appeals lodged with their body, the soonest due first, and decide them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from foi.models import Appeal, FOIRequest, State
from tests.factories import AppealFactory
from tests.workspace.conftest import action_url

APPEALS = reverse("foi_workspace:appeals")


def test_pending_appeals_the_soonest_due_first_and_the_late_marked(client, world):
    first = world.request(State.UNDER_APPEAL, subject="Late appeal")  # due 10 days ago
    second = world.request(State.REFUSED, subject="Fresh appeal")
    AppealFactory(
        foi_request=second,
        level=world.levels["internal_review"],
        reviewing_body=world.cabinet,
        due_at=timezone.now() + timedelta(days=20),
    )
    elsewhere = world.request(State.UNDER_APPEAL, subject="Ombudsman's")
    Appeal.objects.filter(foi_request=elsewhere).update(reviewing_body=world.ombudsman)
    client.force_login(world.reviewer)
    text = client.get(APPEALS).content.decode()
    assert text.index("Late appeal") < text.index("Fresh appeal")
    assert "Ombudsman's" not in text
    assert "Overdue by" in text
    assert first.reference in text


def test_deciding_from_the_list(client, world):
    foi_request = world.request(State.UNDER_APPEAL)
    client.force_login(world.reviewer)
    page = client.get(action_url(foi_request, "decide_appeal")).content.decode()
    assert "The refusal gives no reasons." in page  # the appeal's grounds
    response = client.post(
        action_url(foi_request, "decide_appeal"),
        {"version": foi_request.version, "decision": "upheld", "reasons": "Lawful."},
    )
    assert response.status_code == 302
    assert FOIRequest.objects.get(pk=foi_request.pk).state == State.CLOSED
    decided = client.get(APPEALS, {"decided": "1"}).content.decode()
    assert foi_request.reference in decided and "upheld" in decided
    assert foi_request.reference not in client.get(APPEALS).content.decode()


def test_a_decision_needs_reasons(client, world):
    foi_request = world.request(State.UNDER_APPEAL)
    client.force_login(world.reviewer)
    response = client.post(
        action_url(foi_request, "decide_appeal"),
        {"version": foi_request.version, "decision": "overturned", "reasons": ""},
    )
    assert response.status_code == 400
    assert FOIRequest.objects.get(pk=foi_request.pk).state == State.UNDER_APPEAL


def test_the_list_keeps_to_a_query_budget(client, world, django_assert_max_num_queries):
    for index in range(15):
        world.request(State.UNDER_APPEAL, subject=f"Appeal {index}")
    client.force_login(world.reviewer)
    with django_assert_max_num_queries(15):
        page = client.get(APPEALS)
    assert page.content.decode().count("Appeal ") >= 15
