"""Issue 19, point 5: the reply link in a letter to a body that answers by e-mail. Its officer
records the body's move through it without an account, for that one request only."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.errors import NotPermitted
from foi.models import Attachment, CaseEvent, State
from mail.models import OutboundEmail, ReplyLink
from mail.replylinks import (
    RATE_LIMITS,
    link_url,
    reply_link_issue,
    reply_link_revoke,
    token_for,
)
from tests.factories import PublicBodyFactory
from tests.mail.payloads import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_body(world):
    return PublicBodyFactory(
        slug="water",
        name_en="Water Agency",
        request_email="info@water.gov.example",
        law=world.law,
    )


@pytest.fixture
def requester(world):
    person = world.requester
    person.email = "aysel.private@mail.example"
    person.phone = "+994 50 123 45 67"
    person.postal_address = "Nizami küç. 10, Bakı"
    person.save()
    return person


@pytest.fixture
def case(world, post_body, requester):
    foi_request = world.request(
        State.SUBMITTED,
        body=post_body,
        subject="Water tariffs 2026",
        text="Please send the tariff tables.",
        due_at=timezone.now() + datetime.timedelta(days=5),
    )
    link = reply_link_issue(
        foi_request=foi_request, body=post_body, address="info@water.gov.example"
    )
    return foi_request, link


def url_of(link, reference=None):
    return reverse("reply_link", args=[reference or link.foi_request.reference, token_for(link)])


def test_the_letter_to_an_email_body_carries_its_link(world, post_body, committed):
    from mail.notify import Fanout, body_email_send, letter_of

    foi_request = world.request(State.SUBMITTED, body=post_body)
    fanout = Fanout(None, foi_request=foi_request)
    outbound = body_email_send(fanout, body=post_body, key="letter", message=letter_of(foi_request))
    link = ReplyLink.objects.get(foi_request=foi_request)
    assert link.body == post_body and link.address == "info@water.gov.example"
    assert link.appeal is None
    assert link_url(link) in outbound.body_text and link_url(link) in outbound.body_html
    # Issued once, on the audit trail, without the token.
    event = CaseEvent.objects.get(foi_request=foi_request, kind="reply_link_issued")
    assert event.data["link"] == link.pk and token_for(link) not in str(event.data)
    # A second letter to the same address reuses the link.
    again = body_email_send(fanout, body=post_body, key="letter", message=None)
    assert ReplyLink.objects.filter(foi_request=foi_request).count() == 1
    assert link_url(link) in again.body_text


@pytest.mark.parametrize("portal", [True, False])
def test_only_an_email_bodys_letter_carries_a_link(world, post_body, committed, portal):
    from foi.services import foi_request_file

    foi_request = world.request(State.DRAFT, body=world.ministry if portal else post_body)
    committed(lambda: foi_request_file(foi_request=foi_request, actor=world.requester))
    if not portal:
        [letter] = OutboundEmail.objects.filter(kind="letter")
        link = ReplyLink.objects.get(foi_request=foi_request)
        assert link_url(link) in letter.body_text
        return
    assert OutboundEmail.objects.filter(kind="new_request").exists()
    assert not OutboundEmail.objects.filter(kind="letter").exists()
    assert not ReplyLink.objects.exists()
    assert "/reply/" not in "".join(OutboundEmail.objects.values_list("body_text", flat=True))


def test_the_page_shows_the_request_and_no_contact_details(client, world, case, requester):
    foi_request, link = case
    other = world.request(State.SUBMITTED, subject="Hospital budgets elsewhere")
    response = client.get(url_of(link))
    assert response.status_code == 200
    page = response.content.decode()
    assert foi_request.reference in page and "Water tariffs 2026" in page
    assert "Please send the tariff tables." in page
    for detail in (requester.email, "123 45 67", "Nizami", requester.last_name):
        assert detail not in page
    assert other.reference not in page and "Hospital budgets" not in page
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"


def test_an_answer_through_the_link_is_the_bodys_move(client, world, case):
    foi_request, link = case
    response = client.post(
        url_of(link),
        {
            "version": foi_request.version,
            "outcome": "full",
            "text": "The tariff tables are attached.",
            "files": [SimpleUploadedFile("tariffs.pdf", PDF, content_type="application/pdf")],
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    foi_request.refresh_from_db()
    assert foi_request.state == State.ANSWERED and foi_request.outcome == "full"
    event = CaseEvent.objects.filter(foi_request=foi_request).order_by("-seq").first()
    assert event.kind == "answer" and event.actor is None
    assert event.actor_label == "reply_link" and event.data["link"] == link.pk
    assert event.message.from_body == link.body
    [attachment] = Attachment.objects.filter(message=event.message)
    assert attachment.original_name == "tariffs.pdf" and not attachment.approved
    link.refresh_from_db()
    assert link.use_count == 1 and link.last_used_at is not None


def test_a_refusal_needs_its_grounds(client, world, case):
    foi_request, link = case
    data = {"version": foi_request.version, "outcome": "refused", "text": "Secret."}
    response = client.post(url_of(link), data)
    assert response.status_code == 400
    foi_request.refresh_from_db()
    assert foi_request.state == State.SUBMITTED
    data.update(grounds=["state-secret"], grounds_note="The tables are classified.")
    assert client.post(url_of(link), data).status_code == 200
    foi_request.refresh_from_db()
    assert foi_request.state == State.REFUSED


@pytest.mark.parametrize(
    "data",
    [
        {"outcome": "no-such-thing", "text": "x"},
        {"outcome": "not_a_reply", "text": "x"},
        {"outcome": "upheld", "text": "x"},  # an appeal decision through a request's link
        {"outcome": "extension", "text": "x"},  # no reason given
        {"outcome": "extension", "text": "x", "files": "bad"},
    ],
)
def test_bad_input_is_refused_and_changes_nothing(client, case, data):
    foi_request, link = case
    data = {"version": foi_request.version, **data}
    if data.get("files") == "bad":
        data["reason"] = (foi_request.law.extension_reasons or [{"code": "volume"}])[0]["code"]
        data["files"] = [SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="x/y")]
    response = client.post(url_of(link), data)
    assert response.status_code == 400
    foi_request.refresh_from_db()
    assert foi_request.state == State.SUBMITTED


def test_a_move_the_state_does_not_allow_is_409(client, world, case):
    foi_request, link = case
    from foi.models import FOIRequest

    FOIRequest.objects.filter(pk=foi_request.pk).update(state=State.WITHDRAWN)
    foi_request.refresh_from_db()
    response = client.post(
        url_of(link), {"version": foi_request.version, "outcome": "full", "text": "Here."}
    )
    assert response.status_code == 409
    assert "withdrawn" in response.content.decode().lower()


def test_tampered_and_foreign_tokens_are_404(client, world, post_body, case):
    foi_request, link = case
    token = token_for(link)
    reference = foi_request.reference
    assert client.get(f"/requests/{reference}/reply/{token[:-2]}xx/").status_code == 404
    assert client.get(f"/requests/{reference}/reply/nonsense/").status_code == 404
    other = world.request(State.SUBMITTED, body=post_body)
    # This request's token at another request's URL.
    assert client.get(url_of(link, reference=other.reference)).status_code == 404
    response = client.post(
        url_of(link, reference=other.reference),
        {"version": other.version, "outcome": "full", "text": "x"},
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.state == State.SUBMITTED
    # A link that is gone from the database.
    link_id = link.pk
    ReplyLink.objects.filter(pk=link_id).delete()
    assert client.get(f"/requests/{reference}/reply/{token}/").status_code == 404


def test_an_expired_link_is_410(client, case):
    foi_request, link = case
    ReplyLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    response = client.get(url_of(link))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    response = client.post(
        url_of(link), {"version": foi_request.version, "outcome": "full", "text": "x"}
    )
    assert response.status_code == 410


def test_a_revoked_link_is_410_even_replayed(client, world, case):
    foi_request, link = case
    data = {"version": foi_request.version, "outcome": "acknowledgement", "text": ""}
    assert client.post(url_of(link), data).status_code == 200
    assert reply_link_revoke(link=link, actor=world.admin)
    assert not reply_link_revoke(link=link, actor=world.admin)  # once
    assert client.post(url_of(link), data).status_code == 410
    assert client.get(url_of(link)).status_code == 410
    event = CaseEvent.objects.get(foi_request=foi_request, kind="reply_link_revoked")
    assert event.actor == world.admin and event.audience == "parties"
    assert event.data["link"] == link.pk


@pytest.mark.parametrize("who", ["officer", "requester", "editor"])
def test_only_administrators_revoke(world, case, who):
    _foi_request, link = case
    with pytest.raises(NotPermitted):
        reply_link_revoke(link=link, actor=getattr(world, who))
    link.refresh_from_db()
    assert link.revoked_at is None


def test_the_admin_lists_links_without_tokens_and_revokes(client, world, case):
    _foi_request, link = case
    client.force_login(world.admin)
    listing = client.get(reverse("admin:mail_replylink_changelist"), follow=True)
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "info@water.gov.example" in page and token_for(link) not in page
    response = client.post(
        reverse("admin:mail_replylink_changelist"),
        {"action": "revoke", "_selected_action": [link.pk]},
        follow=True,
    )
    assert response.status_code == 200
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by == world.admin


@pytest.mark.parametrize("who", ["editor", "officer", "requester"])
def test_nobody_else_sees_the_links_in_the_admin(client, world, case, who):
    _foi_request, link = case
    user = getattr(world, who)
    user.is_staff = True
    user.save()
    client.force_login(user)
    response = client.post(
        reverse("admin:mail_replylink_changelist"),
        {"action": "revoke", "_selected_action": [link.pk]},
    )
    assert response.status_code in (302, 403)
    link.refresh_from_db()
    assert link.revoked_at is None


def test_posts_are_rate_limited_per_link(client, case):
    foi_request, link = case
    data = {"version": foi_request.version, "outcome": "no-such-thing", "text": "x"}
    for _ in range(RATE_LIMITS["link"]):
        assert client.post(url_of(link), data).status_code == 400
    response = client.post(url_of(link), data)
    assert response.status_code == 429
    # Looking is not limited.
    assert client.get(url_of(link)).status_code == 200


def test_posts_are_rate_limited_per_client_address(client, world, post_body, case, settings):
    RATE_LIMITS_BEFORE = dict(RATE_LIMITS)
    RATE_LIMITS["ip"] = 3
    try:
        others = []
        for _ in range(4):
            other = world.request(State.SUBMITTED, body=post_body)
            others.append(
                reply_link_issue(foi_request=other, body=post_body, address="a@b.example")
            )
        statuses = [
            client.post(url_of(other), {"version": 1, "outcome": "x"}).status_code
            for other in others
        ]
    finally:
        RATE_LIMITS.update(RATE_LIMITS_BEFORE)
    assert statuses == [400, 400, 400, 429]


def test_a_link_acts_only_while_its_body_holds_the_request(client, world, case):
    foi_request, link = case
    from foi.models import FOIRequest

    FOIRequest.objects.filter(pk=foi_request.pk).update(body=world.other_body)
    foi_request.refresh_from_db()
    response = client.post(
        url_of(link), {"version": foi_request.version, "outcome": "full", "text": "Here."}
    )
    assert response.status_code == 403
    foi_request.refresh_from_db()
    assert foi_request.state == State.SUBMITTED
