"""The open case format: its JSON Schema at a stable address, and the API's case export,
validated against it (jsonschema's Draft202012Validator, with format checking) for each kind of
viewer, each seeing only what docs/permissions.md lets them see."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from foi import case_format, services
from foi.models import FOIRequest, State
from tests.api.conftest import assert_one_sentence
from tests.foi.conftest import case  # noqa: F401  (the shared case, a fixture)

SCHEMA_URL = "/api/schema/case/v1.json"


def validator(api) -> Draft202012Validator:
    schema = api.get(SCHEMA_URL).json()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def export(api, user, reference):
    return api.as_(user).get(f"/api/v1/requests/{reference}/case/")


@pytest.fixture
def pseudonymous(case):  # noqa: F811
    """The shared case (a letter, a parties-only e-mail, an internal note, an approved and an
    unapproved file, an appeal), its requester under a pseudonym, with contact details."""
    FOIRequest.objects.filter(pk=case.pk).update(
        public_name_choice="pseudonym", pseudonym="Qarağac", public_name="Qarağac"
    )
    case.requester.phone = "+994 50 123 45 67"
    case.requester.save()
    case.refresh_from_db()
    return case


@pytest.fixture
def refused(world):
    """A public request refused on two grounds, one of them about a file."""
    foi_request = world.request(State.IN_PROGRESS)
    return services.foi_request_refuse(
        foi_request=foi_request,
        actor=world.officer,
        grounds=[
            {"code": "state-secret", "note": "Military budget lines"},
            {"code": "personal-data", "note": ""},
        ],
        text="The report is secret.",
    )


@pytest.fixture
def private(world):
    until = timezone.localdate() + datetime.timedelta(days=90)
    foi_request = world.request(
        State.IN_PROGRESS, visibility="private", private_until=until, subject="PRIVATE-SUBJECT"
    )
    services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="PRIVATE-NOTE")
    return FOIRequest.objects.get(pk=foi_request.pk)


# -- the schema ----------------------------------------------------------------------------------


def test_the_schema_is_draft_2020_12_at_its_stable_address_with_id_and_version(api, world):
    response = api.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/schema+json")
    schema = response.json()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(SCHEMA_URL) and schema["$id"].startswith("http")
    assert schema["version"] == case_format.VERSION
    assert reverse("api:case_schema_v1") == SCHEMA_URL == case_format.PATH
    Draft202012Validator.check_schema(schema)
    # Open to anyone, even with a bad token.
    api.credentials(HTTP_AUTHORIZATION="Token nonsense")
    assert api.get(SCHEMA_URL).status_code == 200


def test_the_openapi_schema_is_still_served_beside_it(api, world):
    assert api.get("/api/schema/?format=json").json()["openapi"].startswith("3.")


def _properties(node, path="$"):
    """Every property of every object in the schema, with where it is."""
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{path}.{name}", value
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, path)


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


def test_every_field_is_documented_and_every_object_closed(world):
    schema = case_format.case_schema()
    fields = list(_properties(schema))
    assert len(fields) > 60
    for where, field in fields:
        assert field.get("description", "").strip(), f"{where} has no description"
    for node in _objects(schema):
        assert node["additionalProperties"] is False
        assert sorted(node["required"]) == sorted(node["properties"])


def test_a_changed_export_no_longer_validates(api, world, pseudonymous):
    """What keeps the export and the schema together: a key added, dropped or retyped."""
    check = validator(api)
    document = export(api, world.officer, pseudonymous.reference).json()
    check.validate(document)
    for change in (
        lambda d: d["request"].update(new_field=1),
        lambda d: d["messages"][0].pop("audience"),
        lambda d: d["messages"][0]["attachments"].append({"id": 1}),
        lambda d: d["audit"]["events"][0].update(hash="not a hash"),
        lambda d: d.update(generated_at="yesterday"),
        lambda d: d.update(version="2.0"),
    ):
        changed = json.loads(json.dumps(document))
        change(changed)
        with pytest.raises(ValidationError):
            check.validate(changed)


# -- the export, by viewer -----------------------------------------------------------------------

SECRETS_OF_THE_PARTIES = ("PARTIES-ONLY", "Aysel", "Məmmədova", "+994 50", "@", "PENDING")


def test_a_public_request_seen_anonymously(api, world, pseudonymous):
    check = validator(api)
    response = export(api, None, pseudonymous.reference)
    assert response.status_code == 200
    assert response["Link"] == f'<{case_format.schema_url()}>; rel="describedby"'
    document = response.json()
    check.validate(document)
    assert document["viewer"] == "public"
    assert document["requester"] is None
    assert document["request"]["public_name"] == "Qarağac"
    assert document["request"]["assignee"] is None
    kinds = {message["kind"] for message in document["messages"]}
    assert "internal_note" not in kinds and "email_in" not in kinds
    assert {message["audience"] for message in document["messages"]} == {"public"}
    files = [a for m in document["messages"] for a in m["attachments"]]
    assert [file["name"] for file in files] == ["approved.txt"]
    assert all(file["approved"] for file in files)
    text = json.dumps(document, ensure_ascii=False)
    for secret in (*SECRETS_OF_THE_PARTIES, "INTERNAL-NOTE", world.requester.email):
        assert secret not in text, secret
    events = document["audit"]["events"]
    assert len(events) == document["audit"]["length"] == pseudonymous.audit_length
    assert events[-1]["hash"] == document["audit"]["head"]
    assert all(event["canonical"] is None for event in events)
    assert any(event["withheld"] for event in events), "the internal note's event"
    assert (document["appeals"][0]["level"], document["appeals"][0]["grounds"]) == (
        "internal_review",
        "Short.",
    )


def test_the_requester_sees_theirs_but_no_internal_notes(api, world, pseudonymous):
    check = validator(api)
    document = export(api, world.requester, pseudonymous.reference).json()
    check.validate(document)
    assert document["viewer"] == "requester"
    assert document["requester"]["name"] == "Aysel Məmmədova"
    assert document["requester"]["phone"] == "+994 50 123 45 67"
    kinds = {message["kind"] for message in document["messages"]}
    assert "email_in" in kinds and "internal_note" not in kinds
    assert "INTERNAL-NOTE" not in json.dumps(document, ensure_ascii=False)
    names = {a["name"] for m in document["messages"] for a in m["attachments"]}
    assert names == {"approved.txt", "pending.txt"}
    assert document["request"]["assignee"] is None
    # Parties check each event's content: the canonical JSON hashes to the event's hash.
    import hashlib

    previous = "0" * 64
    for event in document["audit"]["events"]:
        assert event["prev_hash"] == previous
        if not event["withheld"]:
            digest = hashlib.sha256((previous + event["canonical"]).encode()).hexdigest()
            assert digest == event["hash"]
        previous = event["hash"]


def test_a_private_request_seen_by_its_requester_and_404_to_others(api, world, private):
    check = validator(api)
    document = export(api, world.requester, private.reference).json()
    check.validate(document)
    assert document["request"]["visibility"] == "private"
    assert document["request"]["private_until"] == private.private_until.isoformat()
    assert "PRIVATE-NOTE" not in json.dumps(document, ensure_ascii=False)
    for outsider in (None, world.citizen, world.other_officer, world.editor):
        response = export(api, outsider, private.reference)
        assert response.status_code == 404
        assert "PRIVATE" not in response.content.decode()
        assert_one_sentence(response)


def test_the_officers_view_has_everything_on_their_request(api, world, pseudonymous, private):
    check = validator(api)
    document = export(api, world.officer, pseudonymous.reference).json()
    check.validate(document)
    assert document["viewer"] == "body"
    assert document["request"]["assignee"] == {
        "id": world.officer.pk,
        "name": str(world.officer),
    }
    notes = [m for m in document["messages"] if m["kind"] == "internal_note"]
    assert [note["text"] for note in notes] == ["INTERNAL-NOTE"]
    assert not any(event["withheld"] for event in document["audit"]["events"])
    assert document["requester"]["email"] == world.requester.email
    check.validate(export(api, world.coordinator, private.reference).json())


def test_decisions_carry_the_grounds_invoked(api, world, refused):
    check = validator(api)
    document = export(api, None, refused.reference).json()
    check.validate(document)
    (decision,) = document["decisions"]
    assert decision["kind"] == "refusal"
    assert [(g["code"], g["note"]) for g in decision["exemptions"]] == [
        ("state-secret", "Military budget lines"),
        ("personal-data", ""),
    ]
    message_ids = {message["id"] for message in document["messages"]}
    assert decision["message"] in message_ids
    assert document["request"]["outcome"] == "refused"


def test_an_unknown_reference_is_a_404_with_one_sentence(api, world):
    response = export(api, None, "NO-SUCH-1")
    assert response.status_code == 404
    assert_one_sentence(response)
    assert export(api, None, "A\x00B").status_code in (400, 404)


def test_the_export_reads_a_bounded_number_of_queries(
    api, world, pseudonymous, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        assert export(api, world.officer, pseudonymous.reference).status_code == 200


def test_a_public_answered_request_seen_anonymously_validates(api, world):
    answered = world.request(State.ANSWERED)
    document = export(api, None, answered.reference).json()
    validator(api).validate(document)
    assert (document["viewer"], document["request"]["state"]) == ("public", "answered")
    assert document["requester"] is None


def test_the_case_file_zip_carries_the_case_in_the_open_format(client, world, pseudonymous):
    import io
    import zipfile

    client.force_login(world.requester)
    response = client.get(reverse("foi:request_case_file", args=[pseudonymous.reference]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    document = json.loads(archive.read("case-v1.json"))
    schema = case_format.case_schema()
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(
        document
    )
    assert document["viewer"] == "requester"
    assert "INTERNAL-NOTE" not in json.dumps(document, ensure_ascii=False)
