"""From answer to disclosure log: the draft carries the public answer and approved files only,
and stays unpublished until a moderator approves it."""

import pytest
from wagtail.documents import get_document_model

from cms.models import DisclosureLogPage
from cms.services import disclosure_log_draft_create
from foi.models import Message, State
from foi.services import (
    Conflict,
    InvalidInput,
    NotPermitted,
    NotVisible,
    attachment_approve,
    attachment_create,
)

EMAIL = "aysel.private@example.org"
PHONE = "+994 00 123 45 67"
ADDRESS = "Nümunə küçəsi 12, Bakı"
INTERNAL = "Do not mention the audit findings."
PARTIES = "Please confirm your postal address for the paper copy."
ANSWER = "The 2025 budget execution report is attached.\n\nThe annex follows by post."


@pytest.fixture
def answered(world, tree):
    requester = world.requester
    requester.email, requester.phone, requester.postal_address = EMAIL, PHONE, ADDRESS
    requester.save()
    foi_request = world.request(State.ANSWERED, subject="Budget execution report for 2025")
    Message.objects.create(
        foi_request=foi_request, kind="letter", audience="public", text="Please send it."
    )
    Message.objects.create(
        foi_request=foi_request, kind="internal_note", audience="internal", text=INTERNAL
    )
    Message.objects.create(
        foi_request=foi_request, kind="email_out", audience="parties", text=PARTIES
    )
    response = Message.objects.create(
        foi_request=foi_request,
        kind="response",
        audience="public",
        text=f"{ANSWER}\n\nWe wrote to you at {EMAIL}.",
        from_body=world.ministry,
    )
    approved = attachment_create(
        message=response, name="budget-2025.csv", content=b"item,amount\nsalaries,100\n"
    )
    attachment_approve(attachment=approved, actor=world.officer)
    attachment_create(message=response, name="draft-notes.txt", content=b"not for the public")
    note = Message.objects.get(foi_request=foi_request, kind="internal_note")
    attachment_create(message=note, name="audit.txt", content=b"internal audit")
    return foi_request


def page_text(page) -> str:
    fields = [page.title, page.summary, page.request_reference, str(page.answer.render_as_block())]
    fields += [item.document.title for item in page.documents.all()]
    return "\n".join(fields)


def test_the_draft_carries_the_answer_and_approved_files_only(tree, world, answered):
    page = disclosure_log_draft_create(foi_request=answered, actor=tree.editor)

    page = DisclosureLogPage.objects.get(pk=page.pk)
    text = page_text(page)
    assert "The 2025 budget execution report is attached." in text
    assert "The annex follows by post." in text
    assert page.body == world.ministry
    assert page.request_reference == answered.reference
    assert page.foi_request == answered
    assert [item.document.title for item in page.documents.all()] == ["budget-2025.csv"]
    with page.documents.get().document.file.open("rb") as handle:
        assert handle.read() == b"item,amount\nsalaries,100\n"
    for secret in (EMAIL, PHONE, ADDRESS, INTERNAL, PARTIES, "draft-notes", "audit", "Please send"):
        assert secret not in text
    assert get_document_model().objects.count() == 1  # the unapproved files were not copied


def test_the_draft_stays_unpublished_until_a_moderator_approves(client, tree, answered):
    page = disclosure_log_draft_create(foi_request=answered, actor=tree.editor)
    assert not page.live
    assert client.get(page.url).status_code == 404

    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "Disclosure review"
    state = workflow.start(page, tree.editor)  # the editor submits
    page.refresh_from_db()
    assert not page.live
    task_state = state.current_task_state
    task = task_state.task.specific
    # Editors are not in the approving group; moderators are.
    assert task.get_actions(page, tree.editor) == []
    assert "approve" in [name for name, *_rest in task.get_actions(page, tree.moderator)]
    task.on_action(task_state, tree.moderator, "approve")

    page.refresh_from_db()
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert "The 2025 budget execution report is attached." in response.content.decode()


@pytest.mark.parametrize("role", ["officer", "coordinator", "editor", "admin"])
def test_officers_of_the_body_and_editors_may_create_it(tree, world, answered, role):
    page = disclosure_log_draft_create(foi_request=answered, actor=getattr(world, role))
    assert DisclosureLogPage.objects.filter(pk=page.pk, live=False).exists()


@pytest.mark.parametrize("role", ["requester", "citizen", "other_officer", "reviewer"])
def test_others_may_not_and_nothing_is_saved(tree, world, answered, role):
    with pytest.raises(NotPermitted):
        disclosure_log_draft_create(foi_request=answered, actor=getattr(world, role))
    assert not DisclosureLogPage.objects.exists()
    assert not get_document_model().objects.exists()


def test_an_editor_without_page_rights_may_not(tree, world, answered):
    world.editor.groups.clear()
    with pytest.raises(NotPermitted):
        disclosure_log_draft_create(foi_request=answered, actor=world.editor)


def test_only_answered_requests(tree, world):
    refused = world.request(State.REFUSED)
    with pytest.raises(Conflict, match="Only answered requests"):
        disclosure_log_draft_create(foi_request=refused, actor=tree.editor)
    assert not DisclosureLogPage.objects.exists()


def test_a_private_request_is_not_visible(tree, world):
    private = world.request(State.ANSWERED, visibility="private", private_until="2099-01-01")
    with pytest.raises(NotVisible):
        disclosure_log_draft_create(foi_request=private, actor=tree.editor)
    with pytest.raises(NotVisible):
        disclosure_log_draft_create(foi_request=private, actor=world.officer)
    assert not DisclosureLogPage.objects.exists()


def test_an_answer_for_the_parties_only_has_nothing_to_publish(tree, world):
    foi_request = world.request(State.ANSWERED)
    Message.objects.create(
        foi_request=foi_request, kind="response", audience="parties", text="For you only."
    )
    with pytest.raises(InvalidInput, match="no public answer"):
        disclosure_log_draft_create(foi_request=foi_request, actor=tree.editor)
    assert not DisclosureLogPage.objects.exists()


def test_once_per_request(tree, answered):
    disclosure_log_draft_create(foi_request=answered, actor=tree.editor)
    with pytest.raises(Conflict, match="already in the disclosure log"):
        disclosure_log_draft_create(foi_request=answered, actor=tree.editor)
    assert DisclosureLogPage.objects.count() == 1
    assert get_document_model().objects.count() == 1


def test_a_pseudonymous_requesters_real_name_is_removed(tree, world):
    foi_request = world.request(
        State.ANSWERED, public_name_choice="pseudonym", pseudonym="Reader", public_name="Reader"
    )
    name = world.requester.get_full_name()
    Message.objects.create(
        foi_request=foi_request, kind="response", audience="public", text=f"Dear {name}, yes."
    )
    page = disclosure_log_draft_create(foi_request=foi_request, actor=tree.editor)
    text = page_text(DisclosureLogPage.objects.get(pk=page.pk))
    assert name not in text
    assert "yes." in text
