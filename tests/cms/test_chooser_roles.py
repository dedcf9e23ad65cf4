"""A body's officers reach Wagtail's admin for the workspace, with no page, document or image
right: the page chooser, the bulk-action pages and the admin API must not show them the page
tree, drafts' titles, or the document and image library. Editors keep their tools."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.models import StandardPage

SECRET = "Restructuring of the ministry"


@pytest.fixture
def draft(tree):
    page = StandardPage(title=SECRET, slug="restructuring")
    tree.home.add_child(instance=page)
    page.save_revision(user=tree.editor)
    page.live = False
    page.save()
    get_document_model().objects.create(
        title=f"{SECRET} (memo)", file=ContentFile(b"memo", name="memo.txt")
    )
    get_image_model().objects.create(title=f"{SECRET} (chart)", file=get_test_image_file())
    return page


def urls(tree, draft):
    document = get_document_model().objects.get()
    image = get_image_model().objects.get()
    return [
        "/admin/choose-page/",
        f"/admin/choose-page/{tree.home.pk}/",
        f"/admin/choose-page/{draft.pk}/",
        "/admin/choose-page/search/?q=Restructuring",
        f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}",
        f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}",
        f"/admin/bulk/wagtailimages/image/add_tags/?id={image.pk}",
        "/admin/api/main/documents/",
        f"/admin/api/main/documents/{document.pk}/",
        "/admin/api/main/images/",
        "/admin/documents/chooser/",
        "/admin/images/chooser/",
        "/admin/pages/search/?q=Restructuring",
        "/admin/search/?q=Restructuring",
        "/admin/reports/site-history/",
        "/admin/api/main/pages/?search=Restructuring",
    ]


@pytest.mark.parametrize("role", ["officer", "coordinator", "reviewer"])
def test_officers_see_no_pages_drafts_documents_or_images(client, world, tree, draft, role):
    client.force_login(getattr(world, role))
    assert client.get("/admin/").status_code == 200  # they do reach the admin
    for url in urls(tree, draft):
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), url
        assert SECRET not in response.content.decode(), url


def test_the_page_chooser_is_refused_to_them(client, world, tree, draft):
    client.force_login(world.officer)
    response = client.get(f"/admin/choose-page/{tree.home.pk}/")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_keep_their_tools(client, tree, draft, role):
    client.force_login(getattr(tree, role))
    for url in [
        f"/admin/choose-page/{tree.home.pk}/",
        "/admin/choose-page/search/?q=Restructuring",
        f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}",
        "/admin/api/main/documents/",
        "/admin/documents/chooser/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET in response.content.decode(), url
