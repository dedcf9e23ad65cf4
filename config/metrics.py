"""Prometheus metrics at ``/metrics``, for the operators' Prometheus only (docs/deploy.md,
"Metrics").

Two kinds. django-prometheus's two middlewares count requests and time them per view and
method (``django_http_requests_latency_seconds_by_view_method``); each gunicorn worker keeps
them in memory, or in files under ``PROMETHEUS_MULTIPROC_DIR`` that a scrape adds up across
the workers. The portal's own gauges (``sorgu_*``) are read by ``PortalCollector`` only when
Prometheus scrapes: four aggregates on indexed columns and, with Redis, a few LLEN/ZCARD; a
request to the site pays nothing for them.

The endpoint is closed: without ``METRICS_TOKEN`` it is the site's 404; with it, a scrape must
send ``Authorization: Bearer <METRICS_TOKEN>`` (401 otherwise), and from an address in
``METRICS_ALLOWED_NETWORKS`` when that is set (403 otherwise).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
from functools import cache

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from core import clock, taskqueue
from foi import selectors
from mail import holding, outbound

logger = logging.getLogger(__name__)

# The RQ registries counted per queue besides the queue itself: ZCARD each, never RQ's cleanup.
RQ_REGISTRIES = ("started", "scheduled", "deferred", "failed")


def _age(now, oldest) -> float:
    return max((now - oldest).total_seconds(), 0.0) if oldest else 0.0


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


@cache
def _redis():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)


def rq_queue_names() -> list[str]:
    """The RQ queues the tasks go to (none on the immediate backend)."""
    names: list[str] = []
    for backend in getattr(settings, "TASKS", {}).values():
        if backend.get("BACKEND", "").endswith("RQBackend"):
            names += [n for n in backend.get("QUEUES", ["default"]) if n not in names]
    return names


class PortalCollector(Collector):
    """The portal's gauges, read at scrape time. A part that fails (Redis down) is left out
    and ``sorgu_metrics_part_up{part=...}`` says 0, so a scrape still answers."""

    def collect(self):
        now = clock.now()
        up = GaugeMetricFamily(
            "sorgu_metrics_part_up",
            "1 when this part of the gauges could be read.",
            labels=["part"],
        )
        for part, read in (
            ("deferred_tasks", self._deferred_tasks),
            ("emails", self._emails),
            ("replies", self._replies),
            ("task_queue", self._task_queue),
        ):
            try:
                metrics = list(read(now))
            except Exception as error:  # a scrape must answer; the part says it failed
                logger.warning("Metrics: %s could not be read: %s", part, type(error).__name__)
                up.add_metric([part], 0)
                continue
            up.add_metric([part], 1)
            yield from metrics
        yield up

    def _deferred_tasks(self, now):
        count, oldest = taskqueue.deferred_summary()
        yield _gauge(
            "sorgu_deferred_tasks",
            "Tasks kept in the database while the queue did not answer (core.DeferredTask).",
            count,
        )
        yield _gauge(
            "sorgu_deferred_task_oldest_age_seconds",
            "Age of the oldest task waiting in the database for the queue (0: none).",
            _age(now, oldest),
        )

    def _emails(self, now):
        waiting = outbound.outbound_emails_waiting()
        by_status = GaugeMetricFamily(
            "sorgu_outbound_emails_waiting",
            "E-mails not sent yet, by status (queued, sending, retrying).",
            labels=["status"],
        )
        for status, (count, _oldest) in waiting.items():
            by_status.add_metric([status], count)
        yield by_status
        oldest = min((o for _n, o in waiting.values() if o), default=None)
        yield _gauge(
            "sorgu_outbound_email_oldest_waiting_age_seconds",
            "Age of the oldest e-mail not sent yet (0: none).",
            _age(now, oldest),
        )
        yield _gauge(
            "sorgu_inbound_emails_held",
            "Received e-mails waiting for an administrator (the holding pen).",
            holding.held_email_count(),
        )

    def _replies(self, now):
        count, oldest = selectors.replies_waiting_summary()
        yield _gauge(
            "sorgu_unclassified_replies",
            "Bodies' e-mailed replies nobody has classified yet.",
            count,
        )
        yield _gauge(
            "sorgu_unclassified_reply_oldest_age_seconds",
            "Age of the oldest e-mailed reply nobody has classified yet (0: none).",
            _age(now, oldest),
        )

    def _task_queue(self, now):
        names = rq_queue_names()
        if not names or not settings.REDIS_URL:
            return
        from rq import Queue

        connection = _redis()
        jobs = GaugeMetricFamily(
            "sorgu_task_queue_jobs",
            "Jobs in the task queue (RQ on Redis), by queue and state.",
            labels=["queue", "state"],
        )
        for name in names:
            queue = Queue(name, connection=connection)
            jobs.add_metric([name, "queued"], connection.llen(queue.key))
            for state in RQ_REGISTRIES:
                registry = getattr(queue, f"{state}_job_registry")
                jobs.add_metric([name, state], connection.zcard(registry.key))
        yield jobs


class _ThisProcess(Collector):
    """The process's own registry (django-prometheus's metrics, the process' CPU and memory)
    when the workers do not share PROMETHEUS_MULTIPROC_DIR."""

    def collect(self):
        return REGISTRY.collect()


def _multiprocess_dir() -> str:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def exposition() -> bytes:
    """The metrics page: every worker's (or this process') metrics and the portal's gauges."""
    registry = CollectorRegistry(auto_describe=False)
    if _multiprocess_dir():
        MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    registry.register(PortalCollector())
    return generate_latest(registry)


def _address_allowed(request) -> bool:
    networks = getattr(settings, "METRICS_ALLOWED_NETWORKS", [])
    if not networks:
        return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(n, strict=False) for n in networks)


def _token_given(request) -> str:
    scheme, _space, credentials = request.headers.get("Authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


@never_cache
@require_safe
def metrics(request):
    token = getattr(settings, "METRICS_TOKEN", "")
    if not token:
        raise Http404("Metrics are off.")
    if not _address_allowed(request):
        return HttpResponse("Forbidden.\n", status=403, content_type="text/plain")
    if not hmac.compare_digest(_token_given(request).encode(), token.encode()):
        response = HttpResponse("A bearer token is needed.\n", status=401)
        response["Content-Type"] = "text/plain"
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
