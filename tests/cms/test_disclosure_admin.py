"""Editing and previewing a disclosure in Wagtail: the related requests an editor may choose,
and the preview an editor and a moderator see before a first publication."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from foi.models import State


@pytest.fixture
def public_request(world, tree):
    return world.request(State.ANSWERED, subject="Budget lines 2025")


@pytest.fixture
def private_request(world, tree):
    return world.request(State.ANSWERED, subject="Private budget", visibility="private")


@pytest.fixture
def unpublished(tree, public_request):
    """A disclosure never published, submitted to moderation with a related request."""
    page = tree.disclosure(live=False, title="Budget execution 2025", summary="Quarterly.")
    page.related_requests.set([public_request])
    page.save_revision(user=tree.editor)
    return page


def form_data(page, related):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "category": page.category_id,
            "publication_date": page.publication_date.isoformat(),
            "summary": page.summary,
            "text": streamfield([]),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
        }
    ) | {"related_requests": [item.pk for item in related]}


def test_the_editor_chooses_among_public_requests_only(
    client, tree, unpublished, public_request, private_request
):
    client.force_login(tree.editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[unpublished.pk])).content.decode()
    select = re.search(r'<select name="related_requests".*?</select>', page, re.S).group(0)
    assert re.search(rf'<option value="{public_request.pk}" selected>', select)
    assert public_request.reference in select
    assert f'value="{private_request.pk}"' not in select


def test_the_editor_previews_a_never_published_disclosure(
    client, tree, unpublished, public_request
):
    client.force_login(tree.editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[unpublished.pk])
    response = client.post(url, form_data(unpublished, [public_request]))
    assert response.json()["is_valid"]
    preview = client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Budget execution 2025" in html and public_request.reference in html


def test_the_moderator_sees_the_revision_of_a_never_published_disclosure(
    client, tree, unpublished, public_request
):
    client.force_login(tree.moderator)
    revision = unpublished.get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_view", args=[unpublished.pk, revision.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert public_request.reference in response.content.decode()


def test_a_private_request_cannot_be_linked(client, tree, unpublished, private_request):
    client.force_login(tree.editor)
    url = reverse("wagtailadmin_pages:edit", args=[unpublished.pk])
    response = client.post(url, form_data(unpublished, [private_request]))
    assert response.status_code == 200  # the form again, with its error
    assert private_request not in unpublished.get_latest_revision_as_object().related_requests.all()
