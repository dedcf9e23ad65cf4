"""The case page: the whole timeline (internal notes for the body only), the requester's contact
details, the due date explained, and the actions this person may take now."""

import pytest

from foi import services
from foi.models import State
from tests.workspace.conftest import action_url, case_url


def test_the_body_sees_everything(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="Ask Ganja.")
    foi_request.requester.phone = "+994 00 000 00 09"
    foi_request.requester.save()
    client.force_login(world.officer)
    page = client.get(case_url(foi_request)).content.decode()
    assert foi_request.subject in page
    assert "Ask Ganja." in page and "internal: the body only" in page
    assert foi_request.requester.email in page and "+994 00 000 00 09" in page
    assert "Internal note added" in page  # the audit trail
    # Actions come from the workflow: an officer of an unassigned request may answer, not assign.
    assert action_url(foi_request, "answer") in page
    assert action_url(foi_request, "assign") not in page


def test_the_due_date_is_explained(client, world):
    foi_request = services.foi_request_file(
        foi_request=services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="Budget", text="Please."
        ),
        actor=world.requester,
    )
    client.force_login(world.coordinator)
    page = client.get(case_url(foi_request)).content.decode()
    assert "7 working days" in page and "counted from" in page
    assert action_url(foi_request, "accept") in page and action_url(foi_request, "assign") in page


def test_a_reviewer_sees_the_case_but_not_the_internal_notes(client, world):
    foi_request = world.request(State.UNDER_APPEAL)
    message = services.foi_request_add_note(
        foi_request=foi_request, actor=world.officer, text="Between us."
    )
    client.force_login(world.reviewer)
    page = client.get(case_url(foi_request)).content.decode()
    assert "Between us." not in page
    assert "Internal note added" in page  # that a note exists is on the trail
    assert action_url(foi_request, "decide_appeal") in page
    assert action_url(foi_request, "note") not in page
    assert message.pk


def test_a_requester_without_an_account(client, world):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    foi_request = services.foi_request_register_for(
        officer=world.officer,
        body=world.ministry,
        channel="phone",
        received_at=datetime(2026, 1, 5, 10, tzinfo=ZoneInfo("Asia/Baku")),
        person={"first_name": "Kamran", "phone": "+994 00 000 00 05"},
        subject="Budget",
        text="Asked by phone.",
    )
    client.force_login(world.officer)
    page = client.get(case_url(foi_request)).content.decode()
    assert "None: reach them by phone or post." in page
    assert "no-account.invalid" not in page
    assert "registered by" in page


@pytest.mark.parametrize("attachments", [1, 12])
def test_the_case_page_keeps_to_a_query_budget(
    client, world, attachments, django_assert_max_num_queries
):
    foi_request = world.request(State.IN_PROGRESS)
    foi_request = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="partial",
        text="Attached.",
        exemptions=[{"code": "official", "note": "x", "attachment": "file-0.csv"}],
        files=[(f"file-{index}.csv", f"a,b\n{index},1\n".encode()) for index in range(attachments)],
    )
    for index in range(10):
        services.foi_request_add_note(
            foi_request=foi_request, actor=world.officer, text=f"n{index}"
        )
    client.force_login(world.officer)
    # Wagtail's admin menu (with the CMS's items) costs a constant few of these.
    with django_assert_max_num_queries(24):
        page = client.get(case_url(foi_request))
    assert page.content.decode().count("for publication</button>") == attachments
