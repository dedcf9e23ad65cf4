"""Each action form calls its service; refusals come back next to the form with what was typed,
and nothing changes."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from core import clock
from foi import services
from foi.models import Attachment, CaseEvent, FOIRequest, InvokedExemption, Message, State
from tests.workspace.conftest import action_url, case_url, grounds

BAKU = ZoneInfo("Asia/Baku")


def version_in(page) -> int:
    return int(re.search(rb'name="version" value="(\d+)"', page.content).group(1))


def snapshot(foi_request):
    row = FOIRequest.objects.get(pk=foi_request.pk)
    return (
        row.state,
        row.version,
        CaseEvent.objects.filter(foi_request=foi_request).count(),
        Message.objects.filter(foi_request=foi_request).count(),
        Attachment.objects.count(),
    )


def post(client, foi_request, action, **data):
    return client.post(action_url(foi_request, action), {"version": foi_request.version, **data})


@pytest.fixture
def officer(client, world):
    client.force_login(world.officer)
    return client


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.coordinator)
    return client


# -- what each action does ---------------------------------------------------------------------


def test_accept_and_assign(coordinator, world):
    foi_request = world.request(State.SUBMITTED)
    response = post(coordinator, foi_request, "accept", assignee=world.officer.pk)
    assert response.status_code == 302 and response["Location"] == case_url(foi_request)
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.state, row.assignee) == (State.IN_PROGRESS, world.officer)
    assert post(coordinator, row, "assign", assignee=world.second_officer.pk).status_code == 302
    assert FOIRequest.objects.get(pk=foi_request.pk).assignee == world.second_officer


def test_the_assignee_must_work_for_the_body(coordinator, world):
    foi_request = world.request(State.SUBMITTED)
    before = snapshot(foi_request)
    response = post(coordinator, foi_request, "assign", assignee=world.other_officer.pk)
    assert response.status_code == 400  # not among the choices
    assert snapshot(foi_request) == before


def test_ask_for_clarification_explains_the_clock(officer, world):
    with clock.travel(datetime(2026, 4, 2, 9, tzinfo=BAKU)):
        foi_request = world.request(
            State.SUBMITTED,
            received_at=datetime(2026, 4, 1, 10, tzinfo=BAKU),
            first_received_at=datetime(2026, 4, 1, 10, tzinfo=BAKU),
        )
        page = officer.get(action_url(foi_request, "ask_clarification")).content.decode()
        # 5 working days from Wed 1 Apr: 2, 3, 6, 7, 8.
        assert "Ask within 5 working days of receipt: by end of Wed 8 Apr 2026" in page
        assert "the clock starts again when the requester replies" in page
        assert "20 working days" in page
        response = post(officer, foi_request, "ask_clarification", text="Which year?")
    assert response.status_code == 302
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert row.state == State.AWAITING_CLARIFICATION
    assert Message.objects.get(foi_request=row, kind="clarification_request").text == "Which year?"


def test_extend_shows_the_new_due_date_before_confirming(officer, world):
    received = datetime(2026, 4, 1, 10, tzinfo=BAKU)
    with clock.travel(datetime(2026, 4, 6, 9, tzinfo=BAKU)):
        foi_request = world.request(
            State.IN_PROGRESS, first_received_at=received, received_at=received
        )
        page = officer.get(action_url(foi_request, "extend")).content.decode()
        # Due end of Fri 10 Apr; extended by 7 working days: 13, 14, 15, 16, 17, 20, 21.
        assert "the new due date is end of Tue 21 Apr 2026" in page
        assert "Extensions used: 0 of 1" in page
        response = post(officer, foi_request, "extend", reason="volume")
        assert response.status_code == 302
        row = FOIRequest.objects.get(pk=foi_request.pk)
        assert row.due_at.astimezone(BAKU).date() == date(2026, 4, 21)
        # The law allows one extension: the second is refused, and says why.
        refused = officer.get(action_url(row, "extend"))
        assert refused.status_code == 409
        assert "allows no further extension" in refused.content.decode()
        before = snapshot(row)
        again = post(officer, row, "extend", reason="volume")
        assert again.status_code == 409
        assert snapshot(row) == before


def test_transfer_to_the_same_body_is_refused_and_elsewhere_allowed(coordinator, world):
    foi_request = world.request(State.SUBMITTED)
    page = coordinator.get(action_url(foi_request, "transfer")).content.decode()
    assert "holds it now" in page and "the clock starts again at the new body" in page
    before = snapshot(foi_request)
    same = post(coordinator, foi_request, "transfer", body=world.ministry.pk, text="Wrong body.")
    assert same.status_code == 400
    assert "already with this body" in same.content.decode()
    assert "Wrong body." in same.content.decode()  # what was typed is still there
    assert snapshot(foi_request) == before
    moved = post(coordinator, foi_request, "transfer", body=world.other_body.pk)
    assert moved.status_code == 302 and moved["Location"] == "/admin/workspace/"
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.body, row.state) == (world.other_body, State.SUBMITTED)
    notice = Message.objects.get(foi_request=row, kind="transfer_notice")
    assert notice.audience == "public" and "Ministry of Health" in notice.text


def test_a_partial_answer_with_a_file_and_a_ground(officer, world, client):
    foi_request = world.request(State.IN_PROGRESS)
    data = {
        "version": foi_request.version,
        "outcome": "partial",
        "text": "Most of the report is attached.",
        "files": [_upload("staff.csv", b"position,count\nclerk,3\n")],
        **grounds(
            {"ground": "personal-data", "attachment": "staff.csv", "note": "Names removed."},
            {"ground": "state-secret", "note": "One paragraph on reserves."},
        ),
    }
    response = officer.post(action_url(foi_request, "answer"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.state, row.outcome) == (State.ANSWERED, "partial")
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.approved) == ("staff.csv", False)
    invoked = {(i.exemption.code, i.attachment_id, i.note) for i in InvokedExemption.objects.all()}
    assert invoked == {
        ("personal-data", attachment.pk, "Names removed."),
        ("state-secret", None, "One paragraph on reserves."),
    }


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_refusal_adds_the_appeal_route(officer, world):
    world.requester.preferred_language = "en"  # the letter is in the requester's language
    world.requester.save()
    foi_request = world.request(State.IN_PROGRESS)
    page = officer.get(action_url(foi_request, "refuse")).content.decode()
    assert "You may appeal against this decision" in page
    response = post(
        officer, foi_request, "refuse", text="Secret.", **grounds({"ground": "state-secret"})
    )
    assert response.status_code == 302
    letter = Message.objects.get(foi_request=foi_request, kind="refusal")
    assert letter.text.startswith("Secret.") and "You may appeal" in letter.text


def test_reject(coordinator, world):
    foi_request = world.request(State.SUBMITTED)
    assert post(coordinator, foi_request, "reject", reason="A complaint.").status_code == 302
    assert FOIRequest.objects.get(pk=foi_request.pk).state == State.REJECTED


def test_an_internal_note_never_leaves_the_body(officer, world, client):
    foi_request = world.request(State.IN_PROGRESS)
    response = post(officer, foi_request, "note", text="Ask the archive in Ganja.")
    assert response.status_code == 302
    assert "Ask the archive in Ganja." in officer.get(case_url(foi_request)).content.decode()
    client.force_login(world.requester)
    assert "Ganja" not in client.get(f"/requests/{foi_request.reference}/").content.decode()


def test_an_overturned_appeal_reopens_with_a_new_due_date(client, world):
    march = datetime(2026, 3, 2, 10, tzinfo=BAKU)
    foi_request = world.request(
        State.UNDER_APPEAL, outcome="refused", first_received_at=march, received_at=march
    )
    client.force_login(world.reviewer)
    with clock.travel(datetime(2026, 4, 1, 10, tzinfo=BAKU)):
        response = post(
            client, foi_request, "decide_appeal", decision="overturned", reasons="No grounds given."
        )
    assert response.status_code == 302
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert row.state == State.IN_PROGRESS
    # 7 working days from the decision, Wed 1 Apr: 2, 3, 6, 7, 8, 9, 10.
    assert row.due_at.astimezone(BAKU).date() == date(2026, 4, 10)


# -- bad input: a clear error, what was typed kept, nothing saved -----------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "partial", **grounds()}, "A partial answer must name the grounds"),
        ({"outcome": "full", **grounds({"ground": "official"})}, "Only a partial answer"),
        (
            {"outcome": "partial", **grounds({"ground": "official", "attachment": "nope.pdf"})},
            "No attached file is called nope.pdf",
        ),
        ({"outcome": "partial", **grounds({"note": "A note without its ground"})}, "Choose the"),
        ({"outcome": "", **grounds()}, "This field is required"),
    ],
)
def test_a_bad_answer(officer, world, data, message):
    foi_request = world.request(State.IN_PROGRESS)
    before = snapshot(foi_request)
    response = post(officer, foi_request, "answer", text="My carefully typed answer.", **data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "My carefully typed answer." in page
    assert snapshot(foi_request) == before


def test_a_file_of_a_refused_kind(officer, world):
    foi_request = world.request(State.IN_PROGRESS)
    before = snapshot(foi_request)
    response = officer.post(
        action_url(foi_request, "answer"),
        {
            "version": foi_request.version,
            "outcome": "full",
            "text": "Attached.",
            "files": [_upload("report.exe", b"MZ\x90\x00" + b"\x00" * 64)],
            **grounds(),
        },
    )
    assert response.status_code == 400
    assert "report.exe cannot be attached: it is a program" in response.content.decode()
    assert "Choose the files again" in response.content.decode()
    assert snapshot(foi_request) == before


def test_a_file_over_the_limit(officer, world, settings):
    settings.FOI_ATTACHMENT_MAX_SIZE = 100
    foi_request = world.request(State.IN_PROGRESS)
    response = officer.post(
        action_url(foi_request, "answer"),
        {
            "version": foi_request.version,
            "outcome": "full",
            "text": "Attached.",
            "files": [_upload("big.csv", b"a,b\n" * 50)],
            **grounds(),
        },
    )
    assert response.status_code == 400
    assert "a file may be at most 100" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_refusal_without_a_ground(officer, world):
    foi_request = world.request(State.IN_PROGRESS)
    before = snapshot(foi_request)
    response = post(officer, foi_request, "refuse", text="Because.", **grounds())
    assert response.status_code == 400
    assert "must name at least one ground" in response.content.decode()
    assert "Because." in response.content.decode()
    assert snapshot(foi_request) == before


@pytest.mark.parametrize(
    ("action", "field"),
    [("ask_clarification", "text"), ("reject", "reason"), ("note", "text")],
)
def test_an_empty_text_is_refused(client, world, action, field):
    client.force_login(world.coordinator)
    foi_request = world.request(State.SUBMITTED)
    before = snapshot(foi_request)
    response = post(client, foi_request, action, **{field: "   "})
    assert response.status_code == 400
    assert snapshot(foi_request) == before


def test_an_unknown_action(officer, world):
    foi_request = world.request(State.IN_PROGRESS)
    assert officer.get(action_url(foi_request, "publish")).status_code == 404
    assert officer.get(action_url(foi_request, "withdraw")).status_code == 404


# -- races and stale pages -----------------------------------------------------------------------


def test_two_officers_at_once_one_wins_the_other_keeps_their_text(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    client.force_login(world.officer)
    page = client.get(action_url(foi_request, "answer"))
    seen = version_in(page)
    # Meanwhile the coordinator extends the deadline.
    services.foi_request_extend(foi_request=foi_request, actor=world.coordinator, reason="volume")
    before = snapshot(foi_request)
    typed = {"outcome": "full", "text": "Three days of my work.", **grounds()}
    stale = client.post(action_url(foi_request, "answer"), {"version": seen, **typed})
    assert stale.status_code == 409
    text = stale.content.decode()
    assert "Someone else changed this request meanwhile" in text
    assert "Three days of my work." in text
    assert snapshot(foi_request) == before
    # The form now carries the request as it is; sending again is judged against it.
    fresh = version_in(stale)
    assert fresh == FOIRequest.objects.get(pk=foi_request.pk).version != seen
    again = client.post(action_url(foi_request, "answer"), {"version": fresh, **typed})
    assert again.status_code == 302
    assert Message.objects.filter(foi_request=foi_request, kind="response").count() == 1


def test_an_action_the_state_no_longer_allows(client, world):
    foi_request = world.request(State.IN_PROGRESS)
    client.force_login(world.officer)
    seen = version_in(client.get(action_url(foi_request, "refuse")))
    services.foi_request_answer(
        foi_request=foi_request, actor=world.coordinator, outcome="full", text="Answered."
    )
    before = snapshot(foi_request)
    typed = {"text": "Refused for reasons.", **grounds({"ground": "official"})}
    stale = client.post(action_url(foi_request, "refuse"), {"version": seen, **typed})
    assert stale.status_code == 409 and "Refused for reasons." in stale.content.decode()
    again = client.post(action_url(foi_request, "refuse"), {"version": version_in(stale), **typed})
    assert again.status_code == 409
    assert "You cannot refuse a request that is answered" in again.content.decode()
    assert "Refused for reasons." in again.content.decode()
    assert snapshot(foi_request) == before


def test_a_request_transferred_away_meanwhile(client, world):
    foi_request = world.request(State.SUBMITTED)
    client.force_login(world.officer)
    seen = version_in(client.get(action_url(foi_request, "answer")))
    services.foi_request_transfer(
        foi_request=foi_request, actor=world.coordinator, body=world.other_body
    )
    before = snapshot(foi_request)
    response = client.post(
        action_url(foi_request, "answer"),
        {"version": seen, "outcome": "full", "text": "Late words.", **grounds()},
    )
    # It is now another body's request: hidden from this officer, and untouched.
    assert response.status_code == 404
    assert snapshot(foi_request) == before
