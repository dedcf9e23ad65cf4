"""Administrators declare non-working days in the Django admin; nobody else can, and every
change goes through foi.services.declared_days."""

import datetime

import pytest
from django.urls import reverse

from foi.models import CaseEvent, DeclaredDay
from tests.foi.services.test_declared_days import DUE, INSIDE, declare, local_day, received

pytestmark = pytest.mark.django_db

FORM = {
    "country": "AZ",
    "day": INSIDE.isoformat(),
    "kind": "election",
    "name_az": "Prezident seçkiləri günü",
    "name_en": "Presidential election day",
    "name_ru": "День президентских выборов",
    "legal_basis": "Order of the Cabinet of Ministers No. 45",
}


def test_an_administrator_adds_a_day_and_the_deadlines_move(client, world):
    foi_request = received(world)
    client.force_login(world.admin)
    assert client.get(reverse("admin:foi_declaredday_add")).status_code == 200
    response = client.post(reverse("admin:foi_declaredday_add"), FORM)
    assert response.status_code == 302
    assert DeclaredDay.objects.filter(day=INSIDE, kind="election").exists()
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == datetime.date(2027, 4, 15)
    assert CaseEvent.objects.filter(foi_request=foi_request, kind="due_date_moved").exists()


def test_an_administrator_deletes_a_day_and_the_deadlines_move_back(client, world):
    foi_request = received(world)
    day = declare(world).declared_day
    client.force_login(world.admin)
    response = client.post(reverse("admin:foi_declaredday_delete", args=[day.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not DeclaredDay.objects.exists()
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == DUE


def test_the_bulk_delete_goes_through_the_service(client, world):
    foi_request = received(world)
    day = declare(world).declared_day
    client.force_login(world.admin)
    client.post(
        reverse("admin:foi_declaredday_changelist"),
        {"action": "delete_selected", "_selected_action": [day.pk], "post": "yes"},
    )
    assert not DeclaredDay.objects.exists()
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == DUE


def test_a_bad_form_saves_nothing(client, world):
    received(world)
    client.force_login(world.admin)
    response = client.post(
        reverse("admin:foi_declaredday_add"), {**FORM, "legal_basis": "", "day": "31.02.2027"}
    )
    assert response.status_code == 200
    assert not DeclaredDay.objects.exists()
    assert not CaseEvent.objects.filter(kind="due_date_moved").exists()


@pytest.mark.parametrize("role", ["anonymous", "requester", "officer", "coordinator", "editor"])
def test_nobody_else_may_add_or_see_declared_days(client, world, role):
    foi_request = received(world)
    if role != "anonymous":
        client.force_login(getattr(world, role))
    for url in (reverse("admin:foi_declaredday_add"), reverse("admin:foi_declaredday_changelist")):
        assert client.get(url).status_code in (302, 403)
    response = client.post(reverse("admin:foi_declaredday_add"), FORM)
    assert response.status_code in (302, 403)
    assert not DeclaredDay.objects.exists()
    foi_request.refresh_from_db()
    assert local_day(foi_request.due_at) == DUE


def test_a_staff_member_with_the_django_permissions_still_may_not(client, world):
    from django.contrib.auth.models import Permission

    world.editor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="foi", codename__endswith="declaredday")
    )
    client.force_login(world.editor)
    response = client.post(reverse("admin:foi_declaredday_add"), FORM)
    assert response.status_code == 403
    assert not DeclaredDay.objects.exists()
