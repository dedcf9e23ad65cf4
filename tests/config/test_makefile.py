"""`make run PORT=… HOST=…` serves there, and the links in e-mails point there too (they used to
say port 8000 whatever the port)."""

import os
import shutil
import subprocess

import pytest

from mail.notices import absolute
from tests.config.test_settings import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def dry_run(*arguments, **env) -> str:
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT), **env}
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(result.stdout.replace("\\\n", " ").split())


def test_the_site_url_follows_the_port_and_host():
    commands = dry_run("PORT=8123", "HOST=localhost")
    assert "FOI_SITE_URL=http://localhost:8123 " in commands
    assert "WAGTAILADMIN_BASE_URL=http://localhost:8123 " in commands
    assert "manage.py runserver localhost:8123" in commands


def test_the_default_is_port_8000():
    commands = dry_run()
    assert "FOI_SITE_URL=http://127.0.0.1:8000 " in commands
    assert "manage.py runserver 127.0.0.1:8000" in commands


def test_a_site_url_given_is_kept():
    commands = dry_run("PORT=8123", FOI_SITE_URL="https://sorgu.example")
    assert "FOI_SITE_URL=https://sorgu.example " in commands
    assert "manage.py runserver 127.0.0.1:8123" in commands


def test_e_mails_link_to_the_site_url(settings):
    settings.FOI_SITE_URL = "http://localhost:8123/"
    assert absolute("/requests/X/") == "http://localhost:8123/requests/X/"
