from django.urls import path
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds, views
from .sitemaps import SITEMAPS

app_name = "cms"
urlpatterns = [
    path(
        "disclosures/bodies/<slug:slug>/",
        views.body_compliance,
        name="body_compliance",
    ),
    path(
        "disclosures/bodies/<slug:slug>/fragment/",
        views.body_compliance_fragment,
        name="body_compliance_fragment",
    ),
    path("disclosures/feed/", feeds.DisclosureFeed(), name="disclosure_feed"),
    path(
        "disclosure-log/new/<str:reference>/",
        views.log_draft_create,
        name="log_draft_create",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="cms/robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
