"""The published daily roots of the audit trail: a public page and its Atom feed. Anyone may
read them and keep a copy; a root that later changes is then seen (docs/security.md)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.feedgen import SafeAtom1Feed
from foi.selectors.audit_roots import audit_root_list

PAGE_SIZE = 60
FEED_SIZE = 30


def audit_roots(request):
    page = Paginator(audit_root_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "foi/audit_roots.html", {"page": page})


class AuditRootsFeed(Feed):
    feed_type = SafeAtom1Feed

    def title(self):
        return _("Sorğu: published audit roots")

    def subtitle(self):
        return _("Each day's root over every request's audit trail.")

    def link(self):
        return reverse("foi:audit_roots")

    def items(self):
        return list(audit_root_list()[:FEED_SIZE])

    def item_title(self, item):
        return _("Audit root of %(date)s") % {"date": item.date.isoformat()}

    def item_description(self, item):
        return "\n".join(
            [
                _("Tree root: %(hash)s") % {"hash": item.tree_root},
                _("Requests: %(count)s") % {"count": item.leaf_count},
                _("Chained hash: %(hash)s") % {"hash": item.hash},
                _("Previous: %(hash)s") % {"hash": item.prev_hash},
                _("Algorithm: %(name)s") % {"name": item.algorithm},
            ]
        )

    def item_link(self, item):
        return f"{reverse('foi:audit_roots')}#root-{item.date.isoformat()}"

    def item_guid(self, item):
        return f"audit-root-{item.date.isoformat()}-{item.hash}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.created_at
