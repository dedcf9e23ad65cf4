"""The sitemap: live public pages of the site's own tree (Wagtail), plus public requests, the
public bodies' pages and the laws' pages.

URLs carry no language, so the default language's tree lists every page once.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from foi import selectors as foi_selectors
from foi.models import State


class PublicRequestSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return (
            foi_selectors.foi_request_public_qs()
            .exclude(state=State.DRAFT)
            .only("reference", "updated_at")
            .order_by("pk")
        )

    def location(self, foi_request):
        return reverse("foi:request_detail", args=[foi_request.reference])

    def lastmod(self, foi_request):
        return foi_request.updated_at


class PublicBodySitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return foi_selectors.public_body_list().order_by("pk")

    def location(self, body):
        return reverse("foi:body_detail", args=[body.slug])


class LawSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return foi_selectors.law_list()

    def location(self, law):
        return reverse("foi:law_detail", args=[law.code])


SITEMAPS = {
    "pages": PageSitemap,
    "requests": PublicRequestSitemap,
    "bodies": PublicBodySitemap,
    "laws": LawSitemap,
}
