"""A pseudonymous requester's real name, e-mail and phone typed into an answer never reach the
public: not the request page, the API, the feeds, the search index, the exports or the
disclosure log. The parties read the answer as written, and the officer is warned first."""

import json

import pytest
from django.urls import reverse

from cms.models import DisclosureLogPage
from cms.services import disclosure_log_draft_create
from foi import services
from foi.models import FOIRequest, Message, State
from search import registry, search
from tests.cms.conftest import tree  # noqa: F401 (a fixture)
from tests.workspace.conftest import action_url, grounds

ANSWER = (
    "Hörmətli Zaur Məmmədov,\n\n"
    "the water quality reports are attached. Dear Mr Mammadov, we tried to call you at "
    "050-123-45-67 and wrote to Zaur.Mammadov@mail.az. Məmmədovun sorğusu cavablandırıldı."
)
FILE_NAME = "Zaur Məmmədov cavab.txt"
# What must not be readable in public, compared in lower case.
SECRETS = ["zaur", "məmmədov", "mammadov", "050-123-45-67", "mail.az"]


def assert_masked(text: str, where: str) -> None:
    lowered = text.lower()
    for secret in SECRETS:
        assert secret not in lowered, f"{secret!r} leaked in {where}"


def assert_shown(text: str, where: str) -> None:
    assert "Hörmətli Zaur Məmmədov" in text, where
    assert "050-123-45-67" in text and "Zaur.Mammadov@mail.az" in text, where


@pytest.fixture
def pseudonymous(world):
    person = world.requester
    person.first_name, person.last_name = "Zaur", "Məmmədov"
    person.email = "zaur.mammadov@mail.az"
    person.phone = "+994 50 123 45 67"
    person.save()
    foi_request = world.request(
        State.IN_PROGRESS,
        assignee=world.officer,
        subject="Water quality reports for Sumqayıt",
        text="Please send the water quality reports.",
        public_name_choice="pseudonym",
        pseudonym="Qaranquş",
        public_name="Qaranquş",
    )
    Message.objects.create(
        foi_request=foi_request,
        kind="letter",
        author=person,
        text="Please send the water quality reports.",
    )
    return foi_request


@pytest.fixture
def published(world, pseudonymous, django_capture_on_commit_callbacks):
    """The request answered with the requester's identity in the text and a file's name, the
    file approved, everything indexed as the workflow does."""
    with django_capture_on_commit_callbacks(execute=True):
        foi_request = services.foi_request_answer(
            foi_request=pseudonymous,
            actor=world.officer,
            outcome="full",
            text=ANSWER,
            files=[(FILE_NAME, b"Water quality: good.")],
        )
    attachment = foi_request.messages.get(kind="response").attachments.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_approve(attachment=attachment, actor=world.officer)
    return FOIRequest.objects.get(pk=foi_request.pk)


# -- the officer is warned -----------------------------------------------------------------


def test_the_answer_form_warns_first_and_sends_only_when_confirmed(client, world, pseudonymous):
    client.force_login(world.officer)
    url = action_url(pseudonymous, "answer")
    data = {"version": pseudonymous.version, "outcome": "full", "text": ANSWER, **grounds()}

    first = client.post(url, data)

    assert first.status_code == 400
    page = first.content.decode()
    assert "identifies the requester" in page
    assert "Mammadov" in page and "050-123-45-67" in page  # what was found, listed
    assert 'name="confirm_identity"' in page
    assert FOIRequest.objects.get(pk=pseudonymous.pk).state == State.IN_PROGRESS
    assert not Message.objects.filter(foi_request=pseudonymous, kind="response").exists()

    second = client.post(url, {**data, "confirm_identity": "on"})

    assert second.status_code == 302, second.content.decode()[:2000]
    assert FOIRequest.objects.get(pk=pseudonymous.pk).state == State.ANSWERED
    assert Message.objects.get(foi_request=pseudonymous, kind="response").text == ANSWER


def test_a_text_without_the_identity_is_sent_at_once(client, world, pseudonymous):
    client.force_login(world.officer)
    data = {"version": pseudonymous.version, "outcome": "full", "text": "Reports attached."}
    data.update(grounds())
    assert client.post(action_url(pseudonymous, "answer"), data).status_code == 302


def test_the_refusal_form_warns_too(client, world, pseudonymous):
    client.force_login(world.officer)
    data = {
        "version": pseudonymous.version,
        "text": "Dear Mr Mammadov, no.",
        **grounds({"ground": "official", "note": "Internal working papers."}),
    }
    first = client.post(action_url(pseudonymous, "refuse"), data)
    assert first.status_code == 400 and "identifies the requester" in first.content.decode()
    assert FOIRequest.objects.get(pk=pseudonymous.pk).state == State.IN_PROGRESS


def test_the_api_answer_needs_confirm_identity(world, pseudonymous, api):
    url = f"/api/v1/requests/{pseudonymous.reference}/actions/answer/"
    payload = {"outcome": "full", "text": ANSWER}

    refused = api.as_(world.officer).post(url, payload, format="json")

    assert refused.status_code == 400
    assert "identifies the requester" in refused.json()["detail"]
    assert FOIRequest.objects.get(pk=pseudonymous.pk).state == State.IN_PROGRESS

    sent = api.as_(world.officer).post(url, {**payload, "confirm_identity": True}, format="json")

    assert sent.status_code == 200, sent.content
    assert sent.json()["state"] == State.ANSWERED


# -- the public reads it masked ------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["anonymous", "citizen", "other_officer"])
def test_the_request_page_masks_it_for_the_public(client, world, published, viewer):
    if viewer != "anonymous":
        client.force_login(getattr(world, viewer))
    page = client.get(reverse("foi:request_detail", args=[published.reference])).content.decode()
    assert_masked(page, f"the request page for {viewer}")
    assert "[name withheld]" in page and "[phone withheld]" in page
    assert "[e-mail withheld]" in page
    assert "the water quality reports are attached" in page  # the answer itself is there
    assert "Qaranquş" in page


@pytest.mark.parametrize("viewer", ["requester", "officer", "reviewer", "admin"])
def test_the_parties_read_it_as_written(client, world, published, viewer):
    if viewer == "reviewer":
        services.foi_request_appeal(
            foi_request=published, actor=world.requester, level="internal_review", grounds="Why?"
        )
    client.force_login(getattr(world, viewer))
    page = client.get(reverse("foi:request_detail", args=[published.reference])).content.decode()
    assert_shown(page, f"the request page for {viewer}")
    assert FILE_NAME in page


def test_the_approved_files_name_is_masked_for_the_public(client, published):
    attachment = published.messages.get(kind="response").attachments.get()
    url = reverse("foi:attachment_download", args=[published.reference, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert_masked(response["Content-Disposition"], "the download's file name")


def test_the_api_masks_it_for_the_public(world, published, api):
    for viewer in (None, world.citizen):
        detail = api.as_(viewer).get(f"/api/v1/requests/{published.reference}/")
        assert detail.status_code == 200
        assert_masked(detail.content.decode("unicode_escape"), "the API detail")
        answer = next(m for m in detail.json()["messages"] if m["kind"] == "response")
        assert "[name withheld]" in answer["text"]
        listing = api.as_(viewer).get("/api/v1/requests/")
        assert published.reference in listing.content.decode()
        assert_masked(listing.content.decode("unicode_escape"), "the API list")


def test_the_api_shows_it_to_the_requester(world, published, api):
    detail = api.as_(world.requester).get(f"/api/v1/requests/{published.reference}/").json()
    answer = next(m for m in detail["messages"] if m["kind"] == "response")
    assert_shown(answer["text"], "the API for the requester")


def test_the_feeds_mask_it(client, world, published):
    urls = [
        reverse("foi:request_feed"),
        reverse("foi:body_feed", args=[published.body.slug]),
        reverse("foi:request_timeline_feed", args=[published.reference]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_masked(response.content.decode(), url)
    timeline = client.get(urls[2]).content.decode()
    assert "[name withheld]" in timeline and "water quality reports are attached" in timeline


def test_the_search_index_never_holds_it(client, world, published):
    document = registry.get("request").document_for(str(published.pk))
    indexed = "\n".join([document.title, document.text, *(f.name for f in document.files)])
    assert_masked(indexed, "the search index")
    assert [hit.object_id for hit in search("water quality").hits] == [str(published.pk)]
    for word in ("Məmmədov", "Mammadov", "Zaur", "1234567", "mail.az"):
        assert search(word).hits == [], word
    page = client.get(reverse("search:search"), {"q": "water quality"}).content.decode()
    assert published.reference in page
    assert_masked(page, "the search results")
    found = client.get("/api/v1/search/", {"q": "water quality"}).content.decode("unicode_escape")
    assert published.reference in found
    assert_masked(found, "the API's search results")


def test_the_exports_mask_it(client, world, published):
    published.subject = "Reports, reply to zaur.mammadov@mail.az"
    published.save()
    for fmt in ("csv", "json"):
        response = client.get(reverse("foi:request_export", args=[fmt]))
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = content.decode()
        assert published.reference in text, fmt
        assert_masked(text if fmt == "csv" else json.dumps(json.loads(text)), fmt)


def test_the_disclosure_log_masks_it(world, published, tree):  # noqa: F811
    page = disclosure_log_draft_create(foi_request=published, actor=tree.editor)
    page = DisclosureLogPage.objects.get(pk=page.pk)
    text = "\n".join(
        [page.title, str(page.answer.render_as_block())]
        + [item.document.title for item in page.documents.all()]
    )
    assert "water quality reports are attached" in text
    assert_masked(text, "the disclosure log")


def test_a_subject_naming_the_requester_is_masked_in_lists(client, world, published, api):
    """An officer registering an oral request may type the name into its subject."""
    published.subject = "Water reports asked by Zaur Məmmədov"
    published.save()
    pages = [
        reverse("foi:request_list"),
        reverse("foi:body_detail", args=[published.body.slug]),
        reverse("foi:request_detail", args=[published.reference]),
        reverse("foi:request_feed"),
    ]
    for url in pages:
        page = client.get(url).content.decode()
        assert "Water reports asked by [name withheld]" in page, url
        assert_masked(page, url)
    listing = api.as_(None).get("/api/v1/requests/").content.decode("unicode_escape")
    assert "Water reports asked by [name withheld]" in listing
    client.force_login(world.requester)
    own = client.get(reverse("foi:request_detail", args=[published.reference])).content.decode()
    assert "Water reports asked by Zaur Məmmədov" in own
