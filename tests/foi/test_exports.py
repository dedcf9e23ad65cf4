"""Exports: the bulk public metadata (no personal data, public requests only) and the case file
(parties only, what each may see, with a hash chain a stranger can verify)."""

import csv
import datetime
import io
import json
import subprocess
import sys
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from foi.models import FOIRequest, State
from tests.foi.test_request_pages import EVERYONE, login


@pytest.fixture
def shown_as_pseudonym(case):
    """The shared case (tests/foi/conftest.py: a letter, a parties-only message, an internal
    note, an approved and an unapproved file, an appeal), its requester under a pseudonym."""
    FOIRequest.objects.filter(pk=case.pk).update(
        public_name_choice="pseudonym", pseudonym="Qarağac", public_name="Qarağac"
    )
    case.refresh_from_db()
    return case


@pytest.fixture
def private(world):
    until = timezone.localdate() + datetime.timedelta(days=90)
    return world.request(
        State.IN_PROGRESS, visibility="private", private_until=until, subject="PRIVATE-SUBJECT"
    )


def export(client, fmt, **params):
    return client.get(reverse("foi:request_export", args=[fmt]), params)


def body_of(response) -> str:
    return b"".join(response.streaming_content).decode()


PERSONAL = ("Aysel", "Məmmədova", "Qarağac", "@", "PUBLIC-LETTER", "PARTIES-ONLY", "INTERNAL")


# -- bulk export ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "requester", "officer", "admin"])
def test_the_bulk_export_is_public_requests_only_whoever_asks(
    client, world, shown_as_pseudonym, private, role
):
    case = shown_as_pseudonym
    login(client, world, role)
    response = export(client, "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = body_of(response)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["reference"] for row in rows] == [case.reference]
    assert "PRIVATE-SUBJECT" not in text
    for secret in PERSONAL:
        assert secret not in text, secret


def test_the_bulk_export_counts_only_public_messages_and_approved_files(
    client, world, shown_as_pseudonym
):
    case = shown_as_pseudonym
    rows = json.loads(body_of(export(client, "json")))
    (row,) = rows
    assert row["reference"] == case.reference
    assert row["body"] == "ministry"
    assert row["state"] == case.state
    assert row["outcome"] == "full"
    # the public letter, the public answer and the appeal; one approved file; one appeal
    public = case.messages.filter(audience="public").count()
    assert public == 3
    assert (row["messages"], row["attachments"], row["appeals"]) == (public, 1, 1)
    assert row["url"] == reverse("foi:request_detail", args=[case.reference])
    assert not ({"requester", "public_name", "text", "email"} & set(row))
    text = json.dumps(rows, ensure_ascii=False)
    for secret in PERSONAL:
        assert secret not in text, secret


def test_the_bulk_export_filters_and_refuses_bad_filters(client, world, case):
    world.request(State.REFUSED, body=world.other_body, subject="Elsewhere")
    rows = json.loads(body_of(export(client, "json", body="other")))
    assert [row["subject"] for row in rows] == ["Elsewhere"]
    assert json.loads(body_of(export(client, "json", state="refused")))[0]["subject"] == "Elsewhere"
    assert json.loads(body_of(export(client, "json", year="1999"))) == []
    for bad in ({"state": "nonsense"}, {"outcome": "maybe"}, {"year": "20x5"}):
        response = export(client, "csv", **bad)
        assert response.status_code == 400
        assert response.content.decode().endswith(".")
    assert export(client, "xml").status_code == 404


def test_the_bulk_export_defuses_spreadsheet_formulas(client, world):
    world.request(State.ANSWERED, subject='=HYPERLINK("http://evil")')
    rows = list(csv.DictReader(io.StringIO(body_of(export(client, "csv")))))
    assert rows[0]["subject"].startswith("'=")


def test_the_bulk_export_queries_do_not_grow_with_rows(
    client, world, django_assert_max_num_queries
):
    for _ in range(3):
        world.request(State.ANSWERED)
    with django_assert_max_num_queries(4):
        assert len(json.loads(body_of(export(client, "json")))) == 3
    for _ in range(20):
        world.request(State.ANSWERED)
    with django_assert_max_num_queries(4):
        assert len(json.loads(body_of(export(client, "json")))) == 23


# -- the case file -------------------------------------------------------------------------------


def case_file(client, foi_request):
    return client.get(reverse("foi:request_case_file", args=[foi_request.reference]))


def unzip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.mark.parametrize("role", EVERYONE)
def test_the_case_file_is_for_the_parties_only(client, world, case, role):
    login(client, world, role)
    response = case_file(client, case)
    party = role in ("requester", "officer", "coordinator", "reviewer", "admin")
    assert response.status_code == (200 if party else 403)
    if not party:
        assert b"case file" in response.content
        return
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = unzip(response)
    everything = "".join(
        archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
    )
    insider = role in ("officer", "coordinator", "admin")
    assert "PUBLIC-ANSWER" in everything
    assert "PARTIES-ONLY" in everything
    assert ("INTERNAL-NOTE" in everything) == insider
    assert "PENDING-FILE" in everything  # parties see files not yet approved
    assert world.requester.email in everything  # every party may see the contact details
    data = json.loads(archive.read("case.json"))
    assert data["reference"] == case.reference
    expected_role = {"requester": "requester", "reviewer": "reviewer", "admin": "admin"}
    assert data["generated_for"] == expected_role.get(role, "body")


@pytest.mark.parametrize("role", ["anonymous", "citizen", "other_officer", "reviewer"])
def test_a_private_case_file_is_404_to_who_cannot_see_it(client, world, private, role):
    login(client, world, role)
    assert case_file(client, private).status_code == 404


def test_the_link_shows_only_to_the_parties(client, world, case):
    url = reverse("foi:request_case_file", args=[case.reference])
    detail = reverse("foi:request_detail", args=[case.reference])
    client.force_login(world.citizen)
    assert url not in client.get(detail).content.decode()
    client.force_login(world.requester)
    assert url in client.get(detail).content.decode()


def test_the_case_file_holds_messages_files_and_a_verifiable_chain(client, world, case, tmp_path):
    client.force_login(world.requester)
    archive = unzip(case_file(client, case))
    names = archive.namelist()
    assert {"case.json", "audit/events.jsonl", "audit/verify.py", "audit/VERIFY.txt"} <= set(names)
    data = json.loads(archive.read("case.json"))
    files = [a for message in data["messages"] for a in message["attachments"]]
    assert sorted(f["name"] for f in files) == ["approved.txt", "pending.txt"]
    for described in files:
        assert archive.read(described["file"]) in (b"APPROVED-FILE", b"PENDING-FILE")
    for message in data["messages"]:
        assert message["file"] in names
    case.refresh_from_db()
    assert data["audit"] == {
        "events": case.audit_length,
        "head": case.audit_head,
        "file": "audit/events.jsonl",
    }
    archive.extractall(tmp_path)
    run = subprocess.run(
        [sys.executable, "audit/verify.py", "audit/events.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout
    assert case.audit_head in run.stdout
    # the requester sees that a note exists on the trail, never its words
    assert "INTERNAL-NOTE" not in archive.read("audit/events.jsonl").decode()
    # tamper with one event: the script says which
    events = (tmp_path / "audit/events.jsonl").read_text().splitlines()
    second = json.loads(events[1])
    second["canonical"] = second["canonical"].replace('"seq":2', '"seq":2 ')
    events[1] = json.dumps(second, ensure_ascii=False)
    (tmp_path / "audit/events.jsonl").write_text("\n".join(events) + "\n")
    run = subprocess.run(
        [sys.executable, "audit/verify.py", "audit/events.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "event 2 was altered" in run.stdout


def test_a_citizen_case_file_holds_no_contact_details_of_others(client, world, case):
    """The reviewer's file carries what the reviewer may see, and the contact details the law
    lets the reviewing body see; nothing of the internal note."""
    client.force_login(world.reviewer)
    archive = unzip(case_file(client, case))
    data = json.loads(archive.read("case.json"))
    assert data["requester"]["email"] == world.requester.email
    assert all(message["audience"] != "internal" for message in data["messages"])


def test_the_workspace_case_page_offers_the_case_file(client, world, case):
    from tests.workspace.conftest import case_url

    client.force_login(world.officer)
    page = client.get(case_url(case)).content.decode()
    assert reverse("foi:request_case_file", args=[case.reference]) in page
