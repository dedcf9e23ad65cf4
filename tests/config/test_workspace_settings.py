"""Staff MFA is on in production and off in development unless the environment says so."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x7Gq2" * 12


def setting(module, name, **env):
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT), **env}
    result = subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print(s.{name})"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("module", "env", "expected"),
    [
        ("config.settings.production", {}, "True"),
        ("config.settings.production", {"FOI_REQUIRE_STAFF_MFA": "false"}, "False"),
        ("config.settings.dev", {}, "False"),
        ("config.settings.test", {}, "False"),
    ],
)
def test_staff_mfa_by_environment(module, env, expected):
    env = {
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "sorgu.example",
        "ANYMAIL_WEBHOOK_SECRET": "anymail:Vb7uQ2xN9pLk4sT1wYz8",
        **env,
    }
    assert setting(module, "FOI_REQUIRE_STAFF_MFA", **env) == expected


def test_the_upload_limit_defaults_to_25_mb_and_follows_the_environment():
    assert setting("config.settings.dev", "FOI_ATTACHMENT_MAX_SIZE") == str(25 * 1024 * 1024)
    assert (
        setting("config.settings.dev", "FOI_ATTACHMENT_MAX_SIZE", FOI_ATTACHMENT_MAX_SIZE="5")
        == "5"
    )
