"""The case page and what the requester does from it: clarify, withdraw, appeal, follow.

Bad input gets its message next to the form with the typed text kept; a stale form (the
request changed since the page was loaded) is refused with a clear sentence; nothing changes.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from foi import services
from foi.models import Appeal, Follow, Message, State
from tests.foi.portal import awaiting_clarification, refused


def case_url(foi_request, name="request_detail"):
    return reverse(f"foi:{name}", args=[foi_request.reference])


@pytest.fixture
def requester_client(client, world):
    client.force_login(world.requester)
    return client


def test_the_case_page_shows_where_it_stands_and_what_to_do(requester_client, world):
    foi_request = awaiting_clarification(world)
    page = requester_client.get(case_url(foi_request)).content.decode()
    assert "asked the requester to clarify the request" in page
    assert "Reply to the body's question" in page
    assert f'action="{case_url(foi_request, "request_clarify")}"' in page
    assert "Withdraw the request" in page
    assert "Appeal</a>" not in page  # nothing to appeal against while the body waits


def test_an_overdue_request_says_by_how_many_working_days(client, world):
    late = world.request(State.IN_PROGRESS, due_at=timezone.now() - datetime.timedelta(days=14))
    page = client.get(case_url(late)).content.decode()
    assert "Overdue by" in page and "working days" in page


def test_a_visitor_sees_no_actions_but_may_sign_in_to_follow(client, world):
    foi_request = awaiting_clarification(world)
    page = client.get(case_url(foi_request)).content.decode()
    assert "Sign in to follow this request" in page
    assert case_url(foi_request, "request_clarify") not in page
    assert case_url(foi_request, "request_withdraw") not in page


def test_an_officer_is_sent_to_the_workspace(client, world):
    client.force_login(world.officer)
    page = client.get(case_url(world.request(State.IN_PROGRESS))).content.decode()
    assert "open the workspace" in page
    assert "Withdraw the request" not in page


def test_a_requester_is_not_sent_to_the_workspace_for_their_own_draft(requester_client, world):
    # Submitting is the requester's (its declared role), not the body's.
    draft = world.request(State.DRAFT, reference="AZ-DRAFT-1")
    page = requester_client.get(case_url(draft)).content.decode()
    assert "open the workspace" not in page


def test_approved_files_show_their_type_and_size(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    foi_request = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="full",
        text="Here it is.",
        files=[("budget.csv", b"year,amount\n2025,100\n")],
    )
    attachment = foi_request.messages.get(kind="response").attachments.get()
    services.attachment_approve(attachment=attachment, actor=world.officer)
    page = client.get(case_url(foi_request)).content.decode()
    assert "budget.csv" in page
    assert "CSV spreadsheet, 21" in page


def test_a_clarification_is_sent(requester_client, world):
    foi_request = awaiting_clarification(world)
    response = requester_client.post(
        case_url(foi_request, "request_clarify"),
        {"text": "The year 2025.", "version": foi_request.version},
    )
    assert response.status_code == 302
    foi_request.refresh_from_db()
    assert foi_request.state == State.IN_PROGRESS
    assert foi_request.messages.filter(kind="clarification", text="The year 2025.").exists()


def test_an_empty_clarification_is_refused_and_nothing_changes(requester_client, world):
    foi_request = awaiting_clarification(world)
    response = requester_client.post(case_url(foi_request, "request_clarify"), {"text": "  "})
    assert response.status_code == 400
    assert "Write the clarification the body asked for." in response.content.decode()
    foi_request.refresh_from_db()
    assert foi_request.state == State.AWAITING_CLARIFICATION


def test_an_oversized_clarification_keeps_the_text(requester_client, world):
    foi_request = awaiting_clarification(world)
    text = "word " * 4001
    response = requester_client.post(case_url(foi_request, "request_clarify"), {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 20000 characters" in page
    assert "word word word" in page
    assert foi_request.messages.filter(kind="clarification").count() == 0


def test_a_stale_form_is_refused(requester_client, world):
    """The page was loaded, then the body acted: the old form must not act on the new state."""
    foi_request = awaiting_clarification(world)
    seen = foi_request.version
    services.foi_request_assign(
        foi_request=foi_request, actor=world.coordinator, assignee=world.officer
    )
    response = requester_client.post(
        case_url(foi_request, "request_clarify"), {"text": "The year 2025.", "version": seen}
    )
    assert response.status_code == 409
    assert "Someone else changed this request meanwhile" in response.content.decode()
    foi_request.refresh_from_db()
    assert foi_request.state == State.AWAITING_CLARIFICATION
    assert not foi_request.messages.filter(kind="clarification").exists()


def test_an_action_the_state_no_longer_allows_is_refused(requester_client, world):
    foi_request = world.request(State.ANSWERED)
    response = requester_client.post(
        case_url(foi_request, "request_withdraw"), {"version": foi_request.version}
    )
    assert response.status_code == 409
    assert "You cannot withdraw a request that is answered." in response.content.decode()
    foi_request.refresh_from_db()
    assert foi_request.state == State.ANSWERED


def test_withdrawing_with_a_reason(requester_client, world):
    foi_request = world.request(State.SUBMITTED)
    response = requester_client.post(
        case_url(foi_request, "request_withdraw"), {"text": "I found it elsewhere."}
    )
    assert response.status_code == 302
    foi_request.refresh_from_db()
    assert foi_request.state == State.WITHDRAWN
    assert foi_request.messages.get(kind="withdrawal").text == "I found it elsewhere."


def test_the_appeal_form_is_drafted_from_the_refusal(requester_client, world):
    foi_request = refused(world)
    page = requester_client.get(case_url(foi_request, "request_appeal")).content.decode()
    assert "The body withheld information on these grounds:" in page
    assert "2.4-1 (state secret): The figures are classified." in page
    assert "Head of the body or its superior body" in page
    assert "Cabinet" in page  # the superior body reviews the first level
    assert "Ombudsman" not in page  # not open before the first level


def test_the_appeal_form_cites_a_missed_deadline(requester_client, world):
    late = world.request(State.IN_PROGRESS, due_at=timezone.now() - datetime.timedelta(days=3))
    page = requester_client.get(case_url(late, "request_appeal")).content.decode()
    assert "did not answer by the legal deadline" in page


def test_an_appeal_is_lodged_and_shows_its_own_deadline(requester_client, world):
    foi_request = refused(world)
    response = requester_client.post(
        case_url(foi_request, "request_appeal"),
        {"level": "internal_review", "grounds": "The grounds do not apply.", "version": ""},
    )
    assert response.status_code == 302
    appeal = Appeal.objects.get(foi_request=foi_request)
    assert appeal.reviewing_body == world.cabinet
    page = requester_client.get(case_url(foi_request)).content.decode()
    assert "Appeals" in page
    assert appeal.due_at is None  # the test law gives the first level no time limit
    assert "The law sets no deadline for this decision." in page


def test_an_appeal_with_its_own_deadline_shows_it(requester_client, world):
    """The Ombudsman decides within 10 working days: the case page says when and why."""
    foi_request = world.request(State.CLOSED)  # closed after the first level upheld the refusal
    services.foi_request_appeal(
        foi_request=foi_request, actor=world.requester, level="ombudsman", grounds="Still wrong."
    )
    page = requester_client.get(case_url(foi_request)).content.decode()
    assert "Decision due" in page
    assert "Appeal lodged" in page  # the explanation of the appeal's deadline


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level": "internal_review", "grounds": ""}, "Say why you appeal."),
        ({"level": "ombudsman", "grounds": "Skip a level."}, "is not open now"),
        ({"level": "nonsense", "grounds": "Why not."}, "is not open now"),
    ],
)
def test_a_bad_appeal_is_refused_and_keeps_the_text(requester_client, world, data, message):
    foi_request = refused(world)
    response = requester_client.post(case_url(foi_request, "request_appeal"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    if data["grounds"]:
        assert data["grounds"] in page
    foi_request.refresh_from_db()
    assert foi_request.state == State.REFUSED
    assert not Appeal.objects.exists()


def test_no_appeal_is_open_while_the_body_is_within_its_time(requester_client, world):
    foi_request = world.request(
        State.IN_PROGRESS, due_at=timezone.now() + datetime.timedelta(days=3)
    )
    page = requester_client.get(case_url(foi_request, "request_appeal")).content.decode()
    assert "No appeal is open now" in page
    response = requester_client.post(
        case_url(foi_request, "request_appeal"), {"level": "internal_review", "grounds": "Early."}
    )
    assert response.status_code == 400
    foi_request.refresh_from_db()
    assert foi_request.state == State.IN_PROGRESS


def test_following_and_unfollowing_a_request(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    client.force_login(world.citizen)
    client.post(case_url(foi_request, "request_follow"), {"follow": "1"})
    assert Follow.objects.filter(user=world.citizen, foi_request=foi_request).exists()
    assert "Stop following" in client.get(case_url(foi_request)).content.decode()
    client.post(case_url(foi_request, "request_follow"), {"follow": "0"})
    assert not Follow.objects.exists()


def test_the_case_page_stays_within_its_query_budget(client, world, django_assert_max_num_queries):
    foi_request = world.request(State.IN_PROGRESS)
    for number in range(10):
        Message.objects.create(foi_request=foi_request, kind="email_in", text=f"Message {number}")
    client.force_login(world.requester)
    with django_assert_max_num_queries(30):
        response = client.get(case_url(foi_request))
    assert response.status_code == 200
