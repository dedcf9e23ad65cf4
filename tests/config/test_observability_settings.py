"""Production's logs and metrics settings (docs/deploy.md, "Metrics" and "Logs"): JSON lines and
one line per request by default, a plain console when asked; a short METRICS_TOKEN refused; the
metrics' two middlewares around all the others and the request id right after the first."""

from tests.config.test_deploy import PRODUCTION, run

SETTINGS = (
    "import config.settings.production as s; "
    "print(s.LOGGING['handlers']['console']['formatter'], s.LOG_REQUESTS, "
    "s.MIDDLEWARE[0].rsplit('.', 1)[1], s.MIDDLEWARE[1], s.MIDDLEWARE[-1].rsplit('.', 1)[1])"
)


def test_production_logs_json_lines_and_each_request():
    result = run(SETTINGS, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "json",
        "True",
        "MetricsBeforeMiddleware",
        "config.logs.RequestIdMiddleware",
        "MetricsAfterMiddleware",
    ]


def test_production_can_log_plain_text_and_refuses_another_format():
    plain = run(SETTINGS, **PRODUCTION, LOG_FORMAT="plain", LOG_REQUESTS="false")
    assert plain.stdout.split()[:2] == ["plain", "False"]
    wrong = run(SETTINGS, **PRODUCTION, LOG_FORMAT="xml")
    assert wrong.returncode != 0 and "LOG_FORMAT must be json or plain" in wrong.stderr


def test_production_refuses_a_guessable_metrics_token():
    short = run(SETTINGS, **PRODUCTION, METRICS_TOKEN="secret")
    assert short.returncode != 0 and "METRICS_TOKEN" in short.stderr
    good = run(SETTINGS, **PRODUCTION, METRICS_TOKEN="k3Jd9x" * 7)
    assert good.returncode == 0, good.stderr


def test_development_logs_plain_text_with_the_request_id_unless_asked_for_json():
    code = (
        "import config.settings.dev as s; f = s.LOGGING['handlers']['console']['formatter']; "
        "print(f, '%(request_id)s' in s.LOGGING['formatters']['plain']['format'])"
    )
    assert run(code).stdout.split() == ["plain", "True"]
    assert run(code, LOG_FORMAT="json").stdout.split()[0] == "json"
