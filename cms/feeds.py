"""An Atom feed of new proactive disclosures and disclosure-log entries."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.feedgen import SafeAtom1Feed

from . import selectors


class DisclosureFeed(Feed):
    feed_type = SafeAtom1Feed
    title = _("Sorğu: new disclosures")
    subtitle = _("Information public bodies published, and answers added to the disclosure log.")
    link = "/"

    def items(self):
        return selectors.latest_disclosures(limit=30)

    def item_title(self, item):
        return f"{item.title} · {item.body.name}"

    def item_description(self, item):
        return getattr(item.page, "summary", "") or item.page.search_description

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        # Stable across renames and translations.
        return f"urn:sorgu:page:{item.page.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        moment = item.page.first_published_at
        if moment is None:
            moment = datetime.datetime.combine(item.published, datetime.time(9))
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment)

    def item_updateddate(self, item):
        return item.page.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        category = getattr(item.page, "category", None)
        return [category.name] if category is not None else [str(_("Disclosure log"))]
