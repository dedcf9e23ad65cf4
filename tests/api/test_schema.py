"""The OpenAPI schema, the docs page, and a schemathesis run against the schema.

Schemathesis generates requests for every operation from /api/schema/ and checks that none
gets a 5xx and that every answer matches the schema (status codes, content type, body). It
runs in-process through the WSGI application, inside the test's transaction, with a fixed
seed and a bounded number of examples per operation.
"""

import re

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from foi.models import State


def test_the_schema_is_openapi_3_and_covers_the_api(api, world):
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    assert {
        "/api/v1/auth/token/",
        "/api/v1/laws/",
        "/api/v1/laws/{code}/",
        "/api/v1/bodies/",
        "/api/v1/bodies/{slug}/",
        "/api/v1/requests/",
        "/api/v1/requests/{reference}/",
        "/api/v1/requests/{reference}/actions/{action}/",
        "/api/v1/search/",
    } <= paths
    assert all(path.startswith("/api/v1/") for path in paths), "Wagtail's own API is left out"
    action = schema["paths"]["/api/v1/requests/{reference}/actions/{action}/"]["post"]
    assert {"200", "400", "401", "403", "404", "409"} <= set(action["responses"])
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_the_docs_page_uses_only_our_own_static_files(api, world):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references
    for reference in references:
        assert reference.startswith("/static/") or reference.startswith("/api/"), reference
    assert "cdn" not in html.lower()
    assert "//unpkg" not in html and "//cdn" not in html


@pytest.fixture
def wsgi_app():
    """The site as a WSGI app whose requests keep the test's database connection (Django's
    test client does the same: closing it would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(world):
    """A coordinator's token, so that the POSTs are tried signed in too."""
    world.request(State.SUBMITTED)
    world.request(State.ANSWERED)
    return Token.objects.create(user=world.coordinator).key


# The pytest plugin's lazy loader does not run on pytest 9 yet, so each operation's strategy is
# driven by Hypothesis here; the checks are schemathesis's own (call_and_validate).
SETTINGS = hypothesis.settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


def run_operation(operation, headers):
    @SETTINGS
    @hypothesis.given(case=operation.as_strategy())
    def check(case):
        # Input that fits the schema may still be refused for what it means (a wrong password,
        # a reference that names no request): that check is left out; all others run.
        case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

    check()


def test_the_api_keeps_to_its_schema(wsgi_app, world, token):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        signed_in = operation.method.upper() == "POST" and operation.path != "/api/v1/auth/token/"
        run_operation(operation, {"Authorization": f"Token {token}"} if signed_in else None)
