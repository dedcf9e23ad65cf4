"""Nothing private reaches anyone not entitled to it: no page, feed, list, export, search or API
answer.

One answered public request carries everything that must stay private: a requester shown under
a pseudonym, with a real name, e-mail, postal address and phone; an internal note; a
parties-only message; and a file not approved for publication (its name and its content). A
private request carries its own subject. Every public surface is read by a visitor, an unrelated
citizen, another body's officer and an editor as raw text (JSON also with its escapes decoded),
and none of the secrets may appear in it; each surface must also show the request's public
parts, so that it really is reading this request. Then what each party sees of the request:
the requester and a reviewer their parties' view, the body everything.

(The search index has its own leak tests: tests/search/test_leaks.py.)
"""

import json

import pytest
from django.urls import reverse

from foi import services
from foi.models import Message, State
from tests.factories import AppealFactory
from tests.foi.portal import draft_of, home_page

SECRETS = [
    "Zərifə",  # the real first name, hidden behind the pseudonym
    "Gizliyeva",  # the real last name
    "zarifa.secret@example.org",
    "Gizli küçəsi 99",
    "+994 00 999 99 99",
    "INTERNAL-NOTE-TEXT",
    "PARTIES-ONLY-TEXT",
    "unapproved-secret.txt",
    "UNAPPROVED-CONTENT",
    "PRIVATE-REQUEST-SUBJECT",
    "Təsdiqova",  # the name a state identity provider vouched for (officers only)
]
PARTY_SECRETS = ["PARTIES-ONLY-TEXT", "unapproved-secret.txt"]
CONTACT = ["zarifa.secret@example.org", "Gizli küçəsi 99", "+994 00 999 99 99", "Gizliyeva"]
VIEWERS = ["anonymous", "citizen", "other_officer", "editor"]
SURFACES = ["pages", "feeds", "exports", "search", "api"]


@pytest.fixture
def leaky(world, committed):
    person = world.requester
    person.first_name, person.last_name = "Zərifə", "Gizliyeva"
    person.email = "zarifa.secret@example.org"
    person.postal_address = "Gizli küçəsi 99"
    person.phone = "+994 00 999 99 99"
    person.verified_name, person.name_verified_by = "Zərifə Təsdiqova", "e-Gov"
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
    with committed():  # indexed for search, as a real commit would
        foi_request = services.foi_request_answer(
            foi_request=foi_request,
            actor=world.officer,
            outcome="full",
            text="The water quality reports are attached.",
            files=[
                ("approved-report.txt", b"APPROVED-CONTENT water quality"),
                ("unapproved-secret.txt", b"UNAPPROVED-CONTENT water quality"),
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


def public_urls(foi_request) -> dict[str, list[str]]:
    reference, slug = foi_request.reference, foi_request.body.slug
    requests, export = reverse("foi:request_list"), "foi:request_export"
    return {
        "pages": [
            "/",
            requests,
            requests + f"?body={slug}&state=answered&outcome=full",
            reverse("foi:request_detail", args=[reference]),
            reverse("foi:body_list"),
            reverse("foi:body_list") + "?q=finance",
            reverse("foi:body_detail", args=[slug]),
            reverse("foi:body_autocomplete") + "?q=finance",
        ],
        "feeds": [
            reverse("foi:request_feed"),
            reverse("foi:request_timeline_feed", args=[reference]),
            reverse("foi:body_feed", args=[slug]),
        ],
        "exports": [
            reverse(export, args=["csv"]),
            reverse(export, args=["json"]),
            reverse(export, args=["csv"]) + f"?body={slug}&state=answered",
        ],
        # (The page repeats the query: the secrets searched for are in assert_shown.)
        "search": ["/search/?q=water", "/search/?q=quality&outcome=full", "/search/?q=unapproved"],
        "api": [
            "/api/v1/requests/",
            "/api/v1/requests/?q=water",
            f"/api/v1/requests/?body={slug}&state=answered",
            f"/api/v1/requests/{reference}/",
            # The open case format (docs/case-format.md): the public's view of the whole case.
            f"/api/v1/requests/{reference}/case/",
            "/api/v1/search/?q=water",
            "/api/v1/search/?q=quality&outcome=full",
            "/api/v1/search/?q=Zərifə",
            "/api/v1/search/?q=unapproved",
            "/api/v1/bodies/",
            f"/api/v1/bodies/{slug}/",
        ],
    }


def readable(response) -> str:
    """The answer as text; JSON also with its escapes decoded (DRF writes non-ASCII as is, but a
    secret must not hide behind ``\\u`` escapes either)."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    text = raw.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        text += json.dumps(json.loads(text), ensure_ascii=False)
    return text


def reader_for(surface, viewer, world, client, api):
    """The viewer's client: the API with the person's token, everything else with a session."""
    user = None if viewer == "anonymous" else getattr(world, viewer)
    if surface == "api":
        return api.as_(user)
    if user is not None:
        client.force_login(user)
    return client


def assert_shown(surface, reader, leaky):
    """The public parts are there, so the reads of this surface really showed this request."""
    detail = reverse("foi:request_detail", args=[leaky.reference])
    if surface == "pages":
        case = readable(reader.get(detail))
        assert "Qələm" in case and "approved-report.txt" in case
        assert leaky.subject in readable(reader.get("/"))
    elif surface == "feeds":
        assert leaky.subject in readable(reader.get(reverse("foi:request_feed")))
        assert "Qələm" in readable(
            reader.get(reverse("foi:request_timeline_feed", args=[leaky.reference]))
        )
    elif surface == "exports":
        exported = readable(reader.get(reverse("foi:request_export", args=["csv"])))
        assert leaky.reference in exported and leaky.subject in exported
    elif surface == "search":
        assert detail in readable(reader.get("/search/?q=water"))
        for secret in ("Zərifə", "Gizliyeva", "INTERNAL-NOTE-TEXT", "PARTIES-ONLY-TEXT"):
            assert detail not in readable(reader.get("/search/", {"q": secret})), secret
    else:
        api_detail = readable(reader.get(f"/api/v1/requests/{leaky.reference}/"))
        assert "Qələm" in api_detail and "approved-report.txt" in api_detail
        assert reader.get("/api/v1/search/?q=water").json()["count"] == 1


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("surface", SURFACES)
def test_no_public_surface_leaks(client, api, world, leaky, surface, viewer):
    if surface == "pages":
        home_page()
    reader = reader_for(surface, viewer, world, client, api)
    for url in public_urls(leaky)[surface]:
        response = reader.get(url)
        assert response.status_code == 200, url
        text = readable(response)
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked to {viewer} at {url}"
    assert_shown(surface, reader, leaky)


def test_another_citizens_own_pages_do_not_leak(client, world, leaky, settings):
    """A citizen who follows the request, and who files one of their own that finds it among
    the similar answered requests."""
    services.follow_create(user=world.citizen, foi_request=leaky)
    services.follow_create(user=world.citizen, body=leaky.body)
    client.force_login(world.citizen)
    # foi's own word match (the search app's finder reads the index, which has its own leak
    # tests in tests/search/test_leaks.py).
    settings.FOI_SIMILAR_REQUESTS_FINDER = ""
    draft = services.foi_request_create_draft(
        requester=world.citizen,
        body=world.ministry,
        subject="Water quality in Sumqayıt",
        text="Water quality reports",
    )
    pages = [
        reverse("foi:dashboard"),
        reverse("foi:filing_details", args=[draft.pk]),
        reverse("foi:filing_preview", args=[draft.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = readable(response)
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked on {url}"
    assert leaky.subject in client.get(pages[1]).content.decode()  # listed as similar


def test_unapproved_files_cannot_be_downloaded_by_the_public(client, world, leaky):
    pending = leaky.messages.get(kind="response").attachments.get(
        original_name="unapproved-secret.txt"
    )
    url = reverse("foi:attachment_download", args=[leaky.reference, pending.pk])
    assert client.get(url).status_code == 404


def test_the_requesters_own_draft_never_appears_in_public(client, world, leaky):
    home_page()
    draft = draft_of(world, subject="DRAFT-SUBJECT-TEXT")
    for url in [url for surface in SURFACES for url in public_urls(leaky)[surface]]:
        assert "DRAFT-SUBJECT-TEXT" not in readable(client.get(url)), url
    assert client.get(reverse("foi:filing_letter", args=[draft.pk])).status_code == 302


def test_the_requester_sees_their_contact_details_but_no_internal_note(api, world, leaky):
    text = readable(api.as_(world.requester).get(f"/api/v1/requests/{leaky.reference}/"))
    for secret in CONTACT + PARTY_SECRETS:
        assert secret in text
    assert "INTERNAL-NOTE-TEXT" not in text


def test_the_body_sees_everything(api, world, leaky):
    text = readable(api.as_(world.officer).get(f"/api/v1/requests/{leaky.reference}/"))
    for secret in [*CONTACT, *PARTY_SECRETS, "INTERNAL-NOTE-TEXT"]:
        assert secret in text


def test_a_reviewer_sees_the_parties_view_without_internal_notes(api, world, leaky):
    AppealFactory(
        foi_request=leaky, level=world.levels["internal_review"], reviewing_body=world.cabinet
    )
    text = readable(api.as_(world.reviewer).get(f"/api/v1/requests/{leaky.reference}/"))
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
