"""No personal data or private content in any API answer to someone not entitled to it.

Like tests/foi/test_leaks.py: one answered public request carries every secret (a requester
under a pseudonym with a real name, e-mail, address and phone; an internal note; a
parties-only message; an unapproved file), and one private request carries its own subject.
Every answer is checked as raw JSON text.
"""

import pytest

from foi import services
from foi.models import Message, State
from tests.factories import AppealFactory

SECRETS = [
    "Zərifə",
    "Gizliyeva",
    "zarifa.secret@example.org",
    "Gizli küçəsi 99",
    "+994 00 999 99 99",
    "INTERNAL-NOTE-TEXT",
    "PARTIES-ONLY-TEXT",
    "unapproved-secret.txt",
    "PRIVATE-REQUEST-SUBJECT",
]
PARTY_SECRETS = ["PARTIES-ONLY-TEXT", "unapproved-secret.txt"]
CONTACT = ["zarifa.secret@example.org", "Gizli küçəsi 99", "+994 00 999 99 99", "Gizliyeva"]


def _json(text):
    # Non-ASCII is written as is by DRF's JSON renderer; decode escapes anyway to be sure.
    import json

    return text + json.dumps(json.loads(text), ensure_ascii=False)


@pytest.fixture
def leaky(world, committed):
    person = world.requester
    person.first_name, person.last_name = "Zərifə", "Gizliyeva"
    person.email = "zarifa.secret@example.org"
    person.postal_address = "Gizli küçəsi 99"
    person.phone = "+994 00 999 99 99"
    person.save()
    foi_request = world.request(
        State.IN_PROGRESS,
        subject="Water quality reports for Sumqayıt",
        public_name_choice="pseudonym",
        pseudonym="Qələm",
        public_name="Qələm",
    )
    Message.objects.create(
        foi_request=foi_request, kind="letter", author=person, text="Please send the reports."
    )
    Message.objects.create(
        foi_request=foi_request, kind="email_in", audience="parties", text="PARTIES-ONLY-TEXT"
    )
    services.foi_request_add_note(
        foi_request=foi_request, actor=world.officer, text="INTERNAL-NOTE-TEXT"
    )
    with committed():
        foi_request = services.foi_request_answer(
            foi_request=foi_request,
            actor=world.officer,
            outcome="full",
            text="The water quality reports are attached.",
            files=[
                ("approved-report.txt", b"APPROVED water quality"),
                ("unapproved-secret.txt", b"UNAPPROVED water quality"),
            ],
        )
    approved = foi_request.messages.get(kind="response").attachments.get(
        original_name="approved-report.txt"
    )
    with committed():
        services.attachment_approve(attachment=approved, actor=world.officer)
    private = world.request(
        State.IN_PROGRESS,
        subject="PRIVATE-REQUEST-SUBJECT water quality",
        visibility="private",
        private_until="2099-01-01",
    )
    with committed():
        services.foi_request_answer(
            foi_request=private, actor=world.officer, outcome="full", text="Water quality."
        )
    return foi_request


def urls(foi_request):
    return [
        "/api/v1/requests/",
        "/api/v1/requests/?q=water",
        "/api/v1/requests/?body=ministry&state=answered",
        f"/api/v1/requests/{foi_request.reference}/",
        "/api/v1/search/?q=water",
        "/api/v1/search/?q=quality&outcome=full",
        "/api/v1/search/?q=Zərifə",
        "/api/v1/search/?q=unapproved",
        "/api/v1/bodies/",
        "/api/v1/bodies/ministry/",
    ]


@pytest.mark.parametrize("viewer", ["anonymous", "citizen", "other_officer", "editor"])
def test_no_answer_leaks_to_outsiders(api, world, leaky, viewer):
    api.as_(None if viewer == "anonymous" else getattr(world, viewer))
    for url in urls(leaky):
        response = api.get(url)
        assert response.status_code == 200, url
        text = _json(response.content.decode())
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked to {viewer} at {url}"
    # The public parts are there, so the answers above really show this request.
    detail = api.get(f"/api/v1/requests/{leaky.reference}/").content.decode()
    assert "Qələm" in detail and "approved-report.txt" in detail
    assert api.get("/api/v1/search/?q=water").json()["count"] == 1


def test_the_requester_sees_their_contact_details_but_no_internal_note(api, world, leaky):
    text = _json(
        api.as_(world.requester).get(f"/api/v1/requests/{leaky.reference}/").content.decode()
    )
    for secret in CONTACT + PARTY_SECRETS:
        assert secret in text
    assert "INTERNAL-NOTE-TEXT" not in text


def test_the_body_sees_everything(api, world, leaky):
    text = _json(
        api.as_(world.officer).get(f"/api/v1/requests/{leaky.reference}/").content.decode()
    )
    for secret in [*CONTACT, *PARTY_SECRETS, "INTERNAL-NOTE-TEXT"]:
        assert secret in text


def test_a_reviewer_sees_the_parties_view_without_internal_notes(api, world, leaky):
    AppealFactory(
        foi_request=leaky, level=world.levels["internal_review"], reviewing_body=world.cabinet
    )
    text = _json(
        api.as_(world.reviewer).get(f"/api/v1/requests/{leaky.reference}/").content.decode()
    )
    for secret in CONTACT + PARTY_SECRETS:
        assert secret in text
    assert "INTERNAL-NOTE-TEXT" not in text


def test_an_action_answer_shows_only_what_the_actor_may_see(api, world, leaky):
    response = api.as_(world.requester).post(
        f"/api/v1/requests/{leaky.reference}/actions/appeal/",
        {"level": "internal_review", "text": "Not everything was sent."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert "INTERNAL-NOTE-TEXT" not in response.content.decode()


def test_the_assignee_is_shown_to_the_body_only(api, world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    assert api.as_(world.coordinator).get(f"/api/v1/requests/{foi_request.reference}/").json()[
        "assignee"
    ] == {"id": world.officer.pk, "name": str(world.officer)}
    for viewer in (world.requester, world.citizen, None):
        detail = api.as_(viewer).get(f"/api/v1/requests/{foi_request.reference}/").json()
        assert detail["assignee"] is None
        assert detail["requester_contact"] is None or viewer == world.requester
