"""Letter templates: coordinators write their body's, officers pick them in action forms, a
template names only the fixed placeholders, and filling it never reveals the requester."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from core.errors import InvalidInput, NotPermitted
from foi import selectors, services
from foi.letter_templates import PlaceholderError, placeholders_check, placeholders_fill
from foi.models import LetterTemplate, PublicNameChoice, State
from tests.workspace.conftest import action_url

BAKU = ZoneInfo("Asia/Baku")


def make_template(world, body=None, action="ask_clarification", language="en", **fields):
    body = body or world.ministry
    return services.letter_template_create(
        actor=world.admin,
        body=body,
        action=action,
        language=language,
        title=fields.pop("title", f"{action} {language}"),
        text=fields.pop("text", "Dear {requester}, about {reference}, due {due_date}."),
        **fields,
    )


def form_data(world, **overrides):
    return {
        "body": world.ministry.pk,
        "law": world.law.pk,
        "action": "refuse",
        "language": "az",
        "title": "İmtina",
        "text": "Hörmətli {requester}, {reference} nömrəli sorğunuz rədd edilir:\n{grounds}",
        **overrides,
    }


# -- the placeholders --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "{requester.email}",
        "{requester.__class__}",
        "{grounds[0]}",
        "{reference!r}",
        "{reference:>999999}",
        "{}",
        "{0}",
        "{password}",
        "an open { brace",
        "a closing } brace",
    ],
)
def test_only_the_listed_placeholders_pass(text):
    with pytest.raises(PlaceholderError):
        placeholders_check(text)


def test_braces_and_values_are_written_as_they_are():
    filled = placeholders_fill("{{x}} {reference} {body}", {"reference": "{body}", "body": "B"})
    assert filled == "{x} {body} B"  # a value is never read as a template again


# -- writing templates: who may ----------------------------------------------------------------


def test_coordinator_edits_own_body_templates_only(world):
    mine = services.letter_template_create(
        actor=world.coordinator,
        body=world.ministry,
        action="answer",
        language="az",
        title="Cavab",
        text="{reference}",
    )
    assert mine.law == world.ministry.law and mine.updated_by == world.coordinator
    services.letter_template_update(actor=world.coordinator, letter_template=mine, title="Yeni")
    assert LetterTemplate.objects.get(pk=mine.pk).title == "Yeni"
    # world.other_officer coordinates the other body; world.officer is an officer here.
    for outsider in (world.other_officer, world.officer, world.citizen, world.requester):
        with pytest.raises(NotPermitted):
            services.letter_template_update(actor=outsider, letter_template=mine, title="X")
        with pytest.raises(NotPermitted):
            services.letter_template_create(
                actor=outsider, body=world.ministry, action="answer", language="en", title="T",
                text="x",
            )  # fmt: skip
        with pytest.raises(NotPermitted):
            services.letter_template_delete(actor=outsider, letter_template=mine)
    assert LetterTemplate.objects.get(pk=mine.pk).title == "Yeni"
    assert LetterTemplate.objects.count() == 1


def test_unknown_placeholder_is_refused_and_nothing_saved(world):
    with pytest.raises(InvalidInput, match=r"\{requester\.email\}"):
        make_template(world, text="Write to {requester.email}")
    assert not LetterTemplate.objects.exists()
    kept = make_template(world)
    with pytest.raises(InvalidInput, match=r"\{phone\}"):
        services.letter_template_update(
            actor=world.admin, letter_template=kept, text="Call {phone}"
        )
    assert LetterTemplate.objects.get(pk=kept.pk).text == kept.text


# -- the coordinators' pages -------------------------------------------------------------------


def test_pages_coordinator_may_officer_and_others_may_not(client, world):
    theirs = make_template(world, body=world.other_body)
    mine = make_template(world)
    listing = reverse("foi_workspace:letter_templates")
    edit_mine = reverse("foi_workspace:letter_template_edit", args=[mine.pk])
    edit_theirs = reverse("foi_workspace:letter_template_edit", args=[theirs.pk])
    create = reverse("foi_workspace:letter_template_create")

    client.force_login(world.coordinator)
    page = client.get(listing)
    assert page.status_code == 200 and mine.title.encode() in page.content
    assert reverse("foi_workspace:letter_template_edit", args=[theirs.pk]).encode() not in (
        page.content
    )
    assert client.get(edit_mine).status_code == 200
    assert client.get(edit_theirs).status_code == 404
    assert client.post(edit_theirs, form_data(world, title="Taken")).status_code == 404
    response = client.post(create, form_data(world, body=world.other_body.pk))
    assert response.status_code == 400  # not one of the bodies offered
    assert client.post(create, form_data(world)).status_code == 302
    assert LetterTemplate.objects.filter(body=world.ministry, action="refuse").exists()

    client.force_login(world.officer)
    for url in (listing, create, edit_mine):
        assert client.get(url).status_code == 403
    assert client.post(edit_mine, form_data(world, title="Mine now")).status_code == 403
    assert client.post(edit_mine, {"delete": "1"}).status_code == 403

    client.force_login(world.citizen)
    assert client.get(listing).status_code in (302, 403)
    assert LetterTemplate.objects.get(pk=mine.pk).title == mine.title
    assert LetterTemplate.objects.get(pk=theirs.pk).title == theirs.title


def test_page_refuses_a_bad_placeholder_and_keeps_the_text(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("foi_workspace:letter_template_create"),
        form_data(world, text="Dear {requester.email}"),
    )
    assert response.status_code == 400
    assert b"{requester.email}" in response.content
    assert not LetterTemplate.objects.exists()


def test_coordinator_deletes_a_template(client, world):
    mine = make_template(world)
    client.force_login(world.coordinator)
    url = reverse("foi_workspace:letter_template_edit", args=[mine.pk])
    assert client.post(url, {"delete": "1"}).status_code == 302
    assert not LetterTemplate.objects.exists()


# -- using templates in an action's form -------------------------------------------------------


def pseudonymous_request(world, state=State.IN_PROGRESS):
    due = datetime.datetime(2026, 12, 21, 23, 59, 59, tzinfo=BAKU)
    return world.request(
        state,
        public_name_choice=PublicNameChoice.PSEUDONYM,
        pseudonym="Qaranquş",
        public_name="Qaranquş",
        due_at=due,
    )


def test_filling_uses_the_public_name_and_the_due_date_in_the_language(client, world):
    foi_request = pseudonymous_request(world)
    template = make_template(world, language="ru", text="{requester}: {reference}, до {due_date}.")
    client.force_login(world.officer)
    with translation.override("ru"):
        url = action_url(foi_request, "ask_clarification")
    page = client.get(f"{url}?template={template.pk}", HTTP_ACCEPT_LANGUAGE="ru")
    assert page.status_code == 200
    text = page.content.decode()
    assert f"Qaranquş: {foi_request.reference}, до 21 декабря 2026" in text
    # The real name and contact details never come from a template.
    requester = world.requester
    assert requester.last_name not in text.split("id_text")[1].split("</textarea>")[0]
    assert requester.email not in text


def test_a_withheld_name_is_written_as_withheld(world):
    foi_request = world.request(
        State.IN_PROGRESS, public_name_choice=PublicNameChoice.WITHHELD, public_name=""
    )
    template = make_template(world, text="{requester}")
    filled = selectors.letter_template_filled(letter_template=template, foi_request=foi_request)
    assert filled == "Name withheld"


def test_refusal_template_names_the_grounds_and_prefills_them(client, world):
    foi_request = pseudonymous_request(world)
    template = make_template(world, action="refuse", text="Refused on:\n{grounds}\n{body}")
    client.force_login(world.officer)
    url = action_url(foi_request, "refuse")
    page = client.get(f"{url}?template={template.pk}&ground=official&ground=personal-data")
    text = page.content.decode()
    assert page.status_code == 200
    assert "- official (Art. 35)" in text and "- personal data (Art. 38)" in text
    assert "Ministry of Finance" in text
    assert 'value="official" selected' in text  # the grounds' rows are chosen too


def test_only_the_holding_body_templates_are_offered_or_used(client, world):
    foi_request = pseudonymous_request(world)
    mine = make_template(world)
    theirs = make_template(world, body=world.other_body, title="Theirs")
    other_action = make_template(world, action="refuse", title="For refusals")
    client.force_login(world.officer)
    url = action_url(foi_request, "ask_clarification")
    page = client.get(url)
    assert page.status_code == 200
    assert mine.title.encode() in page.content
    assert b"Theirs" not in page.content and b"For refusals" not in page.content
    assert client.get(f"{url}?template={theirs.pk}").status_code == 404
    assert client.get(f"{url}?template={other_action.pk}").status_code == 404
    assert client.get(f"{url}?template=nonsense").status_code == 404
    # An officer of the other body does not even see the request's form.
    client.force_login(world.other_officer)
    assert client.get(f"{url}?template={mine.pk}").status_code in (403, 404)


def test_officer_sees_templates_but_no_link_to_edit_them(client, world):
    foi_request = pseudonymous_request(world)
    make_template(world)
    client.force_login(world.officer)
    page = client.get(action_url(foi_request, "ask_clarification"))
    assert reverse("foi_workspace:letter_templates").encode() not in page.content
    client.force_login(world.coordinator)
    page = client.get(action_url(foi_request, "ask_clarification"))
    assert reverse("foi_workspace:letter_templates").encode() in page.content


def test_menu_item_for_coordinators_and_admins_only(rf, world):
    from workspace.wagtail_hooks import CoordinatorMenuItem

    item = CoordinatorMenuItem("Letter templates", "/x/")
    shown = {}
    for role in ("coordinator", "officer", "citizen", "admin"):
        request = rf.get("/")
        request.user = getattr(world, role)
        shown[role] = item.is_shown(request)
    assert shown == {"coordinator": True, "officer": False, "citizen": False, "admin": True}


def test_a_second_template_of_the_same_title_is_refused(world):
    make_template(world, title="Same")
    with pytest.raises(InvalidInput):
        make_template(world, title="Same")
    assert LetterTemplate.objects.count() == 1
