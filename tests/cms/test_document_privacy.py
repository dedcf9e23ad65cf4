"""/documents/<id>/<name> serves a document once a published page uses it; a draft's document,
or one no page uses, only to editors, moderators and admins (404 to everyone else, so that a
document's existence does not leak). Wagtail alone served any document to anyone."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.models import DisclosureDocument, StandardPage
from cms.services import disclosure_log_draft_create
from foi.models import Message, State
from foi.services import attachment_approve, attachment_create
from tests.cms.conftest import add_child

REFUSED = ["anonymous", "citizen", "requester", "officer", "other_officer"]
ALLOWED = ["editor", "moderator", "admin"]


def document(title="Audit findings 2026"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"not yet public\n", name="audit-2026.txt")
    )


def get(client, world, tree, role, url):
    person = {"moderator": tree.moderator, "editor": tree.editor}.get(role)
    if person is None and role != "anonymous":
        person = getattr(world, role)
    if person is not None:
        client.force_login(person)
    return client.get(url)


@pytest.fixture
def draft_document(tree):
    file = document()
    tree.disclosure(live=False, documents=[DisclosureDocument(document=file)])
    return file


@pytest.mark.parametrize("role", REFUSED)
def test_a_draft_pages_document_is_not_found(client, world, tree, draft_document, role):
    response = get(client, world, tree, role, draft_document.url)
    assert response.status_code == 404
    assert b"not yet public" not in b"".join(getattr(response, "streaming_content", [b""]))


@pytest.mark.parametrize("role", ALLOWED)
def test_editors_moderators_and_admins_may_download_it(client, world, tree, draft_document, role):
    response = get(client, world, tree, role, draft_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"not yet public\n"


@pytest.mark.parametrize("role", ["anonymous", "citizen", "officer"])
def test_once_the_page_is_published_anyone_may(client, world, tree, role):
    file = document()
    tree.disclosure(live=True, documents=[DisclosureDocument(document=file)])
    response = get(client, world, tree, role, file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"not yet public\n"


def test_unpublished_again_it_is_not_found_again(client, tree):
    file = document()
    page = tree.disclosure(live=True, documents=[DisclosureDocument(document=file)])
    assert client.get(file.url).status_code == 200
    page.unpublish()
    assert client.get(file.url).status_code == 404


@pytest.mark.parametrize("role", ["anonymous", "citizen", "officer"])
def test_a_document_no_page_uses_is_for_editors_only(client, world, tree, role):
    file = document()
    assert get(client, world, tree, role, file.url).status_code == 404
    client.force_login(tree.editor)
    assert client.get(file.url).status_code == 200


def test_a_document_added_in_a_draft_of_a_live_page_waits_for_publication(client, tree):
    published, added = document("Published"), document("Added in a draft")
    page = tree.disclosure(live=True, documents=[DisclosureDocument(document=published)])
    page.documents.add(DisclosureDocument(document=added))
    revision = page.save_revision(user=tree.editor)  # the live page's rows are unchanged
    assert client.get(published.url).status_code == 200
    assert client.get(added.url).status_code == 404
    revision.publish(user=tree.moderator)
    assert client.get(added.url).status_code == 200


def test_a_document_linked_from_a_published_pages_body(client, tree):
    file = document()
    page = StandardPage(title="How to appeal", slug="appeal", body=[("document", file)])
    add_child(tree.home, page)
    assert client.get(file.url).status_code == 200


def test_a_disclosure_log_drafts_files_wait_for_the_moderator(client, world, tree):
    foi_request = world.request(State.ANSWERED)
    response = Message.objects.create(
        foi_request=foi_request, kind="response", audience="public", text="Attached."
    )
    attachment_approve(
        attachment=attachment_create(message=response, name="budget.csv", content=b"a,b\n"),
        actor=world.officer,
    )
    page = disclosure_log_draft_create(foi_request=foi_request, actor=world.officer)
    file = page.documents.get().document
    assert client.get(file.url).status_code == 404
    state = page.get_workflow().start(page, tree.editor)
    state.current_task_state.task.specific.on_action(
        state.current_task_state, tree.moderator, "approve"
    )
    assert client.get(file.url).status_code == 200
