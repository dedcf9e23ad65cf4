"""Issue 24, item 3: anyone signed in suggests a new body or a correction of a body's e-mail
address, website or name; a moderator accepts or declines it (foi.services.body_suggestions)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from core.errors import Conflict, InvalidInput, NotPermitted, RateLimited
from foi import selectors, services
from foi.models import BodyContactChange, BodySuggestion, PublicBody
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(world):
    group, _created = Group.objects.get_or_create(name="Sorğu reply moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="foi", codename="classify_replies"),
    )
    person = UserFactory(is_staff=True)
    person.groups.add(group)
    return person


def suggest_website(world, user=None, value="https://new.finance.gov.example/"):
    return services.body_suggestion_create(
        user=user or world.citizen, body=world.ministry, field="website", value=value
    )


def test_a_signed_in_person_suggests_a_correction(world):
    suggestion = suggest_website(world)
    assert suggestion.is_pending and suggestion.suggested_by == world.citizen
    assert list(selectors.body_suggestion_queue(user=world.admin)) == [suggestion]


def test_nobody_signed_out_suggests(world):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotPermitted):
        suggest_website(world, user=AnonymousUser())
    assert not BodySuggestion.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("request_email", "not an address"),
        ("request_email", ""),
        ("website", "javascript:alert(1)"),
        ("website", "https://" + "a" * 250 + ".example/"),
        ("name", "   "),
        ("name", "x" * 301),
        ("address", "Baku"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(world, field, value):
    with pytest.raises(InvalidInput):
        services.body_suggestion_create(
            user=world.citizen, body=world.ministry, field=field, value=value
        )
    assert not BodySuggestion.objects.exists()


def test_a_new_body_needs_a_name_and_a_valid_address(world):
    with pytest.raises(InvalidInput):
        services.body_suggestion_create(user=world.citizen, name="", request_email="a@b.example")
    with pytest.raises(InvalidInput):
        services.body_suggestion_create(user=world.citizen, name="Agency", request_email="nope")
    assert not BodySuggestion.objects.exists()


def test_a_second_pending_suggestion_of_the_same_field_is_refused(world):
    suggest_website(world)
    with pytest.raises(Conflict, match="already suggested"):
        suggest_website(world, user=world.requester, value="https://other.gov.example/")
    # Another field of the same body is fine.
    services.body_suggestion_create(
        user=world.requester, body=world.ministry, field="request_email", value="foi@mof.example"
    )
    assert BodySuggestion.objects.count() == 2


def test_the_value_the_body_already_has_is_refused(world):
    world.ministry.website = "https://mof.gov.example/"
    world.ministry.save()
    with pytest.raises(Conflict):
        suggest_website(world, value="https://mof.gov.example/")


def test_suggestions_are_limited_per_person_per_day(world, settings):
    settings.FOI_BODY_SUGGESTION_RATE_LIMIT = 2
    services.body_suggestion_create(user=world.citizen, name="A", request_email="a@a.example")
    services.body_suggestion_create(user=world.citizen, name="B", request_email="b@b.example")
    with pytest.raises(RateLimited):
        services.body_suggestion_create(user=world.citizen, name="C", request_email="c@c.example")
    assert BodySuggestion.objects.count() == 2
    # Someone else is not held back by it.
    services.body_suggestion_create(user=world.requester, name="C", request_email="c@c.example")


def test_only_moderators_decide(world, moderator):
    suggestion = suggest_website(world)
    for person in (world.officer, world.coordinator, world.citizen, world.requester):
        with pytest.raises(NotPermitted):
            services.body_suggestion_accept(suggestion=suggestion, actor=person)
        with pytest.raises(NotPermitted):
            services.body_suggestion_decline(suggestion=suggestion, actor=person, reason="No")
    suggestion.refresh_from_db()
    assert suggestion.is_pending
    services.body_suggestion_accept(suggestion=suggestion, actor=moderator)
    assert suggestion.status == "accepted"


def test_an_accepted_correction_changes_the_body_and_keeps_its_history(world, moderator):
    old = world.ministry.website
    suggestion = suggest_website(world)
    services.body_suggestion_accept(suggestion=suggestion, actor=moderator, reason="Checked")
    world.ministry.refresh_from_db()
    assert world.ministry.website == "https://new.finance.gov.example/"
    change = BodyContactChange.objects.get(body=world.ministry)
    assert (change.field, change.old, change.new) == ("website", old, world.ministry.website)
    assert change.changed_by == moderator and change.suggestion == suggestion
    with pytest.raises(Conflict):
        services.body_suggestion_accept(suggestion=suggestion, actor=moderator)
    # The public history has the website, not who changed it nor e-mail addresses.
    assert selectors.body_contact_history(body=world.ministry, public=True) == [change]


def test_a_name_correction_changes_the_name_in_the_suggesters_language(world, moderator):
    suggestion = services.body_suggestion_create(
        user=world.citizen,
        body=world.ministry,
        field="name",
        value="Министерство финансов",
        language="ru",
    )
    services.body_suggestion_accept(suggestion=suggestion, actor=moderator)
    world.ministry.refresh_from_db()
    assert world.ministry.name_ru == "Министерство финансов"
    assert BodyContactChange.objects.get(body=world.ministry).field == "name_ru"


def test_a_declined_suggestion_leaves_the_body_unchanged(world, moderator):
    before = world.ministry.website
    suggestion = suggest_website(world)
    with pytest.raises(InvalidInput):
        services.body_suggestion_decline(suggestion=suggestion, actor=moderator, reason=" ")
    services.body_suggestion_decline(suggestion=suggestion, actor=moderator, reason="Not theirs")
    world.ministry.refresh_from_db()
    assert world.ministry.website == before
    assert not BodyContactChange.objects.exists()
    assert suggestion.status == "declined" and suggestion.decision_reason == "Not theirs"


def test_an_accepted_new_body_is_created(world, moderator):
    suggestion = services.body_suggestion_create(
        user=world.citizen,
        name="Dövlət Statistika Komitəsi",
        request_email="info@stat.gov.example",
        website="https://stat.gov.example/",
        parent=world.cabinet,
        reason="It publishes the statistics.",
        language="az",
    )
    services.body_suggestion_accept(suggestion=suggestion, actor=moderator)
    body = PublicBody.objects.get(slug="dovlet-statistika-komitesi")
    assert suggestion.created_body == body
    assert body.name_az == "Dövlət Statistika Komitəsi" and body.parent == world.cabinet
    assert body.law == world.cabinet.law and body.request_email == "info@stat.gov.example"
    # A body of that name cannot be suggested again.
    with pytest.raises(Conflict):
        services.body_suggestion_create(
            user=world.requester, name="dövlət statistika komitəsi", request_email="x@y.example"
        )


# -- the public pages ---------------------------------------------------------------------------


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    for url in (
        reverse("foi:body_suggest"),
        reverse("foi:body_suggest_correction", args=[world.ministry.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and reverse("account_login") in response["Location"]
        assert client.post(url, {"name": "X"}).status_code == 302
    assert not BodySuggestion.objects.exists()


def test_the_body_page_and_list_link_to_the_forms(client, world):
    page = client.get(reverse("foi:body_detail", args=[world.ministry.slug])).content.decode()
    assert reverse("foi:body_suggest_correction", args=[world.ministry.slug]) in page
    assert reverse("foi:body_suggest") in client.get(reverse("foi:body_list")).content.decode()


def test_suggesting_a_correction_through_the_page(client, world):
    client.force_login(world.citizen)
    url = reverse("foi:body_suggest_correction", args=[world.ministry.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"field": "request_email", "value": "foi@mof.gov.example"})
    assert response.status_code == 302
    assert BodySuggestion.objects.get().value == "foi@mof.gov.example"
    again = client.post(url, {"field": "request_email", "value": "other@mof.gov.example"})
    assert again.status_code == 409
    assert "already suggested" in again.content.decode()
    assert BodySuggestion.objects.count() == 1


def test_bad_input_on_the_page_is_shown_and_nothing_saved(client, world):
    client.force_login(world.citizen)
    url = reverse("foi:body_suggest_correction", args=[world.ministry.slug])
    response = client.post(url, {"field": "request_email", "value": "not an address"})
    assert response.status_code == 400
    assert "valid e-mail" in response.content.decode()
    assert client.post(url, {"field": "website", "value": ""}).status_code == 400
    new = client.post(reverse("foi:body_suggest"), {"name": "X" * 301, "request_email": "a@b.c"})
    assert new.status_code == 400
    assert not BodySuggestion.objects.exists()


def test_suggesting_a_new_body_through_the_page(client, world):
    client.force_login(world.citizen)
    form = client.get(reverse("foi:body_suggest"))
    assert form.status_code == 200 and 'name="parent"' in form.content.decode()
    response = client.post(
        reverse("foi:body_suggest"),
        {
            "name": "Statistics Committee",
            "request_email": "info@stat.gov.example",
            "parent": world.cabinet.slug,
        },
    )
    assert response.status_code == 302
    suggestion = BodySuggestion.objects.get()
    assert suggestion.kind == "new_body" and suggestion.parent == world.cabinet


def test_the_body_page_shows_earlier_websites_but_not_who_suggested(client, world, moderator):
    world.citizen.first_name, world.citizen.last_name = "Rəşad", "Quliyev"
    world.citizen.save()
    suggestion = suggest_website(world)
    services.body_suggestion_accept(suggestion=suggestion, actor=moderator)
    page = client.get(reverse("foi:body_detail", args=[world.ministry.slug])).content.decode()
    assert 'id="contact-history"' in page and "https://new.finance.gov.example/" in page
    assert "Quliyev" not in page and moderator.email not in page


def test_an_admin_changing_the_website_adds_to_the_history(client, world):
    client.force_login(world.admin)
    url = reverse("admin:foi_publicbody_change", args=[world.ministry.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    data["parent"] = world.cabinet.pk
    data["law"] = world.law.pk
    data["website"] = "https://changed.gov.example/"
    data.update({"contact_changes-TOTAL_FORMS": "0", "contact_changes-INITIAL_FORMS": "0"})
    data = {k: v for k, v in data.items() if v is not False}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = BodyContactChange.objects.get(body=world.ministry)
    assert (change.field, change.new, change.changed_by) == (
        "website",
        "https://changed.gov.example/",
        world.admin,
    )
