from allauth.socialaccount.providers.openid_connect import views as oidc_views
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import health, metrics
from core.views import favicon, language_switch
from foi.auth.social import oidc_enabled, social_sign_in_off, unreachable_provider_guard
from foi.auth.views import reset_password_elsewhere, sign_in_elsewhere
from mail.urls import reply_urlpatterns

# One way to sign in (allauth's, with its second factor, e-mail verification, rate limits and
# lockout): the login and password-reset forms of Django's admin and Wagtail only redirect there.
# These come before the includes that would otherwise serve them.
login_elsewhere_urlpatterns = [
    path("django-admin/login/", sign_in_elsewhere),
    path("admin/login/", sign_in_elsewhere),
    path("_util/login/", sign_in_elsewhere),
    path("admin/password_reset/", reset_password_elsewhere),
    path("admin/password_reset/done/", reset_password_elsewhere),
    path("admin/password_reset/confirm/<str:uidb64>/<str:token>/", reset_password_elsewhere),
    path("admin/password_reset/complete/", reset_password_elsewhere),
]

# Sign-in with a state identity (foi.auth.social): while no provider is configured, none of
# allauth's third-party pages exist (connections, social sign-up, errors, the provider's views).
social_off_urlpatterns = (
    [] if oidc_enabled() else [re_path(r"^accounts/(?:3rdparty|social|oidc)/", social_sign_in_off)]
)
# allauth's own views for the provider, but a provider that cannot be reached is an error page.
oidc_urlpatterns = [
    path("accounts/oidc/<str:provider_id>/login/", unreachable_provider_guard(oidc_views.login)),
    path(
        "accounts/oidc/<str:provider_id>/login/callback/",
        unreachable_provider_guard(oidc_views.callback),
    ),
]

urlpatterns = [
    *login_elsewhere_urlpatterns,
    *social_off_urlpatterns,
    *oidc_urlpatterns,
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # The header's language links (GET, one tap) and the icon browsers ask every site for.
    path("language/<str:code>/", language_switch, name="language_switch"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Prometheus only: a 404 without METRICS_TOKEN, a bearer token with it (config/metrics.py).
    path("metrics", metrics.metrics, name="metrics"),
    path("accounts/", include("allauth.urls")),
    # Our mail services' webhooks (mail/webhooks.py: malformed posts refused, Mailgun's replays
    # refused) before anymail's own views.
    path("anymail/", include("mail.webhooks")),
    path("anymail/", include("anymail.urls")),
    path("account/notifications/", include("mail.urls")),
    path("search/", include("search.urls")),
    path("statistics/", include("publicstats.urls")),
    # The public REST API (api/): /api/v1/..., /api/schema/, /api/docs/
    path("api/", include("api.urls")),
    path("me/webhooks/", include("webhooks.urls")),
    path("me/searches/", include("alerts.urls")),
    # A body's reply link (mail/replylinks.py): /requests/<reference>/reply/<token>/
    path("", include(reply_urlpatterns)),
    path("", include("foi.urls")),
    path("", include("cms.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.BENCH_FLOOR:
    # bench/load.py measures every page against this: Django's own floor on the same server.
    from django.http import HttpResponse

    urlpatterns += [path("_bench/floor/", lambda request: HttpResponse("ok"))]

urlpatterns += [path("", include(wagtail_urls))]
