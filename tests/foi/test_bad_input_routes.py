"""Bad input gets a 4xx or a normal page, never a 5xx: numbers in other scripts, huge numbers,
extreme dates, NUL bytes, control characters and invisible text (issue 17, points 8, 13, 17)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from core import clock
from foi.models import FOIRequest, State
from tests.foi.portal import draft_of
from tests.forms import REGISTER, register_form

BAKU = ZoneInfo("Asia/Baku")
SUPERSCRIPT = "²"
HUGE = "99999999999999999999"

# (url name, args) of every public list, export, feed, API list and search.
PUBLIC = [
    ("foi:request_list", []),
    ("foi:request_export", ["csv"]),
    ("foi:request_export", ["json"]),
    ("foi:request_feed", []),
    ("foi:body_list", []),
    ("foi:body_detail", ["ministry"]),
    ("foi:body_feed", ["ministry"]),
    ("search:search", []),
    ("api:request_list", []),
    ("api:body_list", []),
    ("api:search", []),
    ("api:stats_bodies", []),
    ("publicstats:index", []),
    ("publicstats:bodies_download", ["csv"]),
    ("cms:disclosure_feed", []),
]
NUMBER_PARAMS = [
    {"year": SUPERSCRIPT},
    {"page": SUPERSCRIPT},
    {"body": SUPERSCRIPT},
    {"year": "２０２６"},
    {"year": "٢٠٢٦"},
    {"page": HUGE},
    {"body": HUGE},
    {"year": HUGE},
    {"page": "-1"},
    {"from": "0001-01-01", "to": "9999-12-31"},
]


@pytest.fixture
def visitor(client):
    client.raise_request_exception = False
    return client


@pytest.fixture
def officer(client, world):
    client.raise_request_exception = False
    client.force_login(world.officer)
    return client


def never_5xx(response):
    assert response.status_code < 500, response.content.decode()[:2000]
    return response


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args"), PUBLIC)
@pytest.mark.parametrize(
    "params", NUMBER_PARAMS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items())
)
def test_numbers_never_give_5xx(visitor, world, name, args, params):
    world.request(State.ANSWERED)
    never_5xx(visitor.get(reverse(name, args=args), params))


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("foi:request_export", {"year": SUPERSCRIPT}),
        ("foi:request_export", {"year": "２０２６"}),
        ("api:request_list", {"year": SUPERSCRIPT}),
        ("api:request_list", {"year": "٢٠٢٦"}),
        ("api:search", {"page": SUPERSCRIPT}),
        ("api:search", {"body": SUPERSCRIPT}),
        ("search:search", {"year": SUPERSCRIPT}),
        ("search:search", {"body": SUPERSCRIPT}),
    ],
)
def test_unreadable_numbers_are_400(visitor, db, name, params):
    args = ["csv"] if name == "foi:request_export" else []
    assert visitor.get(reverse(name, args=args), params).status_code == 400


def test_the_list_ignores_an_unreadable_year(visitor, world):
    world.request(State.ANSWERED)
    page = visitor.get(reverse("foi:request_list"), {"year": SUPERSCRIPT, "page": SUPERSCRIPT})
    assert page.status_code == 200


WORKSPACE = [
    ("foi_workspace:queue", {"body": SUPERSCRIPT}),
    ("foi_workspace:queue", {"body": HUGE}),
    ("foi_workspace:queue", {"p": SUPERSCRIPT}),
    ("foi_workspace:queue", {"due_within": SUPERSCRIPT}),
    ("foi_workspace:queue", {"due_within": HUGE}),
    ("foi_workspace:queue", {"assignee": SUPERSCRIPT}),
    ("foi_workspace:appeals", {"p": SUPERSCRIPT}),
    ("foi_workspace:reports", {"body": SUPERSCRIPT}),
    ("foi_workspace:reports", {"date_from": "0001-01-01"}),
    ("foi_workspace:reports", {"date_to": "9999-12-31"}),
    ("foi_workspace:reports", {"date_from": "0001-01-01", "date_to": "9999-12-31"}),
    ("foi_workspace:reports", {"date_from": "0001-01-01", "format": "csv"}),
    ("foi_workspace:reports", {"date_to": "9999-12-31", "format": "csv"}),
    ("foi_workspace:reports", {"date_from": "²⁰²⁶-01-01"}),
]


@pytest.mark.parametrize(("name", "params"), WORKSPACE)
def test_workspace_filters_never_give_5xx(officer, world, name, params):
    world.request(State.SUBMITTED)
    never_5xx(officer.get(reverse(name), params))


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_reports_refuse_extreme_dates(officer, world, day):
    response = officer.get(reverse("foi_workspace:reports"), {"date_from": day, "date_to": day})
    assert response.status_code == 400
    assert "Choose a date between 1900-01-01 and 2200-12-31." in response.content.decode()


@pytest.mark.parametrize(
    "overrides",
    [
        {"received_at": "0001-01-01 00:00"},
        {"received_at": "9999-12-31 23:59"},
        {"received_at": "1899-12-31 23:00"},
        {"visibility": "private", "private_until": "9999-12-31"},
        {"visibility": "private", "private_until": "0001-01-01"},
        {"subject": "\u200b\u200b\u00a0"},
    ],
    ids=["year-1", "year-9999", "before-the-floor", "private-9999", "private-1", "invisible"],
)
def test_the_register_form_refuses_bad_values(officer, world, overrides):
    count = FOIRequest.objects.count()
    with clock.travel(datetime(2026, 2, 2, 12, tzinfo=BAKU)):
        response = officer.post(REGISTER, register_form(world.ministry, **overrides))
    # The form refuses (400), or the service's condition on a private date (409).
    assert response.status_code in (400, 409), response.content.decode()[:2000]
    assert FOIRequest.objects.count() == count


def test_a_receipt_before_the_law_came_into_force_is_refused(officer, world):
    world.law.in_force_from = datetime(2005, 12, 19).date()
    world.law.save()
    with clock.travel(datetime(2026, 2, 2, 12, tzinfo=BAKU)):
        response = officer.post(
            REGISTER, register_form(world.ministry, received_at="2005-12-18 10:00")
        )
        assert response.status_code == 400
        assert "a request cannot have been received before it" in response.content.decode()
        assert not FOIRequest.objects.filter(subject="Budget").exists()
        accepted = officer.post(
            REGISTER, register_form(world.ministry, received_at="2005-12-19 10:00")
        )
    assert accepted.status_code == 302
    assert FOIRequest.objects.filter(subject="Budget").exists()


def test_the_service_refuses_a_receipt_before_the_law(world):
    from core.errors import InvalidInput
    from foi import services

    world.law.in_force_from = datetime(2005, 12, 19).date()
    world.law.save()
    with pytest.raises(InvalidInput, match="came into force"):
        services.foi_request_register_for(
            officer=world.officer,
            body=world.ministry,
            channel="post",
            person={"first_name": "Kamran", "phone": "1", "preferred_language": "az"},
            received_at=datetime(2005, 6, 1, 10, tzinfo=BAKU),
            subject="Old",
            text="Old letter.",
        )
    assert not FOIRequest.objects.filter(subject="Old").exists()


def test_the_shipped_laws_have_their_dates(db):
    from django.core.management import call_command

    from foi.models import Law

    call_command("loaddata", "fixtures/laws.json", verbosity=0)
    dates = dict(Law.objects.values_list("code", "in_force_from"))
    assert {
        code: str(day) for code, day in dates.items() if code in ["az", "uk", "us", "de", "in"]
    } == {
        "az": "2005-12-19",
        "uk": "2005-01-01",
        "us": "1967-07-04",
        "de": "2006-01-01",
        "in": "2005-10-12",
    }


# -- NUL bytes ------------------------------------------------------------------------------

NUL_URLS = [
    "/requests/?body=%00",
    "/requests/?state=%00",
    "/requests/?sort=a%00b",
    "/requests/export.csv?body=a%00",
    "/requests/export.json?state=%00",
    "/requests/feed/",
    "/requests/AZ-2026-000001%00/",
    "/requests/AZ-2026-000001%00/feed/",
    "/requests/AZ-2026-000001%00/case-file.zip",
    "/requests/AZ-2026-000001%00/files/1/",
    "/requests/AZ-2026-000001%00/appeal/",
    "/bodies/?q=%00",
    "/bodies/autocomplete/?q=%00",
    "/search/?q=%00",
    "/search/?kind=%00",
    "/api/v1/requests/?body=%00",
    "/api/v1/requests/AZ%00/",
    "/api/v1/search/?q=%00",
    "/api/v1/bodies/?q=%00",
    "/statistics/?order=%00",
    "/disclosures/feed/",
    "/disclosure-log/new/AZ%00/",
    "/?q=%00",
    "/admin/workspace/?state=%00",
    "/admin/workspace/requests/AZ%00/",
    "/admin/workspace/reports/?body=%00",
    "/admin/workspace/appeals/?p=%00",
]


def _nul_requests(client, world):
    client.force_login(world.officer)
    for url in NUL_URLS:
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if "%00" in url:
            assert response.status_code == 400, (url, response.status_code)
    # A url-encoded form and a multipart one are refused alike.
    response = client.post(
        "/requests/new/", "body=ministry%00", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert client.post("/requests/new/", {"body": "ministry\x00"}).status_code == 400
    assert client.post("/requests/new/", {"q": "\x00", "go": "search"}).status_code == 400
    assert client.post("/api/v1/requests/", {"subject": "\x00"}).status_code == 400


@pytest.mark.django_db
def test_nul_bytes_are_400(client, world):
    client.raise_request_exception = False
    world.request(State.ANSWERED)
    _nul_requests(client, world)


@pytest.mark.postgres
@pytest.mark.django_db
def test_nul_bytes_are_400_on_postgresql(client, world):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL refuses NUL in a query; SQLite does not")
    client.raise_request_exception = False
    world.request(State.ANSWERED)
    _nul_requests(client, world)
    # The API's JSON: its text fields drop the NUL (api.serializers.TextField).
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=world.requester)
    response = client.post(
        "/api/v1/requests/",
        {"body": "ministry", "subject": "Bud\x00get", "text": "Te\x00xt"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert response.status_code == 201, response.content
    assert FOIRequest.objects.filter(subject="Budget", text="Text").exists()


# -- the autosave endpoint and the wizard ---------------------------------------------------


@pytest.fixture
def requester(client, world):
    client.force_login(world.requester)
    return client


def test_autosave_cleans_like_the_form(requester, world):
    draft = draft_of(world)
    url = reverse("foi:filing_autosave", args=[draft.pk])
    response = requester.post(
        url, {"subject": "Bud\x0bget\x1b[0m\nline", "text": "Line\x07 one\r\nLine two\x1f"}
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.subject == "Budget[0m line"
    assert draft.text == "Line one\nLine two"


def test_autosave_refuses_a_nul(requester, world):
    draft = draft_of(world)
    url = reverse("foi:filing_autosave", args=[draft.pk])
    assert requester.post(url, {"text": "a\x00b"}).status_code == 400
    draft.refresh_from_db()
    assert draft.text == "Draft text."


def test_the_forms_drop_a_nul_too():
    from foi.forms.filing import LetterForm

    form = LetterForm({"subject": "Bud\x00get\x1b", "text": "Te\x00xt\r\nmore"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"subject": "Budget", "text": "Text\nmore"}


def test_autosave_keeps_an_invisible_subject_as_empty(requester, world):
    draft = draft_of(world)
    url = reverse("foi:filing_autosave", args=[draft.pk])
    assert requester.post(url, {"subject": "\u200b\u200b\u00a0"}).status_code == 200
    draft.refresh_from_db()
    assert draft.subject == ""


@pytest.mark.parametrize("subject", ["\u200b\u200b", "\u00a0 \u00a0", "\ufeff\u2060", "\x1b\x07"])
def test_the_letter_step_refuses_an_invisible_subject(requester, world, subject):
    draft = draft_of(world)
    url = reverse("foi:filing_letter", args=[draft.pk])
    response = requester.post(url, {"subject": subject, "text": "Please."})
    assert response.status_code in (200, 400)
    assert "Give your request a subject." in response.content.decode()
    draft.refresh_from_db()
    assert draft.subject == "Draft subject"


def test_a_draft_with_an_invisible_subject_cannot_be_sent(world):
    from core.errors import ServiceError
    from foi import services

    draft = draft_of(world, subject="\u200b\u200b")
    with pytest.raises(ServiceError):
        services.foi_request_file(foi_request=draft, actor=world.requester)
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


# -- the API's text fields ------------------------------------------------------------------


@pytest.fixture
def api(world):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    token, _ = Token.objects.get_or_create(user=world.requester)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.mark.parametrize("subject", ["\u200b\u200b", "\u00a0\u2060\ufeff", "\x00\x1b"])
def test_the_api_refuses_an_invisible_subject(api, world, subject):
    letter = {"body": "ministry", "subject": subject, "text": "Please."}
    response = api.post("/api/v1/requests/", letter, format="json")
    assert response.status_code == 400
    assert "subject" in response.json()["errors"]
    assert not FOIRequest.objects.exists()


def test_the_api_cleans_control_characters(api, world):
    letter = {"body": "ministry", "subject": "Bud\x1bget\x07\nline", "text": "A\x00\r\nB\x0b"}
    response = api.post("/api/v1/requests/", letter, format="json")
    assert response.status_code == 201, response.json()
    foi_request = FOIRequest.objects.get()
    assert (foi_request.subject, foi_request.text) == ("Budget line", "A\nB")


@pytest.mark.django_db
@pytest.mark.parametrize("outbound", [SUPERSCRIPT, "٣", HUGE, "-1", ""])
def test_a_delivery_report_with_an_unreadable_id_is_ignored(outbound):
    from mail.tracking import _find

    assert _find(None, {"outbound": outbound}, "") is None
