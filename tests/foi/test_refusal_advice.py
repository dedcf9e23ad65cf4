"""Help to challenge a refusal: the law's advice on each ground a body cited (Exemption's
``not_applies`` and ``appeal_text``), on the case page, in the appeal form and its draft, and in
the API. Law data: whoever sees the request sees it; nothing is shown for a ground without it."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from foi import services
from foi.models import Exemption, State
from tests.foi.portal import ROLES, login, private_request, refused

ADVICE = {
    "az": ("Dövlət sirri məxfiləşdirilməlidir.", "Zərəri göstərməyiblər."),
    "en": ("A state secret must be classified.", "They named no harm."),
    "ru": ("Государственная тайна должна быть засекречена.", "Вред не указан."),
}


def case_url(foi_request, name="request_detail"):
    return reverse(f"foi:{name}", args=[foi_request.reference])


@pytest.fixture
def advised(world):
    ground = Exemption.objects.get(law=world.law, code="state-secret")
    for language, (not_applies, appeal_text) in ADVICE.items():
        setattr(ground, f"not_applies_{language}", not_applies)
        setattr(ground, f"appeal_text_{language}", appeal_text)
    ground.save()
    return ground


def _in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_requester_sees_the_advice_beside_the_cited_ground(client, world, advised, language):
    foi_request = refused(world)
    client.force_login(world.requester)
    page = _in_language(client, language).get(case_url(foi_request)).content.decode()
    ground = page.split('id="cited-state-secret"', 1)[1].split("</li>", 1)[0]
    assert "2.4-1" in ground
    assert "The figures are classified." in ground  # the body's note
    not_applies, appeal_text = ADVICE[language]
    assert not_applies in ground and appeal_text in ground
    for other, (other_text, _) in ADVICE.items():
        if other != language:
            assert other_text not in page


def test_a_partial_answer_shows_the_advice_too(client, world, advised):
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="partial",
        text="Here is part of it.",
        exemptions=[{"code": "state-secret", "note": ""}],
    )
    client.force_login(world.requester)
    page = client.get(case_url(foi_request)).content.decode()
    assert 'id="cited-state-secret"' in page
    assert ADVICE["en"][0] in page


def test_no_advice_is_shown_for_a_ground_without_it(client, world):
    foi_request = services.foi_request_refuse(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        grounds=[{"code": "official", "note": ""}],
        text="No.",
    )
    client.force_login(world.requester)
    page = client.get(case_url(foi_request)).content.decode()
    assert 'id="cited-official"' in page  # the ground itself is still named
    assert "How to challenge this ground" not in page


def test_no_grounds_section_before_a_refusal(client, world, advised):
    client.force_login(world.requester)
    page = client.get(case_url(world.request(State.IN_PROGRESS))).content.decode()
    assert "Grounds the body gave for withholding" not in page
    assert ADVICE["en"][0] not in page


@pytest.mark.parametrize("role", ROLES)
def test_everyone_who_sees_a_public_refusal_sees_the_advice(client, world, advised, role):
    foi_request = refused(world)
    page = login(client, world, role).get(case_url(foi_request)).content.decode()
    assert ADVICE["en"][0] in page


@pytest.mark.parametrize(
    "role, status", [("anonymous", 404), ("citizen", 404), ("other_officer", 404)]
)
def test_a_private_refusal_and_its_grounds_stay_hidden(client, world, advised, role, status):
    foi_request = services.foi_request_refuse(
        foi_request=private_request(world),
        actor=world.officer,
        grounds=[{"code": "state-secret", "note": "Secret note."}],
        text="No.",
    )
    response = login(client, world, role).get(case_url(foi_request))
    assert response.status_code == status
    assert b"Secret note." not in response.content


def test_the_requester_of_a_private_refusal_sees_the_advice(client, world, advised):
    foi_request = services.foi_request_refuse(
        foi_request=private_request(world),
        actor=world.officer,
        grounds=[{"code": "state-secret", "note": ""}],
        text="No.",
    )
    client.force_login(world.requester)
    assert ADVICE["en"][0] in client.get(case_url(foi_request)).content.decode()


def test_the_body_s_note_is_masked_for_the_public(client, world, advised):
    person = world.requester
    person.first_name, person.last_name = "Zaur", "Məmmədov"
    person.save()
    foi_request = services.foi_request_refuse(
        foi_request=world.request(
            State.IN_PROGRESS,
            public_name_choice="pseudonym",
            pseudonym="Qaranquş",
            public_name="Qaranquş",
        ),
        actor=world.officer,
        grounds=[{"code": "state-secret", "note": "Zaur Məmmədov asked for it."}],
        text="No.",
    )
    assert "Məmmədov" not in client.get(case_url(foi_request)).content.decode()
    client.force_login(world.requester)
    assert "Zaur Məmmədov asked" in client.get(case_url(foi_request)).content.decode()


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_appeal_draft_quotes_the_cited_grounds_and_the_advice(client, world, advised, language):
    foi_request = services.foi_request_refuse(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        grounds=[
            {"code": "state-secret", "note": "Classified."},
            {"code": "personal-data", "note": ""},
        ],
        text="No.",
    )
    client.force_login(world.requester)
    response = _in_language(client, language).get(case_url(foi_request, "request_appeal"))
    draft = response.context["form"].initial["grounds"]
    assert "- 2.4-1 (" in draft and "- 38 (" in draft  # both grounds with their articles
    assert f"- 2.4-1: {ADVICE[language][1]}" in draft  # the law's wording for the advised one
    with translation.override(language):
        left_open = gettext(
            "Nor do the other grounds apply: [say why, e.g. the information is already "
            "public, its disclosure harms no protected interest, or the public interest "
            "outweighs it]."
        )
    assert left_open in draft  # the ground without advice is left for the requester
    page = response.content.decode()
    assert ADVICE[language][0] in page  # the advice beside the form


def test_the_appeal_draft_without_advice_keeps_the_general_sentence(client, world):
    foi_request = refused(world)
    client.force_login(world.requester)
    draft = client.get(case_url(foi_request, "request_appeal")).context["form"].initial["grounds"]
    assert "- 2.4-1 (state secret): The figures are classified." in draft
    assert "I do not accept that these grounds apply: [say why" in draft


def test_the_api_gives_each_ground_s_advice_in_three_languages(api, world, advised):
    body = api.get(f"/api/v1/laws/{world.law.code}/").json()
    grounds = {ground["code"]: ground for ground in body["exemptions"]}
    assert grounds["state-secret"]["advice"]["not_applies"]["ru"] == ADVICE["ru"][0]
    assert grounds["state-secret"]["advice"]["appeal_text"]["az"] == ADVICE["az"][1]
    assert grounds["official"]["advice"]["appeal_text"] == {"az": "", "en": "", "ru": ""}


def test_the_shipped_azerbaijani_grounds_all_have_advice_in_three_languages():
    fixture = json.loads(Path(settings.BASE_DIR, "fixtures", "laws.json").read_text("utf-8"))
    grounds = [
        item["fields"]
        for item in fixture
        if item["model"] == "foi.exemption" and item["fields"]["law"] == ["az"]
    ]
    assert grounds
    for ground in grounds:
        for field in ("not_applies", "appeal_text"):
            for language in ("az", "en", "ru"):
                assert ground[f"{field}_{language}"].strip(), (ground["code"], field, language)
        assert "19.1.5" in ground["appeal_text_en"]  # the open part, separated
    english_only = [
        item["fields"]
        for item in fixture
        if item["model"] == "foi.exemption" and item["fields"]["law"][0] in ("uk", "us")
    ]
    assert english_only and all(g["not_applies_en"] and g["appeal_text_en"] for g in english_only)


@pytest.mark.parametrize("role", ROLES)
def test_anyone_reads_the_law_page_with_each_ground_s_advice(client, world, advised, role):
    response = login(client, world, role).get(reverse("foi:law_detail", args=[world.law.code]))
    assert response.status_code == 200
    page = response.content.decode()
    ground = page.split('id="ground-state-secret"', 1)[1].split("</li>", 1)[0]
    assert ADVICE["en"][0] in ground and ADVICE["en"][1] in ground
    official = page.split('id="ground-official"', 1)[1].split("</li>", 1)[0]
    assert "How to challenge this ground" not in official  # no advice written for it
    index = client.get(reverse("foi:law_list")).content.decode()
    assert reverse("foi:law_detail", args=[world.law.code]) in index


def test_the_law_page_is_in_the_reader_s_language(client, world, advised):
    page = _in_language(client, "az").get(reverse("foi:law_detail", args=[world.law.code]))
    assert ADVICE["az"][0] in page.content.decode()


@pytest.mark.parametrize("code", ["zz", "no-such-law", "a" * 300])
def test_an_unknown_law_is_404(client, world, code):
    assert client.get(f"/laws/{code}/").status_code == 404


def test_a_malformed_law_address_is_404(client, world):
    # A NUL in the address is refused before any view (400), other junk finds no law (404).
    assert client.get("/laws/%00%3Cscript%3E/").status_code == 400
    assert client.get("/laws/%3Cscript%3E/").status_code == 404


def test_the_law_page_stays_within_its_query_budget(
    client, world, advised, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get(reverse("foi:law_detail", args=[world.law.code]))


def test_the_case_page_links_to_the_law_page(client, world):
    page = client.get(case_url(refused(world))).content.decode()
    assert reverse("foi:law_detail", args=[world.law.code]) in page


@pytest.mark.parametrize(
    "language, words",
    [
        ("az", "Dövlət sirri haqqında"),
        ("en", "Law on State Secrets"),
        ("ru", "О государственной тайне"),
    ],
)
def test_the_shipped_law_page_gives_the_advice_in_the_reader_s_language(
    client, db, language, words
):
    from django.core.management import call_command

    call_command("loaddata", "fixtures/laws.json", verbosity=0)
    page = _in_language(client, language).get(reverse("foi:law_detail", args=["az"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert words in html
    assert "19.1.5" in html and "38.5" in html
