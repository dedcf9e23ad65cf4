"""Two officers answering the same request at the same moment, through a real threaded server
(``manage.py runserver`` in a process of its own) on the database as deployed: one is answered,
the other gets a 409 with its sentence; never a 500 ("database is locked" on SQLite)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from foi.models import State

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _deployed_database(tmp_path: Path):
    """The URL the server process opens, and a way to read what it wrote. SQLite: the test
    database (in memory) copied to a file, as `make run` uses one; PostgreSQL: the test
    database itself, whose committed rows the server sees."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)

        def read(sql, params=()):
            with sqlite3.connect(path) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()

        return f"sqlite:///{path}", read
    url = "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
        **{**settings, "HOST": settings["HOST"] or "127.0.0.1", "PORT": settings["PORT"] or 5432}
    )

    def read(sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return url, read


def _post(url, token, payload):
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, _parsed(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, _parsed(refused.read())


def _parsed(body: bytes):
    try:
        return json.loads(body or b"{}")
    except ValueError:  # a server error's page
        return {"page": body.decode(errors="replace")[:300]}


@pytest.mark.django_db(transaction=True)
def test_two_officers_answering_at_once_through_the_server(world, tmp_path):
    foi_request = world.request(State.IN_PROGRESS)
    tokens = [Token.objects.create(user=user).key for user in (world.officer, world.coordinator)]
    database_url, read = _deployed_database(tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/v1/", timeout=5)
                break
            except urllib.error.HTTPError:
                break  # it answers
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"the server did not start: {server.stderr.read().decode()[-2000:]}"
                    )
                time.sleep(0.5)

        url = f"{base}/api/v1/requests/{foi_request.reference}/actions/answer/"
        both_ready = threading.Barrier(2)
        answers = {}

        def answer(name, token, text):
            both_ready.wait()
            payload = {"outcome": "full", "text": text, "version": foi_request.version}
            answers[name] = _post(url, token, payload)

        threads = [
            threading.Thread(target=answer, args=("officer", tokens[0], "Here it is.")),
            threading.Thread(target=answer, args=("coordinator", tokens[1], "Here it is too.")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(90)
    finally:
        server.terminate()
        server.wait(20)

    statuses = sorted(status for status, _ in answers.values())
    assert statuses == [200, 409], answers
    refused = next(body for status, body in answers.values() if status == 409)
    assert "meanwhile" in json.dumps(refused) or "not allowed" in json.dumps(refused), refused
    [(state,)] = read("SELECT state FROM foi_foirequest WHERE id = %s", (foi_request.pk,))
    assert state == State.ANSWERED
    decisions = read(
        "SELECT count(*) FROM foi_message WHERE foi_request_id = %s AND kind = 'response'",
        (foi_request.pk,),
    )
    assert decisions == [(1,)]
