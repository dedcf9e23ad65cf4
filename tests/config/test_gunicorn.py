"""config/gunicorn.py, the application servers' settings (docs/deploy.md)."""

import gc
import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"


def test_the_settings_are_what_the_deploy_guide_says(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    settings = runpy.run_path(str(CONFIG))
    assert settings["workers"] == 3
    assert (settings["timeout"], settings["max_requests"], settings["accesslog"]) == (60, 2000, "-")


def test_a_worker_freezes_what_it_loaded():
    settings = runpy.run_path(str(CONFIG))
    before = gc.get_freeze_count()
    settings["post_worker_init"](worker=None)
    try:
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
