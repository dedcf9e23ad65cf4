"""/metrics (config/metrics.py): closed unless METRICS_TOKEN is set, then only with the bearer
token (and from METRICS_ALLOWED_NETWORKS when set); request latency per view from
django-prometheus and the portal's own gauges read at scrape time."""

import datetime
import os

import pytest
from django.test import override_settings
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from config import metrics
from core.models import DeferredTask
from foi.models import Message, MessageKind, State
from mail.models import InboundEmail, InboundStatus, OutboundEmail, OutboundStatus
from tests.factories import PublicBodyFactory

pytestmark = pytest.mark.django_db

TOKEN = "a-random-metrics-token-of-forty-characters"


def scrape(client, token=TOKEN, **headers):
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.get("/metrics", **headers)


def samples(response) -> dict:
    """{(name, frozenset(labels)): value} of a metrics page."""
    found = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def test_without_a_token_configured_the_endpoint_does_not_exist(client):
    with override_settings(METRICS_TOKEN=""):
        assert scrape(client).status_code == 404
        assert scrape(client, token=None).status_code == 404


@override_settings(METRICS_TOKEN=TOKEN)
def test_no_token_is_refused(client):
    response = scrape(client, token=None)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"sorgu_" not in response.content and b"django_http" not in response.content


@override_settings(METRICS_TOKEN=TOKEN)
@pytest.mark.parametrize(
    "authorization",
    [
        f"Bearer {TOKEN}x",
        f"Bearer {TOKEN[:-1]}",
        "Bearer ",
        f"Basic {TOKEN}",
        TOKEN,
        f"Bearer {TOKEN.upper()}",
    ],
)
def test_a_wrong_token_is_refused(client, authorization):
    response = client.get("/metrics", HTTP_AUTHORIZATION=authorization)
    assert response.status_code == 401
    assert b"sorgu_" not in response.content


@override_settings(METRICS_TOKEN=TOKEN)
def test_the_right_token_gets_the_metrics_never_cached(client):
    client.get("/healthz")  # a request timed per view
    response = scrape(client)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies
    text = response.content.decode()
    for name in (
        "django_http_requests_latency_seconds_by_view_method",
        "sorgu_deferred_tasks",
        "sorgu_deferred_task_oldest_age_seconds",
        "sorgu_outbound_emails_waiting",
        "sorgu_outbound_email_oldest_waiting_age_seconds",
        "sorgu_inbound_emails_held",
        "sorgu_unclassified_replies",
        "sorgu_unclassified_reply_oldest_age_seconds",
        "sorgu_metrics_part_up",
    ):
        assert f"\n{name}" in text, name
    assert 'view="healthz"' in text


@override_settings(METRICS_TOKEN=TOKEN)
def test_only_get_and_head(client):
    response = client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 405


@override_settings(METRICS_TOKEN=TOKEN, METRICS_ALLOWED_NETWORKS=["10.0.0.0/8", "192.0.2.7"])
def test_allowed_networks_refuse_other_addresses_even_with_the_token(client):
    assert scrape(client, REMOTE_ADDR="10.1.2.3").status_code == 200
    assert scrape(client, REMOTE_ADDR="192.0.2.7").status_code == 200
    assert scrape(client, REMOTE_ADDR="198.51.100.1").status_code == 403
    # A forwarded address is not believed: Prometheus scrapes the servers directly.
    forwarded = scrape(client, REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert forwarded.status_code == 403


@override_settings(METRICS_TOKEN=TOKEN)
def test_the_gauges_count_what_waits(client, world):
    now = timezone.now()
    DeferredTask.objects.create(
        task_path="mail.tasks.send", created_at=now - datetime.timedelta(minutes=30)
    )
    DeferredTask.objects.create(task_path="mail.tasks.send")
    for status, minutes in (
        (OutboundStatus.QUEUED, 5),
        (OutboundStatus.RETRYING, 90),
        (OutboundStatus.SENT, 600),
    ):
        OutboundEmail.objects.create(
            kind="test",
            to_email="someone@example.org",
            from_email="portal@example.org",
            subject="s",
            body_text="b",
            status=status,
            created_at=now - datetime.timedelta(minutes=minutes),
        )
    InboundEmail.objects.create(email_message_id="<1@x>", status=InboundStatus.HELD)
    InboundEmail.objects.create(
        email_message_id="<2@x>", status=InboundStatus.MATCHED, addressed_to="X"
    )
    body = PublicBodyFactory(slug="water", request_email="info@water.gov.example", law=world.law)
    foi_request = world.request(State.SUBMITTED, body=body, due_at=now + datetime.timedelta(days=3))
    Message.objects.create(
        foi_request=foi_request,
        kind=MessageKind.EMAIL_IN,
        audience="parties",
        from_body=body,
        subject="Re",
        text="answer",
        created_at=now - datetime.timedelta(days=8),
    )

    found = samples(scrape(client))

    assert found[("sorgu_deferred_tasks", frozenset())] == 2
    assert 30 * 60 <= found[("sorgu_deferred_task_oldest_age_seconds", frozenset())] < 40 * 60
    waiting = {
        dict(labels)["status"]: value
        for (name, labels), value in found.items()
        if name == "sorgu_outbound_emails_waiting"
    }
    assert waiting == {"queued": 1, "sending": 0, "retrying": 1}
    assert (
        90 * 60
        <= found[("sorgu_outbound_email_oldest_waiting_age_seconds", frozenset())]
        < 100 * 60
    )
    assert found[("sorgu_inbound_emails_held", frozenset())] == 1
    assert found[("sorgu_unclassified_replies", frozenset())] == 1
    assert (
        8 * 86400 <= found[("sorgu_unclassified_reply_oldest_age_seconds", frozenset())] < 9 * 86400
    )
    for part in ("deferred_tasks", "emails", "replies", "task_queue"):
        assert found[("sorgu_metrics_part_up", frozenset({("part", part)}))] == 1


@override_settings(METRICS_TOKEN=TOKEN)
def test_the_gauges_read_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        scrape(client)


@override_settings(METRICS_TOKEN=TOKEN)
def test_a_part_that_fails_is_left_out_and_the_scrape_answers(client, monkeypatch):
    def broken():
        raise ConnectionError("refused")

    monkeypatch.setattr(metrics.taskqueue, "deferred_summary", broken)
    response = scrape(client)
    assert response.status_code == 200
    found = samples(response)
    assert found[("sorgu_metrics_part_up", frozenset({("part", "deferred_tasks")}))] == 0
    assert ("sorgu_deferred_tasks", frozenset()) not in found
    assert found[("sorgu_unclassified_replies", frozenset())] == 0


def test_the_rq_queue_depths_on_redis(settings):
    """With RQ on Redis: each queue's length and its registries' sizes (the local Redis)."""
    import redis
    from rq import Queue

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis here")
    settings.REDIS_URL = url
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.backend.RQBackend", "QUEUES": ["metrics-test"]}
    }
    metrics._redis.cache_clear()
    connection = redis.Redis.from_url(url)
    queue = Queue("metrics-test", connection=connection)
    connection.delete(queue.key)
    try:
        connection.rpush(queue.key, "job-1", "job-2")
        families = {f.name: f for f in metrics.PortalCollector().collect()}
        jobs = {
            tuple(s.labels.values()): s.value for s in families["sorgu_task_queue_jobs"].samples
        }
        assert jobs[("metrics-test", "queued")] == 2
        assert jobs[("metrics-test", "failed")] == 0
    finally:
        connection.delete(queue.key)
        metrics._redis.cache_clear()


def test_the_multiprocess_mode_adds_up_the_workers_files(tmp_path, monkeypatch):
    """With PROMETHEUS_MULTIPROC_DIR the page is read from the workers' files (and still
    carries the portal's gauges)."""
    from prometheus_client import values

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    monkeypatch.setattr(values, "ValueClass", values.MultiProcessValue(lambda: 4242))
    from prometheus_client import CollectorRegistry, Counter

    counter = Counter("sorgu_test_worker_total", "x", registry=CollectorRegistry())
    counter.inc(3)
    page = metrics.exposition().decode()
    assert "sorgu_test_worker_total 3.0" in page
    assert "sorgu_unclassified_replies" in page


def test_gunicorn_clears_the_last_runs_files_and_marks_a_dead_worker(tmp_path, monkeypatch):
    import runpy
    from pathlib import Path

    from prometheus_client import multiprocess

    config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"))
    directory = tmp_path / "metrics"
    directory.mkdir()
    (directory / "counter_123.db").write_bytes(b"old")
    (directory / "keep.txt").write_text("not ours")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(directory))
    config["on_starting"](server=None)
    assert sorted(p.name for p in directory.iterdir()) == ["keep.txt"]

    dead = []
    monkeypatch.setattr(multiprocess, "mark_process_dead", dead.append)
    config["child_exit"](server=None, worker=type("Worker", (), {"pid": 4242})())
    assert dead == [4242]


@override_settings(METRICS_TOKEN=TOKEN)
def test_a_made_up_method_makes_no_new_series(client):
    client.generic("BREW", "/healthz")
    client.generic("BREW2", "/healthz")
    text = scrape(client).content.decode()
    assert "BREW" not in text
    assert 'method="<invalid method>",view="healthz"' in text or (
        'view="healthz"' in text and 'method="<invalid method>"' in text
    )


@override_settings(METRICS_TOKEN=TOKEN)
def test_only_the_metrics_read_are_kept(client):
    client.get("/healthz")
    text = scrape(client).content.decode()
    assert "django_http_responses_total_by_status_view_method" in text
    for dropped in (
        "django_http_requests_body_total_bytes",
        "django_http_responses_total_by_charset",
        "django_http_requests_total_by_transport",
    ):
        assert dropped not in text
