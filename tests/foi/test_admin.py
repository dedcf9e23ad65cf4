"""The Django admin shows configuration and the case record; the record is read-only."""

import pytest
from django.urls import reverse

from foi.models import CaseEvent, FOIRequest, State

LISTS = [
    "law",
    "publicbody",
    "membership",
    "foirequest",
    "caseevent",
    "message",
    "appeal",
    "declaredday",
    "auditroot",
]


@pytest.mark.parametrize("model", LISTS)
def test_an_administrator_sees_every_list(client, world, model):
    world.request(State.ANSWERED)
    client.force_login(world.admin)
    assert client.get(reverse(f"admin:foi_{model}_changelist")).status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "citizen", "officer", "editor"])
@pytest.mark.parametrize("model", LISTS)
def test_nobody_else_reaches_the_admin_lists(client, world, role, model):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    response = client.get(reverse(f"admin:foi_{model}_changelist"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"]


def test_requests_cannot_be_added_or_edited_in_the_admin(client, world):
    foi_request = world.request(State.SUBMITTED)
    client.force_login(world.admin)
    assert client.get(reverse("admin:foi_foirequest_add")).status_code == 403
    view = client.get(reverse("admin:foi_foirequest_change", args=[foi_request.pk]))
    assert view.status_code == 200
    client.post(
        reverse("admin:foi_foirequest_change", args=[foi_request.pk]),
        {"subject": "changed", "state": "answered"},
    )
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.subject, row.state) == (foi_request.subject, State.SUBMITTED)
    delete = client.post(
        reverse("admin:foi_foirequest_delete", args=[foi_request.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert CaseEvent.objects.count() == 0 or FOIRequest.objects.filter(pk=foi_request.pk).exists()


def test_laws_are_editable_configuration(client, world):
    client.force_login(world.admin)
    page = client.get(reverse("admin:foi_law_change", args=[world.law.pk]))
    assert page.status_code == 200
    assert b"extension_max_count" in page.content
