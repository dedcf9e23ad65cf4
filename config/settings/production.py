"""Production: every secret from the environment; refuses to start without a real SECRET_KEY."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import FOI_REPLY_ADDRESS_KEYS, REDIS_URL, env

DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Staff set up TOTP before they reach any admin page (foi.auth.mfa).
FOI_REQUIRE_STAFF_MFA = env.bool("FOI_REQUIRE_STAFF_MFA", default=True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Attachments and documents on S3-compatible storage (AWS, MinIO, Ceph ...) when a bucket is
# named. Objects are private: the portal streams every attachment through its own permission
# check, so the bucket must never be public and needs no public URL.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }
    # Wagtail documents are served through Django (its privacy settings apply), not a redirect.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# One cache for every process: rate limits (allauth's, the API's) and the TOTP codes already
# used live here, so a per-process memory cache would multiply the limits by the number of
# workers and let a code be replayed on another. Redis when there is one, else the database
# (its table is made by the migration foi 0006; docs/deploy.md).
CACHES = {
    "default": env.cache("CACHE_URL", default=REDIS_URL or "dbcache://sorgu_cache"),
}
# Shared by every process, so the anonymous page cache may be on (core/pagecache.py).
FOI_PAGE_CACHE = env.bool("FOI_PAGE_CACHE", default=True)

if REDIS_URL:
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks_rq.backend.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}

# Logs as JSON lines, one line per request too, for log shipping (docs/deploy.md, "Logs").
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOG_REQUESTS = env.bool("LOG_REQUESTS", default=True)
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured("LOG_FORMAT must be json or plain.")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405
# /metrics's bearer token: as hard to guess as a password (off while unset).
if METRICS_TOKEN and (len(METRICS_TOKEN) < 32 or len(set(METRICS_TOKEN)) < 5):  # noqa: F405
    raise ImproperlyConfigured("METRICS_TOKEN must be a random value of at least 32 characters.")

ANYMAIL_ESP = env("ANYMAIL_ESP", default="")
if ANYMAIL_ESP:
    EMAIL_BACKEND = f"anymail.backends.{ANYMAIL_ESP}.EmailBackend"
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in env.ENVIRON.items()
    if key.startswith("ANYMAIL_") and key != "ANYMAIL_ESP"
}
# The inbound and tracking webhooks (/anymail/) accept only posts with this HTTP basic auth
# ("user:password"); without it anyone could write onto case files, so refuse to start.
_webhook_user, _colon, _webhook_password = ANYMAIL.get("WEBHOOK_SECRET", "").partition(":")
if not (_webhook_user and _colon and len(_webhook_password) >= 16):
    raise ImproperlyConfigured(
        "ANYMAIL_WEBHOOK_SECRET must be set to user:password (a random password of at least "
        "16 characters) in production; the e-mail webhooks use it as HTTP basic auth."
    )

# The reply addresses' own keys (docs/security.md, "Reply addresses"): each as random and as long
# as SECRET_KEY. Unset, they stay keyed by SECRET_KEY (and break when it is rotated).
if any(len(key) < 50 or len(set(key)) < 5 for key in FOI_REPLY_ADDRESS_KEYS):
    raise ImproperlyConfigured(
        "Each of FOI_REPLY_ADDRESS_KEYS must be a random value of at least 50 characters."
    )

# Sign-in with a state identity (docs/deploy.md): only over https, and only with a client of
# our own at the provider.
if OIDC_SERVER_URL and (  # noqa: F405
    not OIDC_SERVER_URL.startswith("https://")  # noqa: F405
    or not env("OIDC_CLIENT_ID", default="")
    or not env("OIDC_CLIENT_SECRET", default="")
):
    raise ImproperlyConfigured(
        "OIDC_SERVER_URL must be an https address, with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET set."
    )
