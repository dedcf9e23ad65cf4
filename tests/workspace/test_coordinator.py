"""What a coordinator meets in the admin: a dashboard without the page search they cannot use,
an assign form that picks nobody by itself, and internal notes on every request of their body
whoever it is assigned to."""

import re

import pytest

from foi import permissions, services
from foi.models import FOIRequest, Message, State
from tests.cms.conftest import tree  # noqa: F401 (a page tree, for the editor's search)
from tests.workspace.conftest import action_url, case_url

SEARCH = "Search all pages"


def select_of(page: str, name: str) -> str:
    return re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)


def selected_options(page: str, name: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', select_of(page, name))


def post(client, foi_request, action, **data):
    version = FOIRequest.objects.get(pk=foi_request.pk).version
    return client.post(action_url(foi_request, action), {"version": version, **data})


# -- the dashboard -------------------------------------------------------------------------------


def test_a_coordinator_is_not_offered_the_page_search(client, world):
    client.force_login(world.coordinator)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert SEARCH not in home.content.decode()


def test_an_editor_with_pages_keeps_the_page_search(client, world, tree):  # noqa: F811
    client.force_login(world.editor)
    assert SEARCH in client.get("/admin/").content.decode()


# -- the assign form -----------------------------------------------------------------------------


def test_the_assign_form_picks_nobody_by_itself(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    client.force_login(world.coordinator)
    page = client.get(action_url(foi_request, "assign")).content.decode()
    # Without a selection a browser shows the first option: that must be no one, not the
    # coordinator who happens to come first.
    first = re.search(r'<option value="([^"]*)"', select_of(page, "assignee")).group(1)
    assert first == ""
    assert selected_options(page, "assignee") in ([], [""])


def test_the_assign_form_starts_at_the_current_assignee(client, world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.second_officer)
    client.force_login(world.coordinator)
    page = client.get(action_url(foi_request, "assign")).content.decode()
    assert selected_options(page, "assignee") == [str(world.second_officer.pk)]


def test_assigning_nobody_is_refused(client, world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.second_officer)
    client.force_login(world.coordinator)
    response = post(client, foi_request, "assign", assignee="")
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert FOIRequest.objects.get(pk=foi_request.pk).assignee == world.second_officer


# -- internal notes ------------------------------------------------------------------------------


def test_after_assigning_the_coordinator_still_adds_notes(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    client.force_login(world.coordinator)
    assert post(client, foi_request, "assign", assignee=world.officer.pk).status_code == 302
    case = client.get(case_url(foi_request)).content.decode()
    assert action_url(foi_request, "note") in case
    response = post(client, foi_request, "note", text="Ask the archive in Ganja.")
    assert response.status_code == 302
    assert Message.objects.filter(foi_request=foi_request, text="Ask the archive in Ganja.")


@pytest.mark.parametrize(
    ("role", "may"),
    [
        ("coordinator", True),  # the body's coordinator, whoever the assignee
        ("officer", True),  # the assignee
        ("second_officer", False),  # a colleague, not assigned
        ("other_officer", False),  # another body
        ("reviewer", False),
        ("requester", False),
    ],
)
def test_who_may_add_a_note_to_an_assigned_request(world, role, may):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    user = getattr(world, role)
    assert permissions.can_add_note(foi_request, user) is may
    if not may:
        with pytest.raises(Exception) as refused:
            services.foi_request_add_note(foi_request=foi_request, actor=user, text="Hm.")
        assert type(refused.value).__name__ in {"NotPermitted", "NotVisible"}
