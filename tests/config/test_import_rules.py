"""The import rules (.importlinter, run by `lint-imports` in .ci/run) keep naming every module:
a new module of foi is closed to search and publicstats until someone decides otherwise, and a
new app of the project is a root package the rules see."""

from __future__ import annotations

import configparser
import pkgutil
from pathlib import Path

import foi

ROOT = Path(__file__).resolve().parents[2]
# What search and publicstats may read of foi (docs/architecture.md, "Import rules").
OPEN_TO_READERS = {"foi.selectors", "foi.signals"}


def rules() -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    parser.read(ROOT / ".importlinter")
    return parser


def names(value: str) -> set[str]:
    return {line.strip() for line in value.splitlines() if line.strip()}


def test_readers_are_kept_from_every_module_of_foi_but_its_selectors_and_signals():
    contract = rules()["importlinter:contract:readers-through-selectors"]
    forbidden = names(contract["forbidden_modules"])
    modules = {f"foi.{info.name}" for info in pkgutil.iter_modules(foi.__path__)}
    assert modules - OPEN_TO_READERS == forbidden


def test_every_app_of_the_project_is_a_root_package_of_the_rules():
    from django.apps import apps

    ours = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT  # the project's own top-level packages
    }
    assert {"core", "foi", "mail", "workspace", "api", "demo", "bench"} <= ours
    assert ours <= names(rules()["importlinter"]["root_packages"])


def test_every_internal_module_of_search_is_protected():
    import search

    public = {"search.results", "search.registry", "search.documents", "search.urls"}
    modules = {f"search.{info.name}" for info in pkgutil.iter_modules(search.__path__)}
    contract = rules()["importlinter:contract:search-public-interface"]
    assert modules - public == names(contract["protected_modules"])
