""" "Publish answers" with draft log entries present: editors, moderators and admins see the
drafts with their moderation state (it once failed with a 500 as soon as one draft existed);
officers and citizens are refused."""

import pytest
from django.urls import reverse

from cms.services import disclosure_log_draft_create
from foi.models import Message, State
from foi.services import attachment_approve, attachment_create


@pytest.fixture
def drafts(world, tree):
    """One draft never submitted, one in moderation."""
    pages = []
    for subject in ("Metro ridership 2025", "Bus ridership 2025"):
        foi_request = world.request(State.ANSWERED, subject=subject)
        response = Message.objects.create(
            foi_request=foi_request, kind="response", audience="public", text="Attached."
        )
        attachment_approve(
            attachment=attachment_create(message=response, name="ridership.csv", content=b"a\n"),
            actor=world.officer,
        )
        pages.append(disclosure_log_draft_create(foi_request=foi_request, actor=tree.editor))
    pages[1].get_workflow().start(pages[1], tree.editor)
    return pages


def roles(world, tree):
    return {"editor": tree.editor, "moderator": tree.moderator, "admin": world.admin}


@pytest.mark.parametrize("role", ["editor", "moderator", "admin"])
def test_the_drafts_are_listed_with_their_moderation_state(
    client, world, tree, drafts, role, django_assert_max_num_queries
):
    client.force_login(roles(world, tree)[role])
    with django_assert_max_num_queries(60):
        response = client.get(reverse("cms_publish_answers"))
    assert response.status_code == 200
    page = response.content.decode()
    for draft in drafts:
        assert draft.request_reference in page
    assert "Draft, not submitted yet" in page
    assert "In moderation: Moderator approval" in page


@pytest.mark.parametrize("role", ["officer", "coordinator", "citizen", "requester"])
def test_others_are_refused(client, world, tree, drafts, role):
    client.force_login(getattr(world, role))
    response = client.get(reverse("cms_publish_answers"))
    assert response.status_code in (302, 403)
    assert drafts[0].request_reference not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, tree, drafts):
    response = client.get(reverse("cms_publish_answers"))
    assert response.status_code == 302
    assert "login" in response["Location"]
