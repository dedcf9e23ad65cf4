"""Settings come from the environment; production refuses to start without a real secret."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEBHOOK_SECRET = "anymail:Vb7uQ2xN9pLk4sT1wYz8"


def load(module, **env):
    """Import a settings module in a fresh interpreter with only ``env`` set."""
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT), **env}
    code = (
        f"import {module} as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DEBUG, s.TIME_ZONE, "
        "s.TASKS['default']['BACKEND'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_defaults_are_embedded():
    result = load("config.settings.dev")
    assert result.returncode == 0, result.stderr
    engine, debug, zone, tasks = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert debug == "True"
    assert zone == "Asia/Baku"
    assert tasks.endswith("ImmediateBackend")


def test_database_url_selects_postgresql():
    result = load("config.settings.dev", DATABASE_URL="postgres://postgres@127.0.0.1:5432/x")
    assert result.stdout.split()[0] == "django.db.backends.postgresql"


@pytest.mark.parametrize(
    "secret",
    [None, "", "short", "insecure-local-development-key-not-for-production" * 2, "a" * 60],
)
def test_production_refuses_a_missing_or_weak_secret(secret):
    env = {"ALLOWED_HOSTS": "sorgu.example"}
    if secret is not None:
        env["SECRET_KEY"] = secret
    result = load("config.settings.production", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_real_secret_and_uses_rq_with_redis():
    result = load(
        "config.settings.production",
        SECRET_KEY="x7Gq2" * 12,
        ALLOWED_HOSTS="sorgu.example",
        REDIS_URL="redis://127.0.0.1:6379/0",
        ANYMAIL_WEBHOOK_SECRET=WEBHOOK_SECRET,
    )
    assert result.returncode == 0, result.stderr
    _engine, debug, _zone, tasks = result.stdout.split()
    assert debug == "False"
    assert tasks == "django_tasks_rq.backend.RQBackend"


@pytest.mark.parametrize(
    "webhook_secret", [None, "", "no-colon-here", "anymail:short", ":Vb7uQ2xN9pLk4sT1wYz8"]
)
def test_production_refuses_to_start_without_the_webhook_secret(webhook_secret):
    env = {"SECRET_KEY": "x7Gq2" * 12, "ALLOWED_HOSTS": "sorgu.example"}
    if webhook_secret is not None:
        env["ANYMAIL_WEBHOOK_SECRET"] = webhook_secret
    result = load("config.settings.production", **env)
    assert result.returncode != 0
    assert "ANYMAIL_WEBHOOK_SECRET must be set" in result.stderr


def test_production_collects_the_esp_and_its_keys():
    code = (
        "import config.settings.production as s; "
        "print(s.EMAIL_BACKEND, s.ANYMAIL['WEBHOOK_SECRET'], s.ANYMAIL['POSTMARK_SERVER_TOKEN'])"
    )
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(ROOT),
        "SECRET_KEY": "x7Gq2" * 12,
        "ALLOWED_HOSTS": "sorgu.example",
        "ANYMAIL_ESP": "postmark",
        "ANYMAIL_POSTMARK_SERVER_TOKEN": "server-token",
        "ANYMAIL_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "anymail.backends.postmark.EmailBackend",
        WEBHOOK_SECRET,
        "server-token",
    ]


def test_production_reads_the_reply_address_keys_and_refuses_a_weak_one():
    base = {
        "SECRET_KEY": "x7Gq2" * 12,
        "ALLOWED_HOSTS": "sorgu.example",
        "ANYMAIL_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    new, old = "Nw3kR8" * 9, "Od5jT1" * 9
    code = "import config.settings.production as s; print(*s.FOI_REPLY_ADDRESS_KEYS)"
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT), **base}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, "FOI_REPLY_ADDRESS_KEYS": f"{new},{old}"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [new, old]
    weak = load("config.settings.production", **base, FOI_REPLY_ADDRESS_KEYS=f"{new},short")
    assert weak.returncode != 0
    assert "FOI_REPLY_ADDRESS_KEYS" in weak.stderr
