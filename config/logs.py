"""Every log line knows its request: an id for each request, and JSON lines for log shipping
(docs/deploy.md, "Logs").

``RequestIdMiddleware`` takes the proxy's ``X-Request-ID`` when it is well formed (else makes
one), sends it back on the response and keeps the request in a context variable for the
length of the request. ``RequestContextFilter`` (on the console handler) adds to each record
logged meanwhile: ``request_id``, ``method``, ``path``, ``user_id`` and the ``duration_ms`` so
far; ``JsonFormatter`` writes a record as one JSON line. With ``LOG_REQUESTS`` the middleware
logs one line per request on ``sorgu.request`` with its ``status`` and ``duration_ms``.

What is never logged: the query string, the body, cookies, headers, e-mail addresses. A user is
their id, and only when the request had already loaded them (the filter asks no query). Path
parts that are secrets (a reply link's token, a password-reset key: URL arguments named like
``token``, ``key``, ``uid``, ``secret``, ``signature``) are written ``[redacted]``, in the
``path`` and in a message quoting the path.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.conf import settings
from django.utils.functional import SimpleLazyObject, empty

# A proxy's id: nginx's $request_id (32 hex), a UUID, or any similar token; nothing that could
# break a log line or pass for another field.
REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,127}")
HEADER = "X-Request-ID"
REDACTED = "[redacted]"
SECRET_ARGUMENTS = ("token", "key", "uid", "secret", "signature")
FIELDS = ("request_id", "method", "path", "status", "duration_ms", "user_id")

request_logger = logging.getLogger("sorgu.request")


class _Current:
    __slots__ = ("request", "request_id", "started")

    def __init__(self, request, request_id: str, started: float):
        self.request, self.request_id, self.started = request, request_id, started


_current: ContextVar[_Current | None] = ContextVar("sorgu_current_request", default=None)


def request_id_from(header: str | None) -> str:
    """The incoming id when it is well formed, else a new one (32 hex digits)."""
    if header and REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    current = _current.get()
    return current.request_id if current else None


def safe_path(request) -> str:
    """The request's path (never its query string), with secret URL arguments redacted."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if isinstance(value, str) and value and any(s in name for s in SECRET_ARGUMENTS):
                path = path.replace(value, REDACTED)
    return path


def user_id_of(request) -> int | None:
    """The signed-in user's id, only if the request has already loaded the user (no query)."""
    user = request.__dict__.get("user")
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return None
    return user.pk if getattr(user, "is_authenticated", False) else None


class RequestIdMiddleware:
    """First in the stack after the metrics' own (config/settings/base.py), so that every
    response, a redirect to HTTPS included, carries the id."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.log_requests = getattr(settings, "LOG_REQUESTS", False)

    def __call__(self, request):
        request_id = request_id_from(request.META.get("HTTP_X_REQUEST_ID"))
        started = time.perf_counter()
        request.request_id, request.request_started = request_id, started
        current = _Current(request, request_id, started)
        token = _current.set(current)
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if self.log_requests:
                request_logger.info(
                    "%s %s %s",
                    request.method,
                    safe_path(request),
                    response.status_code,
                    extra={"status": response.status_code},
                )
            return response
        finally:
            _current.reset(token)


class RequestContextFilter(logging.Filter):
    """Adds the current request's fields to a record (``-`` for the id outside a request, so
    that a plain format can name ``%(request_id)s``). Never drops a record. Django logs a 4xx
    or 5xx response after the middlewares have returned, with the request on the record: that
    request's id is used then."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = _current.get()
        if current is not None:
            request, started = current.request, current.started
        else:
            request = getattr(record, "request", None)
            started = getattr(request, "request_started", None)
            if getattr(request, "request_id", None) is None:
                if not hasattr(record, "request_id"):
                    record.request_id = "-"
                return True
        record.request_id = request.request_id
        record.method = request.method
        record.path = safe_path(request)
        if record.path != request.path:
            record.raw_path = request.path
        record.user_id = user_id_of(request)
        if not hasattr(record, "duration_ms") and started is not None:
            record.duration_ms = round((time.perf_counter() - started) * 1000, 1)
        if not hasattr(record, "status") and hasattr(record, "status_code"):
            record.status = record.status_code  # django.request's own
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, the request's fields when
    there are some, and the exception's traceback. Only these: a record's ``request`` (which
    django.request attaches, with its cookies and headers) is never written."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        raw_path = getattr(record, "raw_path", None)
        if raw_path:
            message = message.replace(raw_path, record.path)
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": message,
        }
        for field in FIELDS:
            value = getattr(record, field, None)
            if value is not None and value != "-":
                entry[field] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
