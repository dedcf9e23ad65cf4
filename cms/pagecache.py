"""The CMS's pages in the anonymous page cache (core/pagecache.py).

Every page Wagtail serves (the home page, the disclosure hubs, indexes and logs, the standard
pages) and a body's disclosure standing are cached for visitors who are not signed in. They
depend on the "site" generation, which any change to the CMS bumps (a page published,
unpublished, moved or deleted; a snippet, a setting, a site or a redirect saved), and on
"lists": the home page shows the newest requests and counts them. A page with a form renders
a CSRF token and is therefore never stored; a private page answers with a redirect or a
password form, never stored either.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail import views as wagtail_views
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import pagecache

SITE = "site"
LISTS = "lists"
# Apps whose rows are what CMS pages show (Wagtail's own, the CMS's, the snippets').
WATCHED_APPS = frozenset({"cms", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects"})
# Wagtail rows that change no published page: drafts, logs, tasks and who is editing.
QUIET_MODELS = frozenset(
    {
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.pagesubscription",
        "wagtailcore.editingsession",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "wagtailcore.uploadedfile",
    }
)


def cms_page(**kwargs):
    return (SITE, LISTS)


def _site_changed(**kwargs):
    pagecache.bump(SITE)


def _row_changed(sender, raw=False, **kwargs):
    meta = getattr(sender, "_meta", None)
    if raw or meta is None or meta.app_label not in WATCHED_APPS:
        return
    if meta.label_lower in QUIET_MODELS:
        return
    pagecache.bump(SITE)


def connect() -> None:
    from cms import views

    pagecache.register(wagtail_views.serve, depends_on=cms_page)
    pagecache.register(views.body_compliance, depends_on=cms_page, params=())
    uid = "cms.pagecache"
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_site_changed, dispatch_uid=f"{uid}.{id(signal)}")
    post_save.connect(_row_changed, dispatch_uid=f"{uid}.save")
    post_delete.connect(_row_changed, dispatch_uid=f"{uid}.delete")
