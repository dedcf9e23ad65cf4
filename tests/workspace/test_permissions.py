"""Every workspace page and action, for every role of docs/permissions.md: who may, and that a
refusal changes nothing. Hidden requests answer 404; a visible action the person may not take, 403;
anonymous visitors are sent to sign in."""

import pytest
from django.urls import reverse

from foi import services
from foi.models import Attachment, CaseEvent, FOIRequest, Message, State
from tests.forms import REGISTER, register_form
from tests.workspace.conftest import ROLES, action_url, case_url, grounds

ALLOWED, FORBIDDEN, HIDDEN, SIGN_IN = 200, 403, 404, 302


def expected(role, *, allowed, forbidden=()):
    if role == "anonymous":
        return SIGN_IN
    if role in allowed:
        return ALLOWED
    return FORBIDDEN if role in forbidden else HIDDEN


COORDINATORS = {"allowed": {"coordinator"}, "forbidden": {"officer"}}
HANDLERS = {"allowed": {"officer", "coordinator"}}

# action -> (state of the request, who may, POST data for the request)
ACTIONS = {
    "accept": (State.SUBMITTED, COORDINATORS, lambda w, r: {"assignee": w.officer.pk}),
    "assign": (State.SUBMITTED, COORDINATORS, lambda w, r: {"assignee": w.officer.pk}),
    "transfer": (State.SUBMITTED, COORDINATORS, lambda w, r: {"body": w.other_body.pk}),
    "reject": (State.SUBMITTED, COORDINATORS, lambda w, r: {"reason": "Not a request."}),
    "ask_clarification": (State.SUBMITTED, HANDLERS, lambda w, r: {"text": "Which year?"}),
    "extend": (State.IN_PROGRESS, HANDLERS, lambda w, r: {"reason": "volume"}),
    "answer": (
        State.IN_PROGRESS,
        HANDLERS,
        lambda w, r: {"outcome": "full", "text": "Here it is.", **grounds()},
    ),
    "refuse": (
        State.IN_PROGRESS,
        HANDLERS,
        lambda w, r: {"text": "No.", **grounds({"ground": "official", "note": "Internal."})},
    ),
    "note": (State.IN_PROGRESS, HANDLERS, lambda w, r: {"text": "Call the archive."}),
    "decide_appeal": (
        State.UNDER_APPEAL,
        {"allowed": {"reviewer"}, "forbidden": {"officer", "coordinator"}},
        lambda w, r: {"decision": "upheld", "reasons": "The refusal was lawful."},
    ),
}


def trail(foi_request):
    row = FOIRequest.objects.get(pk=foi_request.pk)
    return (
        row.state,
        row.body_id,
        row.due_at,
        CaseEvent.objects.filter(foi_request=foi_request).count(),
        Message.objects.filter(foi_request=foi_request).count(),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_each_action_for_each_role(as_role, world, action, role):
    state, who, data = ACTIONS[action]
    foi_request = world.request(state)
    client = as_role(role)
    status = expected(role, **who)

    page = client.get(action_url(foi_request, action))
    assert page.status_code == status
    if status == ALLOWED:
        assert b'name="version"' in page.content
    if status == FORBIDDEN:
        assert b"may not" in page.content  # the reason, not a bare error

    before = trail(foi_request)
    posted = client.post(
        action_url(foi_request, action),
        {"version": foi_request.version, **data(world, foi_request)},
    )
    if status == ALLOWED:
        assert posted.status_code == 302, posted.content.decode()[:2000]
        assert trail(foi_request) != before
    else:
        assert posted.status_code == status
        assert trail(foi_request) == before


@pytest.mark.parametrize("role", ROLES)
def test_approving_a_file(as_role, world, role):
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("data.csv", b"a,b\n1,2\n")],
    )
    attachment = Attachment.objects.get()
    client = as_role(role)
    url = reverse("foi_workspace:approve_attachment", args=[foi_request.reference, attachment.pk])
    status = expected(role, **HANDLERS)
    assert client.get(url).status_code == status
    posted = client.post(url)
    approved = Attachment.objects.get().approved
    if status == ALLOWED:
        assert posted.status_code == 302 and approved
    else:
        assert posted.status_code == status and not approved


def test_the_assignee_alone_handles_an_assigned_request(as_role, world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    client = as_role("officer")
    assert client.get(action_url(foi_request, "answer")).status_code == 200
    client.force_login(world.second_officer)
    refused = client.get(action_url(foi_request, "answer"))
    assert refused.status_code == 403
    assert "assigned to" in refused.content.decode()
    before = trail(foi_request)
    data = {"version": foi_request.version, "outcome": "full", "text": "x", **grounds()}
    assert client.post(action_url(foi_request, "answer"), data).status_code == 403
    assert trail(foi_request) == before


@pytest.mark.parametrize("role", ROLES)
def test_the_case_page(as_role, world, role):
    foi_request = world.request(State.SUBMITTED)
    status = expected(role, allowed={"officer", "coordinator"})
    assert as_role(role).get(case_url(foi_request)).status_code == status


@pytest.mark.parametrize("role", ROLES)
def test_the_case_page_under_appeal(as_role, world, role):
    foi_request = world.request(State.UNDER_APPEAL)
    status = expected(role, allowed={"officer", "coordinator", "reviewer"})
    assert as_role(role).get(case_url(foi_request)).status_code == status


def test_the_case_page_of_a_draft_is_hidden_from_everyone(as_role, world):
    draft = world.request(State.DRAFT, reference="AZ-DRAFT-1")
    for role in ("officer", "coordinator"):
        assert as_role(role).get(case_url(draft)).status_code == 404


QUEUE = reverse("foi_workspace:queue")


@pytest.mark.parametrize("role", ROLES)
def test_the_queue(as_role, world, role):
    foi_request = world.request(State.SUBMITTED)
    client = as_role(role)
    page = client.get(QUEUE)
    listed = foi_request.reference.encode() in page.content
    assert page.status_code == expected(
        role, allowed={"officer", "coordinator", "other_officer", "reviewer"}, forbidden={"editor"}
    )
    assert listed == (role in ("officer", "coordinator"))
    # Asking for the ministry's queue by name does not help anyone else.
    named = client.get(QUEUE, {"body": world.ministry.pk})
    assert named.status_code == expected(
        role, allowed={"officer", "coordinator"}, forbidden={"editor", "other_officer", "reviewer"}
    )
    assert (foi_request.reference.encode() in named.content) == (role in ("officer", "coordinator"))


@pytest.mark.parametrize("role", ROLES)
def test_the_appeals_list(as_role, world, role):
    foi_request = world.request(State.UNDER_APPEAL)
    page = as_role(role).get(reverse("foi_workspace:appeals"))
    assert page.status_code == expected(
        role, allowed={"officer", "coordinator", "other_officer", "reviewer"}, forbidden={"editor"}
    )
    assert (foi_request.reference.encode() in page.content) == (role == "reviewer")


REPORTS = reverse("foi_workspace:reports")


@pytest.mark.parametrize("role", ROLES)
def test_the_reports(as_role, world, role):
    world.request(State.ANSWERED)
    client = as_role(role)
    status = expected(
        role, allowed={"officer", "coordinator"}, forbidden={"editor", "other_officer", "reviewer"}
    )
    page = client.get(REPORTS, {"body": world.ministry.pk})
    assert page.status_code == status
    csv = client.get(REPORTS, {"body": world.ministry.pk, "format": "csv"})
    assert csv.status_code == status
    assert (csv.get("Content-Type", "").startswith("text/csv")) == (status == ALLOWED)


@pytest.mark.parametrize("role", ROLES)
def test_registering_a_request_for_the_ministry(as_role, world, role):
    client = as_role(role)
    page = client.get(REGISTER)
    assert page.status_code == expected(
        role, allowed={"officer", "coordinator", "other_officer", "reviewer"}, forbidden={"editor"}
    )
    count = FOIRequest.objects.count()
    posted = client.post(REGISTER, register_form(world.ministry))
    if role in ("officer", "coordinator"):
        assert posted.status_code == 302, posted.content.decode()[:3000]
        assert FOIRequest.objects.count() == count + 1
    else:
        # Members of other bodies cannot choose the ministry; the others never reach the form.
        assert posted.status_code in (SIGN_IN, FORBIDDEN, 400)
        assert posted.status_code == (
            400 if role in ("other_officer", "reviewer") else page.status_code
        )
        assert FOIRequest.objects.count() == count


def test_an_administrator_sees_everything(client, world):
    foi_request = world.request(State.SUBMITTED)
    client.force_login(world.admin)
    assert client.get(case_url(foi_request)).status_code == 200
    assert client.get(QUEUE, {"body": world.ministry.pk}).status_code == 200
    assert client.get(REPORTS, {"body": world.ministry.pk}).status_code == 200
    assert client.get(reverse("foi_workspace:appeals")).status_code == 200
