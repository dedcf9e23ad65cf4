"""The body directory: search in az/en/ru, folding case and Azerbaijani letters the same way on
every database; a page per body with its law in plain words, its figures and recent requests."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core import textfold
from foi import selectors
from foi.models import State
from tests.factories import PublicBodyFactory


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("İctimai", "ictimai"),
        ("Şəhər", "seher"),
        ("IĞDIR ÇÖL ÜZÜM", "igdir col uzum"),
        ("Министерство Финансов", "министерство финансов"),
        ("Ёлка", "елка"),
        ("Café", "cafe"),
    ],
)
def test_fold(text, folded):
    assert textfold.fold(text) == folded


@pytest.fixture
def bodies(world):
    return {
        "tv": PublicBodyFactory(
            slug="itv",
            name_az="İctimai Televiziya",
            name_en="Public Television",
            name_ru="Общественное телевидение",
            kind="public_legal_entity",
            law=world.law,
        ),
        "city": PublicBodyFactory(
            slug="baku-city",
            name_az="Bakı Şəhər İcra Hakimiyyəti",
            name_en="Baku City Executive Power",
            name_ru="",
            acronym="BŞİH",
            kind="local_executive",
            law=world.law,
        ),
        "closed": PublicBodyFactory(
            slug="gone", name_az="Ləğv edilmiş Şəhər Komitəsi", is_active=False, law=world.law
        ),
    }


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ictimai", ["itv"]),
        ("İCTİMAİ", ["itv"]),
        ("seher", ["baku-city"]),
        ("Şəhər", ["baku-city"]),
        ("baki icra", ["baku-city"]),
        ("television", ["itv"]),
        ("телевидение", ["itv"]),
        ("ТЕЛЕВИДЕНИЕ", ["itv"]),
        ("bsih", ["baku-city"]),
        ("nothing like it", []),
    ],
)
def test_body_search_folds_case_and_letters(bodies, query, found):
    slugs = [body.slug for body in selectors.public_body_search(query=query)]
    assert slugs == found


def test_body_search_filters_by_kind_and_hides_inactive_bodies(world, bodies):
    found = selectors.public_body_search(kind="local_executive")
    assert [body.slug for body in found] == ["baku-city"]
    assert "gone" not in [body.slug for body in selectors.public_body_search()]


def test_names_starting_with_the_query_come_first(world):
    PublicBodyFactory(slug="b", name_en="Agency for Water", name_az="Su Agentliyi", law=world.law)
    PublicBodyFactory(slug="a", name_en="Water Agency", name_az="Su Agentliyi 2", law=world.law)
    assert [body.slug for body in selectors.public_body_search(query="water")] == ["a", "b"]


def test_the_directory_page_searches_and_filters(client, bodies):
    page = client.get(reverse("foi:body_list"), {"q": "seher"}).content.decode()
    assert "Baku City Executive Power" in page
    assert "Public Television" not in page
    page = client.get(reverse("foi:body_list"), {"kind": "public_legal_entity"}).content.decode()
    assert "Public Television" in page
    assert "Baku City Executive Power" not in page
    assert (
        client.get(reverse("foi:body_list"), {"kind": "nonsense", "page": "x"}).status_code == 200
    )


def test_the_directory_stays_within_its_query_budget(
    client, world, bodies, django_assert_max_num_queries
):
    for _ in range(5):
        world.request(State.ANSWERED, body=bodies["tv"])
    with django_assert_max_num_queries(6):
        response = client.get(reverse("foi:body_list"))
    assert response.status_code == 200


def test_a_body_page_explains_its_law_and_shows_its_record(client, world):
    world.request(State.ANSWERED, subject="Answered budget question")
    world.request(State.REFUSED, subject="Refused budget question")
    page = client.get(reverse("foi:body_detail", args=[world.ministry.slug])).content.decode()
    assert "Ministry of Finance" in page
    assert "The body must answer within 7 working days (Art. 24.1)" in page
    assert "within 24 hours (Art. 24.2)" in page
    assert "Cabinet" in page  # the superior body
    assert "Answered budget question" in page and "Refused budget question" in page
    assert "Make a request to this body" in page
    assert f"?body={world.ministry.slug}" in page


def test_an_inactive_body_keeps_its_page_without_a_request_button(client, bodies):
    page = client.get(reverse("foi:body_detail", args=["gone"])).content.decode()
    assert "no longer takes requests" in page
    assert "Make a request to this body" not in page


def test_an_unknown_body_is_404(client, db):
    assert client.get(reverse("foi:body_detail", args=["no-such-body"])).status_code == 404


def test_a_body_page_stays_within_its_query_budget(client, world, django_assert_max_num_queries):
    for _ in range(10):
        world.request(State.ANSWERED)
    # 10 for the page, 6 for the CMS's proactive-disclosure block, 12 for the statistics block
    # (cached for ten minutes); none grows with requests.
    with django_assert_max_num_queries(28):
        response = client.get(reverse("foi:body_detail", args=[world.ministry.slug]))
    assert response.status_code == 200


def test_a_body_page_counts_only_public_requests(client, world):
    world.request(State.ANSWERED)
    world.request(
        State.ANSWERED,
        visibility="private",
        private_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    assert selectors.public_body_counts_by_state(body=world.ministry) == {"answered": 1}


def test_autocomplete_answers_json(client, bodies):
    response = client.get(reverse("foi:body_autocomplete"), {"q": "ictimai"})
    assert response.json()["results"][0]["slug"] == "itv"
    assert client.get(reverse("foi:body_autocomplete")).json() == {"results": []}
