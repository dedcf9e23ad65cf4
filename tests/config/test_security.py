"""Security headers: a strict Content Security Policy on the public site, a relaxed one only
under the admins; no third party learns who uses the admin."""

import pytest
from django.conf import settings


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_the_public_site_allows_no_inline_script_or_style(client, world):
    directives = policy(client.get("/requests/"))
    assert directives["script-src"] == "script-src 'self'"
    assert directives["style-src"] == "style-src 'self'"
    assert directives["object-src"] == "object-src 'none'"
    assert directives["frame-ancestors"] == "frame-ancestors 'none'"
    assert directives["form-action"] == "form-action 'self'"
    for value in directives.values():
        assert "unsafe" not in value
        assert "http" not in value  # nothing from another origin


@pytest.mark.django_db
def test_only_the_admins_get_inline_scripts(client, world):
    client.force_login(world.admin)
    for path in ("/admin/", "/django-admin/"):
        directives = policy(client.get(path, follow=True))
        assert "'unsafe-inline'" in directives["script-src"], path
        assert directives["object-src"] == "object-src 'none'"
        assert directives["frame-ancestors"] == "frame-ancestors 'self'"


def test_wagtail_fetches_no_gravatar():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_the_api_schema_builds_without_a_warning(tmp_path):
    """drf-spectacular's warnings (an operationId used twice, a field it cannot type) fail
    CI's ``check --deploy --fail-level WARNING``; catch them here first."""
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
