"""The committed stylesheet and GOV.UK Frontend's script are what `make assets` builds from
assets/scss/ and node_modules: a change to the Sass or a new govuk-frontend in package.json
without a rebuild fails here. Skipped where npm ci has not run (no node_modules/.bin/sass)."""

import filecmp
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SASS = ROOT / "node_modules" / ".bin" / "sass"
GOVUK = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"
VENDOR = ROOT / "assets" / "vendor" / "govuk-frontend"

needs_node = pytest.mark.skipif(not SASS.exists(), reason="npm ci has not run (no sass)")


@needs_node
def test_the_committed_css_is_a_fresh_build(tmp_path):
    fresh = tmp_path / "site.css"
    subprocess.run(
        [
            str(SASS),
            "--load-path=node_modules",
            "--style=compressed",
            "--no-source-map",
            "assets/scss/site.scss",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    committed = ROOT / "assets" / "build" / "site.css"
    assert fresh.read_text() == committed.read_text(), "run `make assets` and commit the result"


@needs_node
@pytest.mark.parametrize("name", ["govuk-frontend.min.js", "govuk-frontend.min.js.map"])
def test_the_vendored_script_is_the_installed_govuk_frontend(name):
    assert filecmp.cmp(GOVUK / name, VENDOR / name, shallow=False), "run `make assets`"


def test_the_build_uses_no_govuk_typeface_or_crown():
    css = (ROOT / "assets" / "build" / "site.css").read_text()
    assert "GDS Transport" not in css and "@font-face" not in css
    assert "system-ui" in css


def test_collectstatic_finds_every_file_the_stylesheets_name(tmp_path, settings):
    """Production's manifest storage refuses a stylesheet whose url() names a missing file;
    `collectstatic` must pass as it will on a server (docs/deploy.md). (Django's test signals
    give ``staticfiles_storage`` the storage set here.)"""
    from django.core.management import call_command

    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.rglob("site.*.css")), "the site's stylesheet was not collected"
