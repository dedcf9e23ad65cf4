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
accesslog = "-"


def post_worker_init(worker):
    """Move everything loaded so far (Django, Wagtail, the URL and template caches) out of the
    garbage collector's reach: a full collection then no longer walks a million long-lived
    objects, which paused one request in forty for about 100 ms
    (bench/results/load-history.md)."""
    gc.collect()
    gc.freeze()
