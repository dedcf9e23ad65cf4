"""Nothing private is ever found: private requests, drafts, unanswered requests, internal notes,
parties-only messages, unapproved files and requesters' contact details. What becomes private
leaves the index at once."""

import datetime

import pytest
from django.utils import timezone

from foi import services
from foi.models import Attachment, Message, State
from search import search
from search.indexing import check, index_object


def found(query):
    return [hit.object_id for hit in search(query).hits]


@pytest.fixture
def case(world, answered, committed):
    world.requester.email = "zzcontact@example.org"
    world.requester.phone = "5550001122"
    world.requester.postal_address = "Zzstreetname 5, Bakı"
    world.requester.last_name = "Zzsurname"
    world.requester.save()
    foi_request = answered(
        "Tikinti icazələri",
        text="Publicletterword: please send the permits.",
        answer="Publicanswerword: attached.",
        files=[("approved.txt", b"Approvedfileword"), ("pending.txt", b"Pendingfileword")],
        approve=False,
        public_name="Aysel Zzsurname",
    )
    with committed():
        Message.objects.create(
            foi_request=foi_request, kind="email_in", audience="parties", text="Partiesonlyword"
        )
        services.foi_request_add_note(
            foi_request=foi_request, actor=world.officer, text="Internalnoteword"
        )
        approved = Attachment.objects.get(original_name="approved.txt")
        services.attachment_approve(attachment=approved, actor=world.officer)
    return foi_request


def test_public_parts_are_found(case):
    for word in ("publicletterword", "publicanswerword", "approvedfileword", "tikinti"):
        assert found(word) == [str(case.pk)], word


@pytest.mark.parametrize(
    "word",
    [
        "partiesonlyword",
        "internalnoteword",
        "pendingfileword",
        "zzcontact",
        "5550001122",
        "zzstreetname",
        "zzsurname",
        "pending.txt",
    ],
)
def test_private_parts_are_never_found(case, word):
    assert found(word) == []


def test_a_private_request_is_never_indexed(world, answered):
    later = timezone.localdate() + datetime.timedelta(days=60)
    answered("Gizli sorğu", answer="Secretanswerword", visibility="private", private_until=later)
    assert found("secretanswerword") == []
    assert found("gizli") == []


def test_drafts_and_unanswered_requests_are_not_indexed(world, committed):
    draft = world.request(State.DRAFT, subject="Draftword")
    open_request = world.request(State.IN_PROGRESS, subject="Openword")
    with committed():
        services.foi_request_add_note(foi_request=open_request, actor=world.officer, text="x")
    assert index_object("request", str(draft.pk)) == "removed"
    assert found("draftword") == [] and found("openword") == []


def test_a_request_made_private_disappears_at_once(case, committed):
    assert found("publicanswerword") == [str(case.pk)]
    case.refresh_from_db()
    case.visibility = "private"
    case.private_until = timezone.localdate() + datetime.timedelta(days=30)
    with committed():
        case.save()
    assert found("publicanswerword") == []
    assert found("tikinti") == []
    assert check().ok


def test_an_unapproved_file_disappears_at_once_and_the_request_stays(case, committed):
    assert found("approvedfileword") == [str(case.pk)]
    attachment = Attachment.objects.get(original_name="approved.txt")
    attachment.approved = False
    with committed():
        attachment.save()
    assert found("approvedfileword") == []
    assert found("publicanswerword") == [str(case.pk)]


def test_a_message_withdrawn_from_the_public_disappears_at_once(case, committed):
    message = case.messages.get(kind="response")
    message.audience = "parties"
    with committed():
        message.save()
    assert found("publicanswerword") == []
    # The request itself no longer has a public answer, so it leaves the index altogether.
    assert found("tikinti") == []


def test_check_reports_a_document_that_must_not_be_there(case, backend):
    from search.documents import IndexDocument

    backend.upsert([IndexDocument(kind="request", object_id="999999", url="/x/", title="Leak")])
    report = check()
    assert report.extra == ["request:999999"]


def test_a_deleted_file_disappears_at_once(case, committed):
    attachment = Attachment.objects.get(original_name="approved.txt")
    with committed():
        attachment.delete()
    assert found("approvedfileword") == []
    assert found("publicanswerword") == [str(case.pk)]
