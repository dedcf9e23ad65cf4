"""Every portal view, tried by the five people of the issue's permission table: an anonymous
visitor, the requester, another citizen, an officer of the body, an officer of another body.

Hidden things answer 404 (a private request, someone else's draft); a visible request whose
action one may not take answers 403; signing in is asked (302 to the login page) before anything
that needs a person.
"""

import pytest
from django.urls import reverse

from foi.models import FOIRequest, Follow, State
from tests.factories import UserFactory
from tests.foi.portal import (
    ROLES,
    awaiting_clarification,
    draft_of,
    login,
    private_request,
    refused,
)

LOGIN = "login"  # a redirect to the sign-in page


def _expect(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected, response.content.decode()[:500]


def by_role(anonymous, requester, citizen, officer, other_officer):
    return dict(zip(ROLES, [anonymous, requester, citizen, officer, other_officer], strict=True))


PUBLIC_PAGES = [
    ("foi:request_list", lambda w: []),
    ("foi:request_feed", lambda w: []),
    ("foi:body_list", lambda w: []),
    ("foi:body_detail", lambda w: [w.ministry.slug]),
    ("foi:body_feed", lambda w: [w.ministry.slug]),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_public_pages_are_open_to_everyone(client, world, role, name, args):
    login(client, world, role)
    _expect(client.get(reverse(name, args=args(world))), 200)


@pytest.mark.parametrize("role", ROLES)
def test_the_body_autocomplete_is_open_to_everyone(client, world, role):
    login(client, world, role)
    response = client.get(reverse("foi:body_autocomplete"), {"q": "finance"})
    assert response.status_code == 200
    assert [hit["slug"] for hit in response.json()["results"]] == ["ministry"]


@pytest.mark.parametrize(("role", "expected"), by_role(404, 200, 404, 200, 404).items())
def test_a_private_case_page_is_for_the_parties_only(client, world, role, expected):
    foi_request = private_request(world)
    login(client, world, role)
    _expect(client.get(reverse("foi:request_detail", args=[foi_request.reference])), expected)


@pytest.mark.parametrize("role", ROLES)
def test_a_private_request_has_no_feed_for_anyone(client, world, role):
    """Feeds are public documents: even the parties get none for a private request."""
    foi_request = private_request(world)
    public = world.request(State.IN_PROGRESS)
    login(client, world, role)
    feed = "foi:request_timeline_feed"
    assert client.get(reverse(feed, args=[foi_request.reference])).status_code == 404
    assert client.get(reverse(feed, args=[public.reference])).status_code == 200


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 302, 302, 302, 302).items())
def test_anyone_signed_in_may_follow_a_body(client, world, role, expected):
    login(client, world, role)
    response = client.post(reverse("foi:body_follow", args=[world.ministry.slug]))
    _expect(response, expected)
    follows = Follow.objects.filter(body=world.ministry)
    assert follows.count() == (0 if role == "anonymous" else 1)


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 302, 404, 302, 404).items())
def test_following_a_private_request_is_for_those_who_may_see_it(client, world, role, expected):
    foi_request = private_request(world)
    login(client, world, role)
    _expect(client.post(reverse("foi:request_follow", args=[foi_request.reference])), expected)
    assert Follow.objects.filter(foi_request=foi_request).count() == (expected == 302)


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 200, 200, 200, 200).items())
def test_anyone_signed_in_may_start_a_request(client, world, role, expected):
    login(client, world, role)
    _expect(client.get(reverse("foi:filing_start")), expected)


def snapshot(foi_request):
    return (
        foi_request.state,
        foi_request.subject,
        foi_request.body_id,
        foi_request.access_form,
        foi_request.public_name_choice,
    )


DRAFT_STEPS = ["filing_body", "filing_letter", "filing_details", "filing_preview"]


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 200, 404, 404, 404).items())
@pytest.mark.parametrize("step", DRAFT_STEPS)
def test_a_draft_is_only_its_requesters(client, world, role, expected, step):
    draft = draft_of(world)
    login(client, world, role)
    _expect(client.get(reverse(f"foi:{step}", args=[draft.pk])), expected)


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 302, 404, 404, 404).items())
@pytest.mark.parametrize("step", DRAFT_STEPS)
def test_only_the_requester_may_change_a_draft(client, world, role, expected, step):
    draft = draft_of(world)
    login(client, world, role)
    data = {
        "body": world.other_body.slug,
        "subject": "Changed",
        "text": "Changed.",
        "access_form": "paper",
        "urgency": "normal",
        "visibility": "public",
        "public_name_choice": "withheld",
    }
    _expect(client.post(reverse(f"foi:{step}", args=[draft.pk]), data), expected)
    after = FOIRequest.objects.get(pk=draft.pk)
    assert (snapshot(after) != snapshot(draft)) == (role == "requester")


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 200, 404, 404, 404).items())
def test_only_the_requester_may_autosave_a_draft(client, world, role, expected):
    draft = draft_of(world)
    login(client, world, role)
    response = client.post(reverse("foi:filing_autosave", args=[draft.pk]), {"text": "Typed."})
    _expect(response, expected)
    draft.refresh_from_db()
    assert (draft.text == "Typed.") == (role == "requester")


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 302, 404, 404, 404).items())
def test_only_the_requester_may_discard_a_draft(client, world, role, expected):
    draft = draft_of(world)
    login(client, world, role)
    _expect(client.post(reverse("foi:filing_discard", args=[draft.pk])), expected)
    assert FOIRequest.objects.filter(pk=draft.pk).exists() == (role != "requester")


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 302, 403, 403, 403).items())
def test_only_the_requester_may_clarify(client, world, role, expected):
    foi_request = awaiting_clarification(world)
    login(client, world, role)
    url = reverse("foi:request_clarify", args=[foi_request.reference])
    _expect(client.post(url, {"text": "The year 2025."}), expected)
    foi_request.refresh_from_db()
    changed = foi_request.state == State.IN_PROGRESS
    assert changed == (role == "requester")


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 302, 403, 403, 403).items())
def test_only_the_requester_may_withdraw(client, world, role, expected):
    foi_request = world.request(State.IN_PROGRESS)
    login(client, world, role)
    url = reverse("foi:request_withdraw", args=[foi_request.reference])
    _expect(client.post(url, {"text": ""}), expected)
    foi_request.refresh_from_db()
    assert (foi_request.state == State.WITHDRAWN) == (role == "requester")


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 200, 403, 403, 403).items())
def test_only_the_requester_sees_the_appeal_form(client, world, role, expected):
    foi_request = refused(world)
    login(client, world, role)
    _expect(client.get(reverse("foi:request_appeal", args=[foi_request.reference])), expected)


@pytest.mark.parametrize(("role", "expected"), by_role(LOGIN, 302, 403, 403, 403).items())
def test_only_the_requester_may_appeal(client, world, role, expected):
    foi_request = refused(world)
    login(client, world, role)
    url = reverse("foi:request_appeal", args=[foi_request.reference])
    _expect(client.post(url, {"level": "internal_review", "grounds": "Unlawful."}), expected)
    foi_request.refresh_from_db()
    assert (foi_request.state == State.UNDER_APPEAL) == (role == "requester")


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", LOGIN), ("requester", 404), ("citizen", 404), ("other_officer", 404)],
)
@pytest.mark.parametrize(
    "name", ["request_clarify", "request_withdraw", "request_appeal", "request_follow"]
)
def test_actions_on_a_hidden_request_answer_404(client, world, role, expected, name):
    """Someone who may not see a private request cannot learn of it by acting on it."""
    foi_request = private_request(world, requester=UserFactory())
    login(client, world, role)
    url = reverse(f"foi:{name}", args=[foi_request.reference])
    _expect(client.post(url, {"text": "x"}), expected)
    assert FOIRequest.objects.get(pk=foi_request.pk).state == State.IN_PROGRESS
    assert not Follow.objects.exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["foi:dashboard", "foi:profile", "foi:close_account"])
def test_own_pages_need_a_person(client, world, role, name):
    login(client, world, role)
    _expect(client.get(reverse(name)), LOGIN if role == "anonymous" else 200)
