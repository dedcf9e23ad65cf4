"""Issue 21, point 1: the requester and the moderators redact the files that came with an
e-mailed reply of a body off the portal, on the portal's redaction page (the officers' page,
script and service), with the same checks before publishing and the same audit event."""

from __future__ import annotations

import html

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.errors import Conflict, NotPermitted
from foi import permissions, services
from foi.models import (
    PERSONAL_DATA,
    Attachment,
    CaseEvent,
    InvokedExemption,
    Message,
    Redaction,
)
from foi.services import attachment_publish
from foi.services.redactions import Box, redaction_create
from tests.factories import UserFactory
from tests.foi.test_classify_page import case, letter_on, post_body  # noqa: F401 (fixtures)
from tests.redaction.documents import text_pdf

pytestmark = pytest.mark.django_db

SECRET = "Aysel Mammadova"
BOX = ("1", "10", "27", "60", "30")  # over the complainant's line (y = 600 of 842 points)


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch):
    from redaction import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)


@pytest.fixture
def moderator():
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="classify_replies"))
    return person


def decision_pdf() -> bytes:
    return text_pdf([[(72, 700, "The minister decided"), (72, 600, f"Complainant: {SECRET}")]])


@pytest.fixture
def answered(world, case):  # noqa: F811
    """The Water Agency (no one of it in Sorğu) replied by e-mail with a PDF; the requester
    recorded the letter: a copy of the PDF goes with the public entry, unpublished."""
    foi_request, letter = case
    services.attachment_create(message=letter, name="decision.pdf", content=decision_pdf())
    foi_request = services.foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="full",
        text="The decision is attached.",
    )
    copy = Message.objects.get(recorded_from=letter).attachments.get()
    return foi_request, letter, copy


def url(attachment, name="foi:attachment_redact", *extra):
    reference = attachment.message.foi_request.reference
    return reverse(name, args=[reference, attachment.pk, *extra])


def boxes_post(rows):
    data = {"rows": str(len(rows))}
    for index, row in enumerate(rows):
        for name, value in zip(("page", "x0", "y0", "x1", "y1", "reason"), row, strict=True):
            data[f"box-{index}-{name}"] = value
    return data


def text(response) -> str:
    return html.unescape(response.content.decode())


# -- the rule (foi.permissions.can_redact_file) ----------------------------------------------


def test_the_rule_for_a_file_from_a_letter(world, answered, moderator):
    foi_request, letter, copy = answered
    assert permissions.can_redact_file(foi_request, world.requester, copy)
    assert permissions.can_redact_file(foi_request, moderator, copy)
    for person in (world.citizen, world.officer, world.other_officer, None):
        assert not permissions.can_redact_file(foi_request, person, copy), person
    # The file on the letter itself (the parties read it) is not the one that is published.
    on_letter = letter.attachments.get()
    assert not permissions.can_redact_file(foi_request, world.requester, on_letter)


def test_the_rule_for_a_file_an_officer_uploaded(world, moderator):
    foi_request = services.foi_request_answer(
        foi_request=world.request("in_progress"),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("decision.pdf", decision_pdf())],
    )
    uploaded = Attachment.objects.get(message__foi_request=foi_request)
    assert permissions.can_redact_file(foi_request, world.officer, uploaded)
    assert not permissions.can_redact_file(foi_request, world.requester, uploaded)
    assert not permissions.can_redact_file(foi_request, moderator, uploaded)
    assert not permissions.can_redact_file(foi_request, world.other_officer, uploaded)
    with pytest.raises(NotPermitted):
        redaction_create(
            attachment=uploaded,
            actor=world.requester,
            boxes=[Box(page=1, x0=0.1, y0=0.27, x1=0.6, y1=0.3, reason=PERSONAL_DATA)],
        )
    assert not Redaction.objects.exists()


def test_a_body_that_came_to_the_portal_redacts_its_own_files(world, answered):
    """Once the body has an officer in Sorğu, its officers approve its files: the requester no
    longer publishes nor redacts them."""
    foi_request, _letter, copy = answered
    from tests.factories import MembershipFactory

    MembershipFactory(body=foi_request.body, role="officer")
    assert not permissions.can_redact_file(foi_request, world.requester, copy)


# -- the page ------------------------------------------------------------------------------


def test_the_requester_redacts_and_publishes_the_copy(client, world, answered):
    foi_request, _letter, copy = answered
    client.force_login(world.requester)
    case_page = text(client.get(reverse("foi:request_detail", args=[foi_request.reference])))
    assert url(copy) in case_page
    publish_page = text(client.get(url(copy, "foi:attachment_publish")))
    assert url(copy) in publish_page

    page = client.get(url(copy))
    assert page.status_code == 200
    body = text(page)
    assert "workspace/redact.js" in body and "css/redact.css" in body
    assert url(copy, "foi:attachment_redact_page", 1) in body
    image = client.get(url(copy, "foi:attachment_redact_page", 1))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert "no-store" in image["Cache-Control"]
    assert client.get(url(copy, "foi:attachment_redact_page", 9)).status_code == 404

    response = client.post(url(copy), boxes_post([(*BOX, PERSONAL_DATA), ("",) * 6]))
    record = Redaction.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(record.redacted, "foi:attachment_publish")
    assert record.verified and record.original == copy and record.created_by == world.requester
    assert record.redacted.message_id == copy.message_id and not record.redacted.approved

    event = CaseEvent.objects.get(kind="attachment_redacted")
    assert event.actor_id == world.requester.pk
    assert event.data["sha256"] == copy.sha256
    assert event.data["redacted_sha256"] == record.redacted.sha256
    assert event.data["grounds"] == [{"reason": PERSONAL_DATA, "article": "", "passages": 1}]

    # The original is never published; the copy is, by the requester.
    with pytest.raises(Conflict):
        attachment_publish(attachment=copy, actor=world.requester)
    attachment_publish(attachment=record.redacted, actor=world.requester)
    public = text(client.get(reverse("foi:request_detail", args=[foi_request.reference])))
    assert "decision-redacted.pdf" in public and "released in part: 1 passage withheld" in public


def test_a_ground_of_the_law_is_named_on_the_public_page(client, world, answered):
    foi_request, _letter, copy = answered
    client.force_login(world.requester)
    client.post(url(copy), boxes_post([(*BOX, "official")]))
    record = Redaction.objects.get()
    assert InvokedExemption.objects.get(attachment=record.redacted).exemption.article == "35"
    attachment_publish(attachment=record.redacted, actor=world.requester)
    client.logout()
    public = text(client.get(reverse("foi:request_detail", args=[foi_request.reference])))
    assert "released in part: 1 passage withheld (grounds: 35)" in public
    assert "decision.pdf" not in public.replace("decision-redacted.pdf", "")


def test_a_copy_that_fails_its_checks_cannot_be_published(client, world, answered, monkeypatch):
    from redaction import verify

    _request, _letter, copy = answered
    failed = verify.Verification()
    failed.fail("Box 1 on page 1: its text is still in the file (test).")
    monkeypatch.setattr(verify, "verify_pdf", lambda *args: failed)
    client.force_login(world.requester)
    response = client.post(url(copy), boxes_post([(*BOX, PERSONAL_DATA)]))
    assert response.status_code == 302
    record = Redaction.objects.get()
    assert not record.verified
    with pytest.raises(Conflict):
        attachment_publish(attachment=record.redacted, actor=world.requester)
    assert not Attachment.objects.get(pk=record.redacted_id).approved


def test_a_moderator_redacts_from_the_queue(client, world, answered, moderator):
    _request, _letter, copy = answered
    moderator.is_staff = True
    moderator.save()
    moderator.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(moderator)
    queue = text(client.get(reverse("foi_workspace:replies")))
    assert url(copy) in queue and url(copy, "foi:attachment_publish") in queue
    assert client.get(url(copy)).status_code == 200
    response = client.post(url(copy), boxes_post([(*BOX, PERSONAL_DATA)]))
    assert response.status_code == 302
    record = Redaction.objects.get()
    assert record.created_by == moderator
    queue = text(client.get(reverse("foi_workspace:replies")))
    assert "Has a redacted copy" in queue and url(copy) not in queue
    assert url(record.redacted, "foi:attachment_publish") in queue


@pytest.mark.parametrize("who", ["citizen", "other_officer", "officer"])
def test_others_do_not_see_the_page(client, world, answered, who):
    _request, _letter, copy = answered
    client.force_login(getattr(world, who))
    assert client.get(url(copy)).status_code == 404
    assert client.post(url(copy), boxes_post([(*BOX, PERSONAL_DATA)])).status_code == 404
    assert client.get(url(copy, "foi:attachment_redact_page", 1)).status_code == 404
    assert not Redaction.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, answered):
    _request, _letter, copy = answered
    response = client.post(url(copy), boxes_post([(*BOX, PERSONAL_DATA)]))
    assert response.status_code == 302 and "next=" in response["Location"]
    assert client.get(url(copy, "foi:attachment_redact_page", 1)).status_code == 302
    assert not Redaction.objects.exists()


def test_the_requester_of_an_officer_handled_request_is_refused(client, world):
    foi_request = services.foi_request_answer(
        foi_request=world.request("in_progress"),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("decision.pdf", decision_pdf())],
    )
    uploaded = Attachment.objects.get(message__foi_request=foi_request)
    client.force_login(world.requester)
    response = client.get(url(uploaded))
    assert response.status_code == 403
    assert "You may not redact this file." in text(response)
    assert client.post(url(uploaded), boxes_post([(*BOX, PERSONAL_DATA)])).status_code == 403
    assert client.get(url(uploaded, "foi:attachment_redact_page", 1)).status_code == 404
    assert not Redaction.objects.exists()


def test_bad_boxes_are_refused_with_nothing_saved(client, world, answered):
    _request, _letter, copy = answered
    client.force_login(world.requester)
    incomplete = client.post(url(copy), boxes_post([("1", "10", "", "60", "30", PERSONAL_DATA)]))
    assert incomplete.status_code == 400
    assert "Box 1 is incomplete" in text(incomplete)
    off_the_page = client.post(url(copy), boxes_post([("7", *BOX[1:], PERSONAL_DATA)]))
    assert off_the_page.status_code == 400
    not_a_ground = client.post(url(copy), boxes_post([(*BOX, "no-such-ground")]))
    assert not_a_ground.status_code == 400
    assert client.post(url(copy), {"rows": "x"}).status_code == 400
    assert not Redaction.objects.exists()
    assert not CaseEvent.objects.filter(kind="attachment_redacted").exists()


def test_find_every_occurrence(client, world, answered):
    _request, _letter, copy = answered
    client.force_login(world.requester)
    response = client.post(url(copy), {"find": "1", "terms": "mammadova", "reason": PERSONAL_DATA})
    assert response.status_code == 200
    assert 'name="box-0-page" value="1"' in text(response)
    assert client.post(url(copy), {"find": "1", "reason": PERSONAL_DATA}).status_code == 400
    assert not Redaction.objects.exists()


def test_a_published_file_or_a_copy_is_not_redacted_again(client, world, answered):
    _request, _letter, copy = answered
    client.force_login(world.requester)
    client.post(url(copy), boxes_post([(*BOX, PERSONAL_DATA)]))
    record = Redaction.objects.get()
    assert client.get(url(record.redacted)).status_code == 400
    # The original of a copy: the parties no longer see it (docs/redaction.md).
    assert client.get(url(copy)).status_code == 404
    attachment_publish(attachment=record.redacted, actor=world.requester)
    assert client.get(url(record.redacted)).status_code == 400
    assert Redaction.objects.count() == 1
