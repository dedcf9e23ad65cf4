"""The header's language links (/language/<code>/) and /favicon.ico."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["az", "en", "ru"])
def test_a_language_link_sets_the_cookie_and_goes_back(client, code):
    response = client.get(f"/language/{code}/", {"next": "/requests/?state=answered"})
    assert response.status_code == 302
    assert response["Location"] == "/requests/?state=answered"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == code and cookie["samesite"] == "Lax"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_next_page_is_in_the_chosen_language(client):
    client.get("/language/ru/", {"next": "/requests/"})
    assert 'lang="ru"' in client.get("/requests/").content.decode()
    client.get("/language/en/", {"next": "/requests/"})
    page = client.get("/requests/").content.decode()
    assert '<html lang="en"' in page


@pytest.mark.parametrize("code", ["de", "xx", "EN", "en-gb"])
def test_an_unknown_language_is_404_and_sets_nothing(client, code):
    response = client.get(f"/language/{code}/", {"next": "/"})
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
        "requests/",
    ],
)
def test_only_a_local_path_is_followed(client, next_url):
    response = client.get("/language/az/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "az"


def test_without_next_it_goes_home(client):
    response = client.get("/language/en/")
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_language_link_changes_nothing_on_post(client):
    response = client.post("/language/en/", {"next": "/"})
    assert response.status_code == 405
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_every_page_links_the_three_languages(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/requests/?state=answered").content.decode()
    for code in ("az", "en", "ru"):
        assert (
            f'href="/language/{code}/?next=/requests/%3Fstate%3Danswered" lang="{code}" '
            f'hreflang="{code}"'
        ) in page
    assert page.count('aria-current="true"') == 1
    assert 'lang="en" hreflang="en" aria-current="true"' in page


def test_the_favicon_is_served_with_a_long_cache(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=2592000" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


def test_the_favicon_refuses_a_post(client):
    assert client.post("/favicon.ico").status_code == 405
