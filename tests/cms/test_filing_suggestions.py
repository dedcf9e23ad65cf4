"""At filing, published proactive disclosures like the draft are suggested beside similar
requests (``search.similar_disclosures`` through ``FOI_SIMILAR_DISCLOSURES_FINDER``); never a
draft, unpublished or private page, even when the index lags behind."""

from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail.models import PageViewRestriction

from cms.models import DisclosurePage
from foi import selectors
from search import similar_disclosures
from tests.foi.portal import draft_of

TITLE = "Su təchizatı tarifləri 2026"
DRAFT = {
    "subject": "Water supply tariffs",
    "text": "Please send the water supply tariffs for 2026.",
}


@pytest.fixture
def published(tree, django_capture_on_commit_callbacks):
    def make(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return tree.disclosure(
                title=fields.pop("title", TITLE),
                summary=fields.pop("summary", "Water supply tariffs for households, 2026."),
                **fields,
            )

    return make


def details(client, world, draft):
    client.force_login(world.requester)
    return client.get(reverse("foi:filing_details", args=[draft.pk])).content.decode()


def test_the_setting_names_the_search_app_s_finder():
    assert import_string(settings.FOI_SIMILAR_DISCLOSURES_FINDER) is similar_disclosures


def test_a_matching_published_disclosure_is_suggested_at_filing(client, world, published):
    page = published()
    draft = draft_of(world, **DRAFT)
    html = details(client, world, draft)
    assert "Similar disclosures" in html
    assert page.title in html and page.get_url() in html
    preview = client.get(reverse("foi:filing_preview", args=[draft.pk])).content.decode()
    assert page.title in preview


def test_nothing_is_suggested_when_nothing_matches(client, world, published):
    published()
    draft = draft_of(world, subject="Metro ridership", text="Passengers per station in 2025.")
    assert "Similar disclosures" not in details(client, world, draft)


def test_an_unpublished_disclosure_is_not_suggested(client, world, tree, published):
    tree.disclosure(title=TITLE, summary="Water supply tariffs.", live=False)
    draft = draft_of(world, **DRAFT)
    assert TITLE not in details(client, world, draft)


def test_a_disclosure_unpublished_later_leaves_the_suggestions(
    client, world, published, django_capture_on_commit_callbacks
):
    page = published()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert TITLE not in details(client, world, draft_of(world, **DRAFT))


def test_a_private_disclosure_is_not_suggested_even_if_the_index_lags(client, world, published):
    page = published()
    # Behind the index's back (no signal): the pages are read again before anything is shown.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)]
    )
    assert TITLE not in details(client, world, draft_of(world, **DRAFT))
    PageViewRestriction.objects.filter(page=page).delete()
    DisclosurePage.objects.filter(pk=page.pk).update(live=False)
    assert TITLE not in details(client, world, draft_of(world, **DRAFT))


def test_the_search_app_finds_only_what_is_published(world, published):
    found = similar_disclosures(text="water supply tariffs 2026")
    assert found == []  # nothing published yet
    published()
    assert [item.title for item in similar_disclosures(text="water supply tariffs 2026")] == [TITLE]


def test_a_failing_backend_never_breaks_filing(client, world, published, caplog):
    published()
    with (
        mock.patch("search.api.get_backend", side_effect=ConnectionError("down")),
        mock.patch("search.api.fallback_backend", side_effect=ConnectionError("down")),
    ):
        assert similar_disclosures(text="water supply tariffs") == []
        html = details(client, world, draft_of(world, **DRAFT))
    assert "Similar disclosures" not in html
    assert "Similar disclosures could not be found" in caplog.text


def test_no_finder_means_no_suggestion(world, published, settings):
    published()
    settings.FOI_SIMILAR_DISCLOSURES_FINDER = ""
    assert selectors.similar_disclosures(text="water supply tariffs 2026") == []


def test_another_person_s_draft_and_its_suggestions_stay_hidden(client, world, published):
    published()
    draft = draft_of(world, **DRAFT)
    client.force_login(world.citizen)
    response = client.get(reverse("foi:filing_details", args=[draft.pk]))
    assert response.status_code == 404
    assert TITLE.encode() not in response.content
