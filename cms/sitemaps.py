"""The sitemap: live public pages of the site's own tree (Wagtail), plus public requests.

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


SITEMAPS = {"pages": PageSitemap, "requests": PublicRequestSitemap}
