"""Tests: fast hasher, locmem cache and e-mail, immediate tasks, a throwaway media folder."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# On in tests (one process): every test that changes something and reads the page again
# proves the page cache's invalidation (tests/core/test_pagecache.py tests it on purpose).
FOI_PAGE_CACHE = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="sorgu-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LANGUAGE_CODE = env("LANGUAGE_CODE", default="en")
INSTALLED_APPS = [*INSTALLED_APPS, "tests.search.pages_app"]  # noqa: F405
# Deliveries to a receiver on this machine (tests/webhooks); the SSRF tests turn these off.
WEBHOOKS_ALLOW_HTTP = True
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
