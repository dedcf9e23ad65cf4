"""django-prometheus's two middlewares, lean: only the metrics the operators read are kept
(docs/deploy.md, "Metrics"), and a label can never be chosen by a client.

Kept: the latency histogram per view and method, the responses by status, view and method, the
exceptions by type and by view, and the latency including every middleware. Dropped (each a
counter or a histogram touched on every request, and series Prometheus would store): the counts
by transport, method, charset, template and AJAX, and the request and response body sizes.
django-prometheus labels its latency by the raw ``request.method``: a client sending made-up
methods would make a new series each; here any method Django does not know is
``<invalid method>``.
"""

from __future__ import annotations

from django_prometheus.middleware import (
    Metrics,
    PrometheusAfterMiddleware,
    PrometheusBeforeMiddleware,
)
from django_prometheus.utils import Time, TimeSince

KEPT = {
    "django_http_requests_latency_including_middlewares_seconds",
    "django_http_requests_unknown_latency_including_middlewares_total",
    "django_http_requests_latency_seconds_by_view_method",
    "django_http_requests_unknown_latency_total",
    "django_http_responses_total_by_status_view_method",
    "django_http_exceptions_total_by_type",
    "django_http_exceptions_total_by_view",
}
METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "OPTIONS", "CONNECT", "PATCH"}
)


class _Dropped:
    """Stands for a metric not kept: every call does nothing."""

    def labels(self, *args, **kwargs):
        return self

    def inc(self, *args, **kwargs):
        pass

    def observe(self, *args, **kwargs):
        pass


DROPPED = _Dropped()


class LeanMetrics(Metrics):
    _instance = None

    def register_metric(self, metric_cls, name, documentation, labelnames=(), **kwargs):
        if name not in KEPT:
            return DROPPED
        return super().register_metric(metric_cls, name, documentation, labelnames, **kwargs)


class MetricsBeforeMiddleware(PrometheusBeforeMiddleware):
    metrics_cls = LeanMetrics


class MetricsAfterMiddleware(PrometheusAfterMiddleware):
    metrics_cls = LeanMetrics

    def label_metric(self, metric, request, response=None, **labels):
        if metric is DROPPED:
            return DROPPED
        if "method" in labels and labels["method"] not in METHODS:
            labels["method"] = "<invalid method>"
        return metric.labels(**labels) if labels else metric

    # What django-prometheus's own methods would add beyond this is only the dropped metrics'
    # work (reading headers, the body's length, the charset): skipped.

    def process_request(self, request):
        request.prometheus_after_middleware_event = Time()

    def process_view(self, request, view_func, *view_args, **view_kwargs):
        return None

    def process_template_response(self, request, response):
        return response

    def process_response(self, request, response):
        method = request.method if request.method in METHODS else "<invalid method>"
        view = self._get_view_name(request)
        self.metrics.responses_by_status_view_method.labels(
            status=str(response.status_code), view=view, method=method
        ).inc()
        started = getattr(request, "prometheus_after_middleware_event", None)
        if started is None:
            self.metrics.requests_unknown_latency.inc()
        else:
            self.metrics.requests_latency_by_view_method.labels(view=view, method=method).observe(
                TimeSince(started)
            )
        return response
