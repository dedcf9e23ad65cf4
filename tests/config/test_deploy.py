"""Settings for more than one machine: a read replica for public reads, attachments on S3."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import RequestFactory

from config import db_router
from foi.models import FOIRequest
from tests.config.test_settings import ROOT, WEBHOOK_SECRET

PRODUCTION = {
    "SECRET_KEY": "x7Gq2" * 12,
    "ALLOWED_HOSTS": "sorgu.example",
    "ANYMAIL_WEBHOOK_SECRET": WEBHOOK_SECRET,
}


def run(code, **env):
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def route(request):
    """Which database a read of a request row goes to while ``request`` is being served."""
    seen = {}

    def view(request):
        seen["db"] = db_router.PrimaryReplicaRouter().db_for_read(FOIRequest)
        with transaction.atomic():
            seen["in_transaction"] = db_router.PrimaryReplicaRouter().db_for_read(FOIRequest)
        return None

    db_router.ReplicaReadsMiddleware(view)(request)
    return seen


@pytest.fixture
def replica(monkeypatch):
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)


def anonymous(request):
    request.user = AnonymousUser()
    return request


@pytest.mark.django_db(transaction=True)  # outside a test transaction, as a real request is
def test_public_reads_go_to_the_replica_and_nothing_else(replica, world):
    factory = RequestFactory()
    assert route(anonymous(factory.get("/requests/"))) == {
        "db": "replica",
        "in_transaction": None,  # a service's locked read stays on the primary
    }
    assert route(anonymous(factory.head("/bodies/")))["db"] == "replica"
    assert route(anonymous(factory.post("/requests/new/")))["db"] is None
    assert route(anonymous(factory.get("/admin/")))["db"] is None
    assert route(anonymous(factory.get("/accounts/login/")))["db"] is None
    token = factory.get("/api/v1/requests/", HTTP_AUTHORIZATION="Token abc")
    assert route(anonymous(token))["db"] is None
    signed_in = factory.get("/requests/")
    signed_in.user = world.citizen
    assert route(signed_in)["db"] is None  # people see their own writes at once
    assert route(factory.get("/requests/"))["db"] is None  # no user: misplaced, be safe
    # Outside a request (commands, the sweep, tasks) everything reads the primary.
    assert db_router.PrimaryReplicaRouter().db_for_read(FOIRequest) is None


@pytest.mark.django_db
def test_without_a_replica_everything_reads_the_primary(world):
    assert route(anonymous(RequestFactory().get("/requests/")))["db"] is None


def test_the_router_never_migrates_the_replica_and_writes_the_primary():
    router = db_router.PrimaryReplicaRouter()
    assert router.allow_migrate("replica", "foi") is False
    assert router.allow_migrate("default", "foi") is True
    assert router.db_for_write(FOIRequest) == "default"


def test_a_replica_url_adds_the_database_the_router_and_the_middleware():
    code = (
        "import config.settings.production as s; "
        "print(s.DATABASES['replica']['HOST'], s.DATABASES['replica']['NAME'], "
        "s.DATABASES['replica']['TEST']['MIRROR'], s.DATABASE_ROUTERS[0], "
        "s.MIDDLEWARE.index('config.db_router.ReplicaReadsMiddleware') > "
        "s.MIDDLEWARE.index('django.contrib.auth.middleware.AuthenticationMiddleware'))"
    )
    result = run(
        code,
        **PRODUCTION,
        DATABASE_URL="postgres://app@primary.internal:5432/sorgu",
        DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/sorgu",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "replica.internal",
        "sorgu",
        "default",
        "config.db_router.PrimaryReplicaRouter",
        "True",
    ]
    plain = run("import config.settings.production as s; print(sorted(s.DATABASES))", **PRODUCTION)
    assert plain.stdout.strip() == "['default']"


def test_a_bucket_puts_attachments_on_private_s3_storage():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.production'; "
        "django.setup(); from django.core.files.storage import storages; "
        "s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.default_acl, s.querystring_auth, "
        "s.file_overwrite, s.endpoint_url)"
    )
    result = run(
        code,
        **PRODUCTION,
        AWS_STORAGE_BUCKET_NAME="sorgu-files",
        AWS_S3_ENDPOINT_URL="https://minio.internal:9000",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "sorgu-files",
        "private",
        "True",
        "False",
        "https://minio.internal:9000",
    ]
    local = run(code.split("print(")[0] + "print(type(s).__name__)", **PRODUCTION)
    assert local.stdout.split() == ["FileSystemStorage"], local.stderr
