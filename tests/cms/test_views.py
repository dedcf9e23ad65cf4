"""The CMS pages and views: who may, who may not, bad input, query budgets."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import DisclosureLogPage
from cms.services import disclosure_log_draft_create
from foi.models import Message, State
from foi.services import attachment_approve, attachment_create


@pytest.fixture
def answered(world, tree):
    foi_request = world.request(State.ANSWERED, subject="Metro ridership 2025")
    response = Message.objects.create(
        foi_request=foi_request, kind="response", audience="public", text="Ridership attached."
    )
    attachment_approve(
        attachment=attachment_create(message=response, name="ridership.csv", content=b"a,b\n"),
        actor=world.officer,
    )
    Message.objects.create(
        foi_request=foi_request, kind="internal_note", audience="internal", text="SECRET NOTE"
    )
    return foi_request


def draft_url(foi_request):
    return reverse("cms:log_draft_create", args=[foi_request.reference])


# -- publish to the disclosure log ---------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, answered):
    response = client.post(draft_url(answered))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not DisclosureLogPage.objects.exists()


@pytest.mark.parametrize("role", ["citizen", "requester", "other_officer"])
def test_people_without_the_right_are_refused(client, world, answered, role):
    client.force_login(getattr(world, role))
    assert client.get(draft_url(answered)).status_code == 403
    response = client.post(draft_url(answered))
    assert response.status_code == 403
    assert "only the body's officers and the portal's editors" in response.content.decode()
    assert not DisclosureLogPage.objects.exists()


def test_an_officer_sees_what_will_be_copied_then_creates_the_draft(client, world, answered):
    client.force_login(world.officer)
    preview = client.get(draft_url(answered)).content.decode()
    assert "Ridership attached." in preview
    assert "ridership.csv" in preview
    assert "SECRET NOTE" not in preview
    response = client.post(draft_url(answered))
    assert response.status_code == 200
    assert "Draft created" in response.content.decode()
    page = DisclosureLogPage.objects.get()
    assert not page.live and page.owner == world.officer


def test_an_editor_lands_on_the_draft_in_wagtail(client, tree, answered):
    client.force_login(tree.editor)
    response = client.post(draft_url(answered))
    page = DisclosureLogPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_twice_is_a_conflict_and_changes_nothing(client, tree, answered):
    client.force_login(tree.editor)
    client.post(draft_url(answered))
    response = client.post(draft_url(answered))
    assert response.status_code == 409
    assert "already in the disclosure log" in response.content.decode()
    assert DisclosureLogPage.objects.count() == 1


def test_a_request_not_answered_is_a_conflict(client, world, tree):
    open_request = world.request(State.IN_PROGRESS)
    client.force_login(tree.editor)
    response = client.post(draft_url(open_request))
    assert response.status_code == 409
    assert "Only answered requests" in response.content.decode()
    assert not DisclosureLogPage.objects.exists()


@pytest.mark.parametrize("reference", ["AZ-2099-999999", "not a reference"])
def test_unknown_requests_are_404(client, tree, reference):
    client.force_login(tree.editor)
    assert client.post(f"/disclosure-log/new/{reference}/").status_code == 404


def test_a_private_request_is_404_even_to_its_officer(client, world, tree):
    private = world.request(State.ANSWERED, visibility="private", private_until="2099-01-01")
    client.force_login(world.officer)
    assert client.post(draft_url(private)).status_code == 404
    assert not DisclosureLogPage.objects.exists()


# -- the compliance block and the body's disclosures ----------------------------------------


def test_the_compliance_block_of_a_body(client, tree, world, django_assert_max_num_queries):
    tree.disclosure(category="statistics", title="Air quality 2026")
    url = reverse("cms:body_compliance", args=[world.ministry.slug])
    with django_assert_max_num_queries(16):
        response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ministry of Finance" in text and "Missing" in text and "Published" in text
    fragment = client.get(reverse("cms:body_compliance_fragment", args=[world.ministry.slug]))
    assert fragment.status_code == 200
    assert "<html" not in fragment.content.decode()
    assert "Collected or summarised statistics" in fragment.content.decode()


def test_an_unknown_or_inactive_body_is_404(client, tree, world):
    assert client.get("/disclosures/bodies/no-such-body/").status_code == 404
    world.other_body.is_active = False
    world.other_body.save()
    assert client.get(f"/disclosures/bodies/{world.other_body.slug}/").status_code == 404


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_a_body_section_filters_by_category_and_year(client, tree, django_assert_max_num_queries):
    tree.disclosure(
        category="statistics", title="Statistics 2024", publication_date=date(2024, 3, 1)
    )
    tree.disclosure(category="budget", title="Budget 2025", publication_date=date(2025, 3, 1))
    tree.disclosure(category="budget", title="Draft budget", live=False)
    with django_assert_max_num_queries(30):
        page = client.get(tree.section.url).content.decode()
    assert "Statistics 2024" in page and "Budget 2025" in page and "Draft budget" not in page
    page = client.get(tree.section.url, {"category": "budget"}).content.decode()
    assert "Budget 2025" in page and "Statistics 2024" not in page
    page = client.get(tree.section.url, {"year": "2024"}).content.decode()
    assert "Statistics 2024" in page and "Budget 2025" not in page


@pytest.mark.parametrize("query", [{"year": "abc"}, {"year": "1800"}, {"category": "nope"}])
def test_a_bad_filter_says_so_and_shows_everything(client, tree, query):
    tree.disclosure(category="statistics", title="Statistics 2024")
    response = client.get(tree.section.url, query)
    text = response.content.decode()
    assert response.status_code == 200
    assert "The filter could not be applied" in text
    assert "Statistics 2024" in text


def test_a_longer_section_costs_no_more_queries(client, tree):
    tree.disclosure(category="statistics", title="One")
    before = count_queries(client, tree.section.url)
    for code in ("budget", "staff", "procurement"):
        tree.disclosure(category=code, title=f"More {code}")
    assert count_queries(client, tree.section.url) == before


def test_the_hub_lists_every_section(
    client, tree, world, django_assert_max_num_queries, no_page_cache
):
    from tests.cms.conftest import add_child

    tree.disclosure(category="statistics", title="Air quality 2026")
    with django_assert_max_num_queries(30):
        page = client.get(tree.hub.url).content.decode()
    assert "Ministry of Finance" in page
    assert "Air quality 2026" in page
    before = count_queries(client, tree.hub.url)
    from cms.models import DisclosureIndexPage

    for body in (world.other_body, world.cabinet):
        add_child(tree.hub, DisclosureIndexPage(title=body.name, slug=body.slug, body=body))
    assert count_queries(client, tree.hub.url) == before


def test_the_log_lists_published_entries_only(client, tree, world, answered):
    draft = disclosure_log_draft_create(foi_request=answered, actor=tree.editor)
    assert draft.title not in client.get(tree.log.url).content.decode()
    draft.get_latest_revision().publish(user=tree.moderator)
    page = client.get(tree.log.url).content.decode()
    assert "Metro ridership 2025" in page
    entry = client.get(DisclosureLogPage.objects.get().url).content.decode()
    assert "ridership.csv" in entry and "SECRET NOTE" not in entry
    filtered = client.get(tree.log.url, {"body": world.other_body.slug}).content.decode()
    assert "Metro ridership 2025" not in filtered
    bad = client.get(tree.log.url, {"body": "no-such-body"}).content.decode()
    assert "The filter could not be applied" in bad and "Metro ridership 2025" in bad


def test_the_home_page_shows_answers_and_disclosures_never_private_ones(client, tree, world):
    world.request(State.ANSWERED, subject="Public answered one")
    world.request(
        State.ANSWERED,
        subject="Private answered one",
        visibility="private",
        private_until="2099-01-01",
    )
    tree.disclosure(category="statistics", title="Air quality 2026")
    page = client.get(tree.home.url).content.decode()
    assert "Public answered one" in page
    assert "Private answered one" not in page
    assert "Air quality 2026" in page


# -- the Wagtail admin views ----------------------------------------------------------------


def test_publish_answers_lists_what_is_not_in_the_log(client, tree, world, answered):
    world.request(
        State.ANSWERED, subject="Secret one", visibility="private", private_until="2099-01-01"
    )
    client.force_login(tree.editor)
    page = client.get(reverse("cms_publish_answers")).content.decode()
    assert answered.reference in page
    assert "Secret one" not in page


@pytest.mark.parametrize("role", ["citizen", "officer"])
def test_publish_answers_is_for_editors(client, world, tree, role):
    client.force_login(getattr(world, role))
    response = client.get(reverse("cms_publish_answers"))
    assert response.status_code in (302, 403)


def test_staff_without_page_rights_cannot_see_publish_answers(client, world, tree):
    from django.contrib.auth.models import Permission

    world.editor.groups.clear()
    world.editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(world.editor)
    response = client.get(reverse("cms_publish_answers"))
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_compliance_report_across_bodies(client, tree, world):
    client.force_login(tree.editor)
    response = client.get(reverse("cms_compliance_report"))
    assert response.status_code == 200
    assert "Ministry of Finance" in response.content.decode()
    client.force_login(world.citizen)
    assert client.get(reverse("cms_compliance_report")).status_code == 302


def test_the_compliance_block_as_a_template_tag(tree, world):
    from django.template import Context, Template

    html = Template("{% load disclosure_tags %}{% disclosure_compliance body 3 %}").render(
        Context({"body": world.ministry})
    )
    assert "<h3" in html and "Collected or summarised statistics" in html


def test_an_editor_can_edit_the_draft_entry_in_wagtail(client, tree, answered):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    page = disclosure_log_draft_create(foi_request=answered, actor=tree.editor)
    client.force_login(tree.editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "Ridership by station, month by month.",
            "answer": streamfield([("paragraph", rich_text("<p>Ridership attached.</p>"))]),
            "documents": inline_formset(
                [{"id": item.pk, "document": item.document_id} for item in page.documents.all()],
                initial=1,
            ),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, data).status_code == 302
    page = DisclosureLogPage.objects.get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    assert draft.summary == "Ridership by station, month by month."
    assert draft.body == page.body and draft.request_reference == answered.reference
    assert not page.live


# -- pages of the lists ---------------------------------------------------------------------


def test_a_sections_publications_come_in_pages(client, tree, monkeypatch):
    from cms.models import DisclosureIndexPage

    monkeypatch.setattr(DisclosureIndexPage, "page_size", 2)
    for year in (2021, 2022, 2023):
        tree.disclosure(title=f"Statistics {year}", publication_date=date(year, 3, 1))
    first = client.get(tree.section.url).content.decode()
    assert "Statistics 2023" in first and "Statistics 2021" not in first
    assert 'class="govuk-pagination"' in first and "Page 1 of 2" in first
    second = client.get(tree.section.url, {"page": 2, "category": "statistics"})
    text = second.content.decode()
    assert "Statistics 2021" in text and "Statistics 2023" not in text
    assert 'rel="prev"' in text and "category=statistics" in text
    # A page number that is not one shows the first or the last page, never an error.
    assert "Statistics 2023" in client.get(tree.section.url, {"page": "abc"}).content.decode()
    assert "Statistics 2021" in client.get(tree.section.url, {"page": 99}).content.decode()


def test_one_page_has_no_pagination(client, tree):
    tree.disclosure(title="Statistics 2024")
    page = client.get(tree.section.url).content.decode()
    assert "govuk-pagination" not in page
    assert "govuk-pagination" not in client.get(tree.log.url).content.decode()


def test_the_log_comes_in_pages(client, tree, world, monkeypatch):
    from cms.models import DisclosureLogIndexPage

    monkeypatch.setattr(DisclosureLogIndexPage, "page_size", 1)
    for subject in ("First answer", "Second answer"):
        foi_request = world.request(State.ANSWERED, subject=subject)
        Message.objects.create(
            foi_request=foi_request, kind="response", audience="public", text="Here."
        )
        draft = disclosure_log_draft_create(foi_request=foi_request, actor=tree.editor)
        draft.get_latest_revision().publish(user=tree.moderator)
    first = client.get(tree.log.url).content.decode()
    second = client.get(tree.log.url, {"page": 2}).content.decode()
    assert ("First answer" in first) != ("First answer" in second)
    assert ("Second answer" in first) != ("Second answer" in second)
    assert 'aria-current="page"' in first and 'rel="next"' in first
