"""Nothing private reaches a public page, feed or list.

One answered public request carries everything that must stay private: a requester shown
under a pseudonym, with a real name, e-mail, postal address and phone; an internal note; a
parties-only message; and a file not approved for publication. Every public page, feed and list
(and the pages another citizen or an officer of another body sees) is rendered, and none of the
secrets may appear in any of them.
"""

import pytest
from django.urls import reverse

from foi import services
from foi.models import Message, State
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
]


@pytest.fixture
def leaky(world):
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
    foi_request = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="full",
        text="The water quality reports are attached.",
        files=[
            ("approved-report.txt", b"APPROVED-CONTENT"),
            ("unapproved-secret.txt", b"UNAPPROVED-CONTENT"),
        ],
    )
    approved = foi_request.messages.get(kind="response").attachments.get(
        original_name="approved-report.txt"
    )
    services.attachment_approve(attachment=approved, actor=world.officer)
    return foi_request


def public_urls(foi_request, world):
    reference, slug = foi_request.reference, foi_request.body.slug
    return [
        "/",
        reverse("foi:request_list"),
        reverse("foi:request_list") + f"?body={slug}&state=answered&outcome=full",
        reverse("foi:request_detail", args=[reference]),
        reverse("foi:request_feed"),
        reverse("foi:request_timeline_feed", args=[reference]),
        reverse("foi:body_list"),
        reverse("foi:body_list") + "?q=finance",
        reverse("foi:body_detail", args=[slug]),
        reverse("foi:body_feed", args=[slug]),
        reverse("foi:body_autocomplete") + "?q=finance",
    ]


def assert_clean(response, url):
    assert response.status_code == 200, url
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body, f"{secret!r} leaked on {url}"


@pytest.mark.parametrize("viewer", ["anonymous", "citizen", "other_officer"])
def test_no_public_page_feed_or_list_leaks(client, world, leaky, viewer):
    home_page()
    if viewer != "anonymous":
        client.force_login(getattr(world, viewer))
    for url in public_urls(leaky, world):
        assert_clean(client.get(url), url)
    # What is public does appear, so the pages above really show this request.
    case = client.get(reverse("foi:request_detail", args=[leaky.reference])).content.decode()
    assert "Qələm" in case and "approved-report.txt" in case
    assert leaky.subject in client.get("/").content.decode()


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
        assert_clean(client.get(url), url)
    assert leaky.subject in client.get(pages[1]).content.decode()  # listed as similar


def test_unapproved_files_cannot_be_downloaded_by_the_public(client, world, leaky):
    pending = leaky.messages.get(kind="response").attachments.get(
        original_name="unapproved-secret.txt"
    )
    url = reverse("foi:attachment_download", args=[leaky.reference, pending.pk])
    assert client.get(url).status_code == 404


def test_the_requesters_own_draft_never_appears_in_public(client, world, leaky):
    draft = draft_of(world, subject="DRAFT-SUBJECT-TEXT")
    for url in public_urls(leaky, world)[1:]:
        assert "DRAFT-SUBJECT-TEXT" not in client.get(url).content.decode(), url
    assert client.get(reverse("foi:filing_letter", args=[draft.pk])).status_code == 302
