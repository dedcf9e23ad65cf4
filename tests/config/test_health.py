"""/healthz and /readyz: open to anyone (a load balancer, a monitor), cheap, never cached; readyz
names each service the portal needs with its latency and answers 503 when one does not."""

import pytest

from config import health

pytestmark = pytest.mark.django_db


def test_healthz_says_the_process_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_readyz_checks_each_service_with_its_latency(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue", "search"}
    for result in body["checks"].values():
        assert result["ok"] is True and result["ms"] >= 0
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_503_naming_what_does_not_answer(client, monkeypatch):
    def broken():
        raise ConnectionError("refused")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == {
        "ok": False,
        "ms": checks["database"]["ms"],
        "error": "ConnectionError",
    }
    assert checks["cache"]["ok"] is True


def test_readyz_pings_the_task_queues_redis_when_there_is_one(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    assert client.get("/readyz").json()["checks"]["task_queue"]["ok"] is True
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["task_queue"]["ok"] is False


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_only_get_and_head(client, path):
    assert client.post(path).status_code == 405
    assert client.head(path).status_code in (200, 503)
