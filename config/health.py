"""``/healthz`` and ``/readyz`` for a load balancer, an orchestrator or a monitor: no sign-in,
no session, no template, nothing cached (docs/deploy.md, "Health checks").

``/healthz`` says the process answers. ``/readyz`` asks each service the portal needs the
cheapest question it can (the database a ``SELECT 1``, the cache a write and a read, the task
queue's Redis a ping when tasks go through one, the search backend its own check) and gives each
one's latency; 200 when all answer, 503 naming those that do not.
"""

from __future__ import annotations

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache() -> bool:
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


def _task_queue() -> bool:
    """Tasks run at once on the embedded default; through RQ on Redis when REDIS_URL is set."""
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return True
    import redis

    return bool(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2).ping())


def _search() -> bool:
    import search

    return search.health()[1]


CHECKS = {"database": _database, "cache": _cache, "task_queue": _task_queue, "search": _search}


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        ok = bool(check())
        error = "" if ok else "did not answer as expected"
    except Exception as exception:
        ok, error = False, type(exception).__name__
    result = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if error:
        result["error"] = error
    return result


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    results = {name: _timed(check) for name, check in CHECKS.items()}
    ready = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": results},
        status=200 if ready else 503,
    )
