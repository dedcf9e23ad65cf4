"""Request ids and JSON log lines (config/logs.py): the proxy's X-Request-ID kept when well
formed, else replaced; the id back on the response; every line logged during a request carries
it, as one JSON object, without personal data."""

import json
import logging

import pytest
from django.test import override_settings

from config import logs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines():
    """What the console handler would write, as JSON lines, for the whole test."""
    import io

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RequestContextFilter())
    handler.setFormatter(logs.JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    previous = root.level
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def test_a_well_formed_incoming_id_comes_back_on_the_response(client):
    incoming = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] == incoming
    uuid_like = "7c0e8a52-5b0b-4d1c-9a55-2f1f3f2c9e11"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=uuid_like)["X-Request-ID"] == uuid_like


def test_without_an_incoming_id_one_is_made(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and int(first, 16) >= 0
    assert first != second


@pytest.mark.parametrize(
    "malformed",
    [
        "short",
        "x" * 129,
        'abc"def}{ghijkl',
        "abcdefgh\nlevel=ERROR",
        "-startswithdash1234",
        "id with spaces 1234",
        "ünïcödé-identifier",
    ],
)
def test_a_malformed_incoming_id_is_replaced(client, malformed):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=malformed)
    assert response["X-Request-ID"] != malformed
    assert len(response["X-Request-ID"]) == 32


def test_a_record_is_one_json_line_with_the_request_fields():
    record = logging.LogRecord(
        "foi.services", logging.WARNING, __file__, 1, "it %s", ("broke",), None
    )
    record.request_id, record.method, record.path = "abcdef0123456789", "GET", "/requests/"
    record.status, record.duration_ms, record.user_id = 200, 12.5, 7
    line = logs.JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "it broke" and entry["level"] == "WARNING"
    assert entry["logger"] == "foi.services" and entry["time"].endswith("+00:00")
    assert {k: entry[k] for k in logs.FIELDS} == {
        "request_id": "abcdef0123456789",
        "method": "GET",
        "path": "/requests/",
        "status": 200,
        "duration_ms": 12.5,
        "user_id": 7,
    }


def test_an_exception_is_in_the_line_and_a_records_request_is_not():
    try:
        raise ValueError("bad")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "x", (), sys.exc_info()
        )
    record.request = object()  # django.request attaches the request: never written
    entry = json.loads(logs.JsonFormatter().format(record))
    assert "ValueError: bad" in entry["exception"]
    assert "request" not in entry and "request_id" not in entry


def test_a_line_logged_during_a_request_carries_its_id(client, lines):
    response = client.get(
        "/no-such-page-here/?email=someone@example.org", HTTP_X_REQUEST_ID="req-0123456789"
    )
    assert response.status_code == 404
    during = [line for line in lines() if line.get("request_id") == "req-0123456789"]
    assert during, lines()
    not_found = next(line for line in during if line["logger"] == "django.request")
    assert not_found["status"] == 404 and not_found["method"] == "GET"
    assert not_found["path"] == "/no-such-page-here/"
    assert "someone@example.org" not in json.dumps(lines())


@override_settings(LOG_REQUESTS=True)
def test_one_line_per_request_with_status_duration_and_the_user_id_never_the_email(client, lines):
    person = UserFactory(email="private.person@example.org")
    client.force_login(person)
    response = client.get("/account/notifications/", HTTP_AUTHORIZATION="Token not-logged")
    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    line = next(
        line
        for line in lines()
        if line["logger"] == "sorgu.request" and line["request_id"] == request_id
    )
    assert line["status"] == 200 and line["method"] == "GET"
    assert line["path"] == "/account/notifications/" and line["duration_ms"] >= 0
    assert line["user_id"] == person.pk
    written = json.dumps(lines())
    assert "private.person@example.org" not in written and "not-logged" not in written


@override_settings(LOG_REQUESTS=True)
def test_an_anonymous_request_has_no_user_id_and_asks_no_query_for_it(
    client, lines, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    line = next(line for line in lines() if line.get("request_id") == response["X-Request-ID"])
    assert "user_id" not in line


@override_settings(LOG_REQUESTS=True)
def test_a_secret_in_the_path_is_redacted(client, lines):
    response = client.get("/account/notifications/unsubscribe/secret-token-value-123/")
    request_id = response["X-Request-ID"]
    mine = [line for line in lines() if line.get("request_id") == request_id]
    assert mine
    assert all("secret-token-value-123" not in json.dumps(line) for line in mine)
    assert any(
        line.get("path") == "/account/notifications/unsubscribe/[redacted]/" for line in mine
    )


def test_outside_a_request_a_record_has_no_request_fields():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", (), None)
    assert logs.RequestContextFilter().filter(record) is True
    assert record.request_id == "-"
    assert "request_id" not in json.loads(logs.JsonFormatter().format(record))
