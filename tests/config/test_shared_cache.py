"""Production keeps rate limits and used TOTP codes in a cache every process shares: Redis, or
the database without it, never each worker's memory; migrate makes the database cache's table."""

from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.config.test_workspace_settings import SECRET, setting

PRODUCTION = {
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "sorgu.example",
    "ANYMAIL_WEBHOOK_SECRET": "anymail:Vb7uQ2xN9pLk4sT1wYz8",
}


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "django.core.cache.backends.db.DatabaseCache"),
        ({"REDIS_URL": "redis://redis:6379/0"}, "django.core.cache.backends.redis.RedisCache"),
        ({"CACHE_URL": "redis://redis:6379/1"}, "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_production_never_counts_in_one_process_memory(env, backend):
    caches = setting(
        "config.settings.production", "CACHES['default']['BACKEND']", **PRODUCTION, **env
    )
    assert caches == backend


def test_trusted_proxies_come_from_the_environment():
    assert setting("config.settings.production", "TRUSTED_PROXIES", **PRODUCTION) == "[]"
    assert (
        setting(
            "config.settings.production",
            "TRUSTED_PROXIES",
            **PRODUCTION,
            TRUSTED_PROXIES="10.0.0.0/8,192.0.2.10",
        )
        == "['10.0.0.0/8', '192.0.2.10']"
    )


@pytest.mark.django_db
def test_the_migration_makes_the_database_caches_table():
    from importlib import import_module

    migration = import_module("foi.migrations.0006_database_cache_table")
    database_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "sorgu_cache_test",
        }
    }
    with override_settings(CACHES=database_cache):
        migration.create_cache_tables(None, SimpleNamespace(connection=connection))
        assert "sorgu_cache_test" in connection.introspection.table_names()
        call_command("createcachetable", dry_run=True)  # and again: nothing to do
