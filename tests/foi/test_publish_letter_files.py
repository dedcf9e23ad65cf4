"""Issue 19, point 3: files from a body's e-mailed reply stay for the parties until the
requester (or a moderator) publishes each one after a screen that warns about personal data;
the audit trail records who published what."""

import html

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from foi import services
from foi.models import Attachment, CaseEvent, Message, State
from foi.permissions import can_publish_letter_file
from foi.services import attachment_publish
from tests.factories import UserFactory
from tests.foi.test_classify_page import case, letter_on, post_body  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

FILE_TEXT = b"Tariffs 2026: 1.20 AZN per cubic metre."


@pytest.fixture
def moderator():
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="classify_replies"))
    return person


@pytest.fixture
def answered(world, case):  # noqa: F811
    """The letter came with a file and an archive; the requester recorded it as a full answer:
    copies of the file (not the archive) go with the public entry, unpublished."""
    foi_request, letter = case
    services.attachment_create(message=letter, name="tariffs.txt", content=FILE_TEXT)
    foi_request = services.foi_request_classify(
        foi_request=foi_request,
        actor=world.requester,
        letter=letter,
        outcome="full",
        text="PUBLIC-RECORD: the tariffs are attached.",
    )
    record = Message.objects.get(recorded_from=letter)
    return foi_request, letter, record.attachments.get()


def publish_url(attachment):
    return reverse(
        "foi:attachment_publish", args=[attachment.message.foi_request.reference, attachment.pk]
    )


def detail(foi_request):
    return reverse("foi:request_detail", args=[foi_request.reference])


def text(response) -> str:
    return html.unescape(response.content.decode())


def published(attachment) -> bool:
    return Attachment.objects.get(pk=attachment.pk).approved


def test_the_requester_sees_the_link_and_the_warning(client, world, answered):
    foi_request, _, copy = answered
    client.force_login(world.requester)
    assert publish_url(copy) in text(client.get(detail(foi_request)))
    response = client.get(publish_url(copy))
    assert response.status_code == 200
    page = text(response)
    assert "tariffs.txt" in page and "text" in page and "signatures" in page
    assert "I have checked this file" in page
    assert reverse("foi:attachment_download", args=[foi_request.reference, copy.pk]) in page


def test_publishing_needs_the_checkbox(client, world, answered):
    _, _, copy = answered
    client.force_login(world.requester)
    response = client.post(publish_url(copy), {})
    assert response.status_code == 400 and "Tick the box" in text(response)
    assert not published(copy)
    assert not CaseEvent.objects.filter(kind="attachment_published").exists()


def test_the_requester_publishes_and_the_trail_records_it(client, world, answered):
    foi_request, _, copy = answered
    client.force_login(world.requester)
    response = client.post(publish_url(copy), {"checked": "on"})
    assert response.status_code == 302
    assert published(copy)
    event = CaseEvent.objects.get(foi_request=foi_request, kind="attachment_published")
    assert event.actor == world.requester and event.message_id == copy.message_id
    assert event.data == {
        "attachment": copy.pk,
        "sha256": copy.sha256,
        "name": "tariffs.txt",
        "who": "requester",
    }
    page = text(client.get(detail(foi_request)))
    assert "File from the body's letter published (by the requester)" in page
    client.logout()
    public = text(client.get(detail(foi_request)))
    assert "tariffs.txt" in public
    download = reverse("foi:attachment_download", args=[foi_request.reference, copy.pk])
    assert b"".join(client.get(download).streaming_content) == FILE_TEXT
    # Twice is refused.
    client.force_login(world.requester)
    assert client.post(publish_url(copy), {"checked": "on"}).status_code == 409


def test_the_unpublished_copy_is_not_public(client, answered):
    foi_request, _, copy = answered
    public = text(client.get(detail(foi_request)))
    assert "tariffs.txt" not in public and publish_url(copy) not in public
    assert client.get(publish_url(copy)).status_code == 302  # sign in first


def test_a_file_on_the_letter_itself_cannot_be_made_public(client, world, case):  # noqa: F811
    _, letter = case
    original = services.attachment_create(message=letter, name="scan.txt", content=FILE_TEXT)
    client.force_login(world.requester)
    response = client.get(publish_url(original))
    assert response.status_code == 409 and "Say first what the letter is" in text(response)
    assert client.post(publish_url(original), {"checked": "on"}).status_code == 409
    assert not published(original)


def test_a_zip_archive_is_not_published(world, answered):
    from core import files

    _, _, copy = answered
    Attachment.objects.filter(pk=copy.pk).update(content_type=files.ZIP)
    copy.refresh_from_db()
    from core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        attachment_publish(attachment=copy, actor=world.requester)
    assert not published(copy)


@pytest.mark.parametrize("who", ["citizen", "other_officer", "editor"])
def test_others_may_not_publish(client, world, answered, who):
    foi_request, _, copy = answered
    client.force_login(getattr(world, who))
    assert publish_url(copy) not in text(client.get(detail(foi_request)))
    # They do not even see the unpublished file.
    assert client.get(publish_url(copy)).status_code == 404
    assert client.post(publish_url(copy), {"checked": "on"}).status_code == 404
    assert not published(copy)


def test_a_moderator_publishes(client, world, answered, moderator):
    foi_request, _, copy = answered
    client.force_login(moderator)
    assert publish_url(copy) in text(client.get(detail(foi_request)))
    assert client.get(publish_url(copy)).status_code == 200
    assert client.post(publish_url(copy), {"checked": "on"}).status_code == 302
    event = CaseEvent.objects.get(foi_request=foi_request, kind="attachment_published")
    assert event.data["who"] == "moderator" and event.actor == moderator


def test_the_permission(world, answered, moderator):
    foi_request, _, _ = answered
    assert can_publish_letter_file(foi_request, world.requester)
    assert can_publish_letter_file(foi_request, moderator)
    assert not can_publish_letter_file(foi_request, world.citizen)
    assert not can_publish_letter_file(foi_request, world.officer)
    # A request held by a body in Sorğu: its officers approve files, not the requester.
    portal_request = world.request(State.SUBMITTED)
    assert not can_publish_letter_file(portal_request, world.requester)


def test_the_requester_of_a_portal_body_cannot_publish_its_files(client, world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    foi_request = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="full",
        text="Answer.",
        files=[("pending.txt", b"PENDING")],
    )
    pending = foi_request.messages.get(kind="response").attachments.get()
    client.force_login(world.requester)
    assert client.get(publish_url(pending)).status_code == 403
    assert client.post(publish_url(pending), {"checked": "on"}).status_code == 403
    assert not published(pending)
