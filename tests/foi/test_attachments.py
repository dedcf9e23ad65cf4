"""Attached files: only the allowed kinds and sizes; private until approved; approval logged."""

import pytest

from core.errors import InvalidInput, NotPermitted
from foi import services
from foi.models import Attachment, CaseEvent, FOIRequest, Message, State


def answer(world, foi_request, files):
    return services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="full", text="Here.", files=files
    )


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("tool.exe", b"MZ\x90\x00" + b"\x00" * 40, "a program"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_refused_file_refuses_the_whole_answer(world, name, content, why):
    foi_request = world.request(State.IN_PROGRESS)
    events = CaseEvent.objects.count()
    with pytest.raises(InvalidInput, match=why):
        answer(world, foi_request, [("fine.pdf", b"%PDF-1.4"), (name, content)])
    assert FOIRequest.objects.get(pk=foi_request.pk).state == State.IN_PROGRESS
    assert not Message.objects.filter(foi_request=foi_request).exists()
    assert not Attachment.objects.exists()
    assert CaseEvent.objects.count() == events


def test_the_size_limit_is_the_setting(world, settings):
    settings.FOI_ATTACHMENT_MAX_SIZE = 10
    foi_request = world.request(State.IN_PROGRESS)
    with pytest.raises(InvalidInput, match="at most"):
        answer(world, foi_request, [("big.txt", b"x" * 11)])
    assert not Attachment.objects.exists()


def test_a_file_is_private_until_approved_and_the_approval_is_logged(client, world):
    foi_request = answer(world, world.request(State.IN_PROGRESS), [("data.csv", b"a,b\n1,2\n")])
    attachment = Attachment.objects.get()
    assert attachment.content_type == "text/csv" and not attachment.approved
    public_page = client.get(f"/requests/{foi_request.reference}/").content.decode()
    assert "data.csv" not in public_page

    services.attachment_approve(attachment=attachment, actor=world.officer)
    again = services.attachment_approve(attachment=attachment, actor=world.officer)
    assert again.approved and again.approved_by == world.officer
    approvals = CaseEvent.objects.filter(foi_request=foi_request, kind="attachment_approved")
    assert [(event.actor, event.data["sha256"]) for event in approvals] == [
        (world.officer, attachment.sha256)
    ]
    assert "data.csv" in client.get(f"/requests/{foi_request.reference}/").content.decode()


def test_only_the_body_approves(world):
    answer(world, world.request(State.IN_PROGRESS), [("data.csv", b"a,b\n")])
    attachment = Attachment.objects.get()
    for outsider in (world.other_officer, world.reviewer, world.requester, world.editor):
        with pytest.raises(NotPermitted):
            services.attachment_approve(attachment=attachment, actor=outsider)
    assert not Attachment.objects.get().approved


def test_a_file_on_an_internal_note_is_never_published(world):
    foi_request = world.request(State.IN_PROGRESS)
    note = services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="x")
    attachment = services.attachment_create(message=note, name="memo.txt", content=b"internal")
    with pytest.raises(InvalidInput, match="internal"):
        services.attachment_approve(attachment=attachment, actor=world.officer)
    assert not Attachment.objects.get().approved


def test_officers_may_attach_old_office_rtf_and_tiff_but_not_a_zip(world):
    from tests.core import samples

    foi_request = world.request(State.IN_PROGRESS)
    with pytest.raises(InvalidInput, match=r"bundle\.zip cannot be attached: it is a ZIP archive"):
        answer(world, foi_request, [("bundle.zip", samples.zip_of({"a.pdf": b"%PDF-1.4"}))])
    answer(
        world,
        foi_request,
        [
            ("letter.doc", samples.real_doc()),
            ("letter.rtf", samples.rtf()),
            ("scan.tif", samples.image("TIFF")),
        ],
    )
    assert list(Attachment.objects.values_list("content_type", flat=True)) == [
        "application/msword",
        "application/rtf",
        "image/tiff",
    ]


def test_a_zip_received_by_email_is_not_approved_for_publication_as_it_is(world):
    from tests.core import samples

    foi_request = world.request(State.IN_PROGRESS)
    message = Message.objects.create(
        foi_request=foi_request, kind="email_in", audience="parties", text="Attached."
    )
    bundle = services.attachment_create(
        message=message,
        name="docs.zip",
        content=samples.zip_of({"a.pdf": b"%PDF-1.4"}),
        archives=True,
    )
    assert bundle.contents == [{"name": "a.pdf", "size": 8, "type": "application/pdf"}]
    with pytest.raises(InvalidInput, match="upload the files inside it one by one"):
        services.attachment_approve(attachment=bundle, actor=world.officer)
    assert not Attachment.objects.get(pk=bundle.pk).approved
