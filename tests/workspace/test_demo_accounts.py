"""The demo's officers, coordinators and reviewers reach the workspace with their documented
passwords (through their memberships); its editor reaches the admin but no request."""

import io

import pytest
from django.core.management import call_command

from demo.accounts import PASSWORDS

pytestmark = pytest.mark.django_db


def sign_in(client, email, role):
    client.logout()
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORDS[role]})
    assert response.status_code == 302, email


def test_the_demo_accounts_in_the_workspace(client):
    call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())

    sign_in(client, "finance.coordinator@demo.example", "coordinator")
    queue = client.get("/admin/workspace/")
    assert queue.status_code == 200
    assert "Ministry of Finance" in queue.content.decode()
    assert "Overdue by" in queue.content.decode()  # the demo always has late requests

    sign_in(client, "finance.officer@demo.example", "officer")
    assert client.get("/admin/workspace/", {"assignee": "me"}).status_code == 200
    assert client.get("/admin/workspace/reports/").status_code == 200

    sign_in(client, "cabinet.reviewer@demo.example", "reviewer")
    appeals = client.get("/admin/workspace/appeals/", {"decided": "1"}).content.decode()
    assert "Ministry of Finance" in appeals

    sign_in(client, "editor@demo.example", "editor")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/workspace/").status_code == 403
