"""gunicorn's settings for Sorğu: ``gunicorn -c config/gunicorn.py config.wsgi:application``.

Command-line options override these; the environment can set the usual ``GUNICORN_CMD_ARGS``.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = 60
max_requests = 2000
max_requests_jitter = 200
# The app's own JSON line per request (LOG_REQUESTS, config/logs.py) carries the request's id;
# GUNICORN_ACCESSLOG= (empty) turns gunicorn's plain one off where those are shipped.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None


def _multiprocess_dir() -> str:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def on_starting(server):
    """With PROMETHEUS_MULTIPROC_DIR (docs/deploy.md, "Metrics"), the workers write their
    metrics there and a scrape adds them up; the last run's files must not be counted again."""
    directory = _multiprocess_dir()
    if directory:
        os.makedirs(directory, exist_ok=True)
        for name in os.listdir(directory):
            if name.endswith(".db"):
                os.remove(os.path.join(directory, name))


def child_exit(server, worker):
    """A worker that ends (max_requests, a crash) leaves its counters; its live gauges go."""
    if _multiprocess_dir():
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker):
    """Move everything loaded so far (Django, Wagtail, the URL and template caches) out of the
    garbage collector's reach: a full collection then no longer walks a million long-lived
    objects, which paused one request in forty for about 100 ms
    (bench/results/load-history.md)."""
    gc.collect()
    gc.freeze()
