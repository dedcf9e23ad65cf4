"""Settings shared by every environment, read from the environment through one ``env``.

Embedded defaults (SQLite, database search, immediate tasks, console e-mail) let a newcomer run
the portal with no services. Production overrides live in ``production.py``.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="insecure-local-development-key-not-for-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The project's apps; docs/architecture.md says what each holds and which may import which.
    "core",
    "foi",
    "mail",
    "workspace",
    "api",
    "demo",
    "bench",
    "cms",
    "search",
    "publicstats",
    "webhooks",
    "alerts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_prometheus",
    "anymail",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Sign-in with a state identity (OpenID Connect), offered only when OIDC_SERVER_URL is set.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Metrics and the request's id first (config/request_metrics.py: django-prometheus's, lean;
    # config/logs.py); the metrics' other half is appended last, at the end of this file.
    "config.request_metrics.MetricsBeforeMiddleware",
    "config.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.csp.SorguCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.RefuseNulMiddleware",
    # Whole public pages for visitors who are not signed in (core/pagecache.py): after the
    # language is known, before anything reads the session or renders a CSRF token.
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Content Security Policy (django-csp; config/csp.py): strict on the public site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail would fetch avatars from gravatar.com: a third party learning who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# ... and the admin's dashboard would ask releases.wagtail.org for news; upgrades are deliberate.
WAGTAIL_ENABLE_UPDATE_CHECK = False

ROOT_URLCONF = "config.urls"
# bench/load.py only: serve a bare view at /_bench/floor/ to measure pages against.
BENCH_FLOOR = env.bool("BENCH_FLOOR", default=False)
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let a reader and a writer work at once on the embedded database.
    # IMMEDIATE: a transaction takes the write lock when it begins, which on SQLite is what
    # select_for_update is on PostgreSQL (it waits, then reads what the other wrote). Without
    # it a second writer that read first fails with "database is locked" instead of waiting.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
# A read replica for public reads (config/db_router.py): DATABASE_REPLICA_URL=postgres://...
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASES["replica"].setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    DATABASE_ROUTERS = ["config.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE += ["config.db_router.ReplicaReadsMiddleware"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "foi.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env("LANGUAGE_CODE", default="az")
LANGUAGES = [
    ("az", _("Azerbaijani")),
    ("en", _("English")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Baku")
USE_I18N = True
USE_TZ = True
# English dates with the day first and a 24-hour clock (config/formats/en/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "assets"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://sorgu"),
}

# The anonymous page cache (core/pagecache.py, docs/architecture.md). On by default only with
# a cache every process shares: a local-memory cache would not hear another process's (the
# cron sweep's, another worker's) invalidations. FOI_PAGE_CACHE=true turns it on for a
# single-process server anyway.
_SHARED_CACHE = CACHES["default"]["BACKEND"].rsplit(".", 1)[0] not in (
    "django.core.cache.backends.locmem",
    "django.core.cache.backends.dummy",
)
FOI_PAGE_CACHE = env.bool("FOI_PAGE_CACHE", default=_SHARED_CACHE)
# The longest a stored page is served, in seconds, should an invalidation be missed (a
# deadline passing within the day is not an event: this bounds how long "due" stays "due").
FOI_PAGE_CACHE_TIMEOUT = env.int("FOI_PAGE_CACHE_TIMEOUT", default=300)
# How long the Wagtail sidebar of a person is kept (workspace/sidebar.py); 0: built each time.
WORKSPACE_SIDEBAR_SECONDS = env.int("WORKSPACE_SIDEBAR_SECONDS", default=60)
# Cache-Control max-age of anonymous public pages, for browsers and a proxy's micro-cache
# (docs/deploy.md); 0: "no-cache", every use revalidated with the ETag.
FOI_PUBLIC_CACHE_SECONDS = env.int("FOI_PUBLIC_CACHE_SECONDS", default=30)

# Background work: Django's Tasks API. Immediate by default; RQ on Redis when REDIS_URL is set
# (see production.py and docs/architecture.md).
REDIS_URL = env("REDIS_URL", default="")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail: Django's API, configured for anymail in production (ANYMAIL_ESP), console here.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Sorğu <noreply@sorgu.example>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = "[Sorğu] "

# Outbound webhooks (docs/webhooks.md). Plain http and private, loopback or link-local
# addresses (the portal's own network: SSRF) are refused unless allowed, as in DEBUG.
WEBHOOKS_ALLOW_HTTP = env.bool("WEBHOOKS_ALLOW_HTTP", default=DEBUG)
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", default=DEBUG)
# Failed attempts in a row after which a subscription is paused and its owner told.
WEBHOOKS_MAX_FAILURES = env.int("WEBHOOKS_MAX_FAILURES", default=8)
WEBHOOKS_TIMEOUT_SECONDS = env.float("WEBHOOKS_TIMEOUT_SECONDS", default=10)
# Who hears of server errors and of a broken audit chain: ADMINS=ops@example.org,cto@example.org
# (without it, the daily sweep writes to the active superusers).
ADMINS = [("", address) for address in env.list("ADMINS", default=[])]
FOI_MAIL_DOMAIN = env("FOI_MAIL_DOMAIN", default="sorgu.example")
# The keys of the reply addresses' check codes (mail/addresses.py), comma-separated: the first
# signs new addresses, every one is accepted. Rotate by putting a new key in front and keeping
# the old ones (docs/security.md, "Reply addresses"). Empty: SECRET_KEY and its fallbacks, which
# keyed them before this setting existed.
FOI_REPLY_ADDRESS_KEYS = env.list("FOI_REPLY_ADDRESS_KEYS", default=[])
# Webhooks whose signature carries a time and a one-off token (Mailgun's): a signature older or
# newer than this many seconds is refused, and a token seen within it is refused the second time
# (mail/webhooks.py; the tokens live in the shared cache).
FOI_WEBHOOK_MAX_AGE = env.int("FOI_WEBHOOK_MAX_AGE", default=15 * 60)
# How many days the reply link in a letter to a body that answers by e-mail works
# (mail/replylinks.py); each later letter to the same address pushes it back a full period.
FOI_REPLY_LINK_DAYS = env.int("FOI_REPLY_LINK_DAYS", default=60)
ANYMAIL = {}

# Search: the database backend unless ELASTICSEARCH_URL names a cluster.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# "database" or "elasticsearch" to choose explicitly; empty: by ELASTICSEARCH_URL.
SEARCH_BACKEND = env("SEARCH_BACKEND", default="")
# Behind Elasticsearch, keep the database index too and answer from it when the cluster is down.
SEARCH_DATABASE_FALLBACK = env.bool("SEARCH_DATABASE_FALLBACK", default=True)
# The alias searches and writes go to; each rebuild makes a new index behind it.
SEARCH_INDEX_ALIAS = env("SEARCH_INDEX_ALIAS", default="sorgu-search")
# PostgreSQL backend: relevance ranks at most this many matches, the newest, and the page says
# so when more match (ranking reads one document row per ranked match;
# bench/results/search-history.md).
SEARCH_RANK_CANDIDATES = env.int("SEARCH_RANK_CANDIDATES", default=5000)

# An RFC 3161 timestamping authority's address: each day's published audit root is sent to it
# and its token kept beside the root (foi/timestamping.py). Empty: no timestamps.
FOI_AUDIT_TSA_URL = env("FOI_AUDIT_TSA_URL", default="")

# The law applied to bodies that do not name one, and to the deadline command's default.
FOI_DEFAULT_LAW = env("FOI_DEFAULT_LAW", default="az")

# The footer's "Source code" link: the repository this deployment runs from. Empty: no link.
FOI_SOURCE_URL = env("FOI_SOURCE_URL", default="")

WAGTAIL_SITE_NAME = "Sorğu"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
# Pages missing in a language are served from the default locale (cms.models.HomePage.route),
# so editors translate with simple_translation when they are ready, not all at once.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

# Accounts (django-allauth): e-mail is the login; it must be verified before signing in.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Sorğu] "
# allauth's defaults, stated so that they are visible and tunable from the environment.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    "signup": env("RATE_LIMIT_SIGNUP", default="20/m/ip"),
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# Our adapter (foi.auth.adapter): the client address below, one failed-login count per account.
ACCOUNT_ADAPTER = "foi.auth.adapter.AccountAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The proxies in front of the app servers (addresses or CIDR networks, comma-separated), whose
# X-Forwarded-For is believed when finding the client's address for rate limits (allauth's and
# the API's; foi.auth.client_ip). Empty: the header is ignored and the peer is the client.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
# Wagtail's page and document privacy send people to the one sign-in page, not to its own
# form (/_util/login/, now a redirect, like the admins' login forms: config/urls.py).
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
MFA_TOTP_ISSUER = "Sorğu"
# Sign-up also asks for the name a written request must carry (the citizen portal).
ACCOUNT_SIGNUP_FORM_CLASS = "foi.forms.accounts.SignupForm"

# Sign-in with a national digital identity (OpenID Connect; docs/deploy.md, docs/security.md).
# Off unless OIDC_SERVER_URL is set: then the sign-in page offers one button, labelled OIDC_NAME.
# An identity is joined to an existing account only by an e-mail address that the provider says
# it verified and that the account has verified too, never to an account with a second factor
# (foi.auth.social); the provider's name is kept as a verified name that only officers see.
OIDC_SERVER_URL = env("OIDC_SERVER_URL", default="")
SOCIALACCOUNT_ADAPTER = "foi.auth.social.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": (
            [
                {
                    "provider_id": env("OIDC_PROVIDER_ID", default="egov"),
                    "name": env("OIDC_NAME", default="e-Gov"),
                    "client_id": env("OIDC_CLIENT_ID", default=""),
                    "secret": env("OIDC_CLIENT_SECRET", default=""),
                    "settings": {
                        "server_url": OIDC_SERVER_URL,
                        "oauth_pkce_enabled": True,
                        "fetch_userinfo": True,
                    },
                }
            ]
            if OIDC_SERVER_URL
            else []
        ),
    }
}
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
# Only what the provider vouches for (email_verified); anything else is confirmed by mail.
SOCIALACCOUNT_EMAIL_VERIFICATION = "mandatory"
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_AUTO_SIGNUP = True

# The citizen portal: how many requests one person may file in 24 hours (0: no limit), and an
# optional dotted path to a function(text=, body=, limit=) that finds similar answered requests
# (the search app's, by default; empty: a simple word match in foi.selectors).
FOI_FILING_RATE_LIMIT = env.int("FOI_FILING_RATE_LIMIT", default=10)
# Batch requests (one letter to many bodies): a batch to more bodies than this waits for a
# moderator's approval, and no batch reaches more than FOI_BATCH_MAX_BODIES.
FOI_BATCH_APPROVAL_THRESHOLD = env.int("FOI_BATCH_APPROVAL_THRESHOLD", default=10)
FOI_BATCH_MAX_BODIES = env.int("FOI_BATCH_MAX_BODIES", default=100)
# Suggestions of bodies and corrections one person may make in 24 hours (0: no limit).
FOI_BODY_SUGGESTION_RATE_LIMIT = env.int("FOI_BODY_SUGGESTION_RATE_LIMIT", default=5)
# Saved searches with alerts (alerts/): how many one person may keep.
ALERTS_MAX_SAVED_SEARCHES = env.int("ALERTS_MAX_SAVED_SEARCHES", default=20)
FOI_SIMILAR_REQUESTS_FINDER = env("FOI_SIMILAR_REQUESTS_FINDER", default="search.similar_requests")
# the same for published proactive disclosures shown beside them (empty: none suggested)
FOI_SIMILAR_DISCLOSURES_FINDER = env(
    "FOI_SIMILAR_DISCLOSURES_FINDER", default="search.similar_disclosures"
)

# Logs (config/logs.py): every line carries its request's id; JSON lines with LOG_FORMAT=json
# (production's default), plain text here. LOG_REQUESTS adds one line per request.
LOG_FORMAT = env("LOG_FORMAT", default="plain")
LOG_REQUESTS = env.bool("LOG_REQUESTS", default=False)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "config.logs.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "config.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs every page action at INFO; its admin history keeps them anyway.
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
        # pikepdf says at INFO that its C++ logger is bridged, on every process start.
        "pikepdf": {"level": "WARNING"},
    },
}

# E-mail in and out (mail/): links in e-mails point here; replies come to
# req-<reference>-<code>@FOI_MAIL_DOMAIN through anymail's inbound webhook at /anymail/.
FOI_SITE_URL = env("FOI_SITE_URL", default=WAGTAILADMIN_BASE_URL)
# The agency workspace in the Wagtail admin (workspace/). Members of a body reach the admin
# through their membership; staff must use TOTP before any staff power works (any page but
# allauth's, the API, tokens) where this is True (production's default). Everyone signs in
# through allauth, which asks for the TOTP code.
# First: it answers Wagtail's access check from the memberships (workspace/backends.py).
AUTHENTICATION_BACKENDS.insert(0, "workspace.backends.MembershipAdminAccessBackend")
MIDDLEWARE += ["foi.auth.mfa.StaffMFAMiddleware"]
WAGTAILADMIN_LOGIN_URL = "account_login"
FOI_REQUIRE_STAFF_MFA = env.bool("FOI_REQUIRE_STAFF_MFA", default=False)
# The largest file an officer may attach, in bytes (core.files checks every file's content).
FOI_ATTACHMENT_MAX_SIZE = env.int("FOI_ATTACHMENT_MAX_SIZE", default=25 * 1024 * 1024)
# A redacted copy gets a text layer by OCR (Tesseract) while the officer waits, up to this many
# pages; a longer one is made without (docs/redaction.md, bench/redact.py). 0: never.
FOI_REDACTION_OCR_MAX_PAGES = env.int("FOI_REDACTION_OCR_MAX_PAGES", default=10)
# The queue marks an open request "due soon" this many working days before its due date.
FOI_DUE_SOON_WORKING_DAYS = env.int("FOI_DUE_SOON_WORKING_DAYS", default=2)

# The public REST API (api/, issue 8): JSON in and out, a token or the session to sign in,
# one-sentence errors, and its OpenAPI schema at /api/schema/ with a docs page at /api/docs/
# served from our own static files (drf-spectacular-sidecar; no CDN).
INSTALLED_APPS += [
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Agency systems in (issue 25): OAuth2 client credentials beside people's tokens (api.clients).
    "oauth2_provider",
]
REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header makes "not signed in" a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # DRF's own, refusing staff who have not used their second factor (api.authentication).
        "api.authentication.StaffMFATokenAuthentication",
        # An agency's system: a client-credentials Bearer token acting as its service account.
        "api.authentication.ClientCredentialsAuthentication",
        "api.authentication.StaffMFASessionAuthentication",
    ],
    # Anyone, but a client application only within its token's scopes (api.clients).
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.AllowAny",
        "api.clients.ClientScopes",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["api.clients.ClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "api_token": env("API_TOKEN_RATE", default="10/min"),
        # The OAuth token endpoint, per client address; and each client application's calls.
        "api_oauth_token": env("API_OAUTH_TOKEN_RATE", default="10/min"),
        "api_client": env("API_CLIENT_RATE", default="600/min"),
    },
}
# django-oauth-toolkit: the client-credentials grant only (api.clients.ClientTokenView), secrets
# hashed, tokens for an hour; an application gets only the scopes an administrator granted it.
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"  # named for api.ClientScopes
OAUTH2_PROVIDER = {
    "SCOPES": {
        "requests:read": "Read the body's requests, their case files and their queue",
        "requests:act": "Take the body's actions on its requests",
        "officers:read": "List the body's officers and coordinators",
    },
    "DEFAULT_SCOPES": ["requests:read"],
    "SCOPES_BACKEND_CLASS": "api.clients.ApplicationScopes",
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("OAUTH_ACCESS_TOKEN_SECONDS", default=3600),
    # Only client credentials are used (api/clients.py); every RFC 9700 (OAuth 2.0 Security
    # BCP) behaviour is the compliant one: no implicit or password grant, no plain PKCE, no
    # token in a query string, tokens stored hashed, refresh-token replay revokes the family,
    # https redirect URIs only (and a non-compliant setting is an error at `check --deploy`).
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_MATCHING": True,
    "COMPLIANT_BCP_RFC9700_PKCE_REQUIRED": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sorğu API",
    "DESCRIPTION": "Requests for information, public bodies, laws and search.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_api_v1"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# What an archive-based file (DOCX, XLSX, ODT, ODS) may unpack to: total bytes, the ratio of any
# part over 1 MB, and its number of parts (core.files.archive_check, before anything reads it).
FOI_ARCHIVE_MAX_UNPACKED_SIZE = env.int("FOI_ARCHIVE_MAX_UNPACKED_SIZE", default=100 * 1024 * 1024)
FOI_ARCHIVE_MAX_RATIO = env.int("FOI_ARCHIVE_MAX_RATIO", default=100)
FOI_ARCHIVE_MAX_MEMBERS = env.int("FOI_ARCHIVE_MAX_MEMBERS", default=10_000)
# Text from scans (core/ocr.py, foi/services/ocr.py): Tesseract from Debian's packages; without
# it scans stay searchable by name only (docs/deploy.md, "Text recognition").
FOI_OCR_LANGUAGES = env.str("FOI_OCR_LANGUAGES", default="aze+rus+eng")
FOI_TESSERACT_COMMAND = env.str("FOI_TESSERACT_COMMAND", default="tesseract")
FOI_OCR_MAX_PAGES = env.int("FOI_OCR_MAX_PAGES", default=500)
FOI_OCR_PAGE_TIMEOUT = env.int("FOI_OCR_PAGE_TIMEOUT", default=180)
FOI_OCR_STALE_MINUTES = env.int("FOI_OCR_STALE_MINUTES", default=30)

# Prometheus metrics at /metrics (config/metrics.py, docs/deploy.md "Metrics"): off (a 404)
# until METRICS_TOKEN is set; then only for "Authorization: Bearer <token>", and only from
# METRICS_ALLOWED_NETWORKS when that lists addresses or networks (REMOTE_ADDR).
METRICS_TOKEN = env("METRICS_TOKEN", default="")
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=[])
# Request latency per view: few buckets (each is a series per view and method).
PROMETHEUS_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, float("inf"))
# Last, after every other middleware: the metrics' half that times each view.
MIDDLEWARE += ["config.request_metrics.MetricsAfterMiddleware"]
