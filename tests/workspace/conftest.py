import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

ROLES = ("officer", "coordinator", "other_officer", "reviewer", "editor", "anonymous")


@pytest.fixture
def editor_in_admin(world):
    """The editor enters the Wagtail admin through Wagtail's Editors group, as on a real site,
    so that the workspace's own refusals are what a test of the editor sees."""
    group = Group.objects.filter(name="Editors").first()
    if group is None:
        group = Group.objects.create(name="Editors")
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    world.editor.groups.add(group)
    return world.editor


@pytest.fixture
def as_role(client, world, editor_in_admin):
    def login(role):
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        return client

    return login


def action_url(foi_request, action):
    return reverse("foi_workspace:action", args=[foi_request.reference, action.replace("_", "-")])


def case_url(foi_request):
    return reverse("foi_workspace:case", args=[foi_request.reference])


def grounds(*rows, prefix="grounds", total=5):
    """The POST data of the exemption rows: ``rows`` of {"ground", "note", "attachment"}."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": str(total),
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data
