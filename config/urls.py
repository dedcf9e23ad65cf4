from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("anymail/", include("anymail.urls")),
    path("account/notifications/", include("foi.mail.urls")),
    path("search/", include("search.urls")),
    path("statistics/", include("publicstats.urls")),
    # The public REST API (foi/api/): /api/v1/..., /api/schema/, /api/docs/
    path("api/", include("foi.api.urls")),
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
