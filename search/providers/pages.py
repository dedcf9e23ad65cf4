"""Published Wagtail pages as search documents (disclosures, disclosure logs, ...).

A page class joins the index by declaring its kind and, optionally, what to index:

    class DisclosurePage(Page):
        search_kind = "disclosure"

        def get_search_parts(self) -> dict:
            return {
                "text": "...",                     # plain text (rich text: strip the tags)
                "documents": [doc, ...],           # Wagtail Documents, or (name, bytes) pairs
                "body_id": self.body_id,           # for the "body" facet (optional)
                "date": self.first_published_at,   # for sorting and the "year" facet
            }

Only live pages without view restrictions (on them or an ancestor) are indexed. The provider
listens to Wagtail's ``page_published``/``page_unpublished``, page moves, deletions and privacy
changes itself, so nothing else has to tell the index. Without ``get_search_parts`` a page is
indexed by its title and search description.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from search import extraction
from search.documents import FilePart, IndexDocument

logger = logging.getLogger(__name__)


class PageProvider:
    def __init__(self, *, kind: str, label):
        self.kind = kind
        self.label = label

    def page_models(self) -> list:
        from wagtail.models import get_page_models

        return [m for m in get_page_models() if getattr(m, "search_kind", None) == self.kind]

    def _public(self, model):
        return model.objects.live().public().specific().order_by("pk")

    def count(self) -> int:
        return sum(self._public(model).count() for model in self.page_models())

    def iter_documents(self) -> Iterator[IndexDocument]:
        for model in self.page_models():
            for page in self._public(model).iterator(chunk_size=200):
                yield self.build(page)

    def document_for(self, object_id: str) -> IndexDocument | None:
        for model in self.page_models():
            page = self._public(model).filter(pk=object_id).first()
            if page is not None:
                return self.build(page)
        return None

    def build(self, page) -> IndexDocument:
        hook = getattr(page, "get_search_parts", None)
        parts = hook() if callable(hook) else {}
        text = parts.get("text")
        if text is None:
            text = page.search_description or ""
        files = tuple(_file_part(item) for item in parts.get("documents") or ())
        return IndexDocument(
            kind=self.kind,
            object_id=str(page.pk),
            url=page.get_url() or page.url_path,
            title=parts.get("title") or page.title,
            text=strip_tags(text),
            files=files,
            date=parts.get("date") or page.last_published_at or page.first_published_at,
            body_id=parts.get("body_id"),
            outcome=parts.get("outcome", ""),
            language=getattr(getattr(page, "locale", None), "language_code", "") or "",
            reference=parts.get("reference", ""),
        )

    def public_pages(self, object_ids, *, flag: str = "") -> dict[str, object]:
        """object id → the live, public page, read again from the pages (the index may lag a
        change); with ``flag``, only pages whose class sets that attribute true."""
        found = {}
        for model in self.page_models():
            if flag and not getattr(model, flag, False):
                continue
            for page in self._public(model).filter(pk__in=[int(i) for i in object_ids]):
                found[str(page.pk)] = page
        return found

    # -- keeping the index current -----------------------------------------------------------

    def _ours(self, page) -> bool:
        return getattr(type(page), "search_kind", None) == self.kind or (
            getattr(page.specific_class, "search_kind", None) == self.kind
        )

    def connect(self, on_change, on_remove) -> None:
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        def published(sender, instance, **kwargs):
            if self._ours(instance):
                on_change(self.kind, str(instance.pk))

        def unpublished(sender, instance, **kwargs):
            if self._ours(instance):
                on_remove(self.kind, str(instance.pk))

        def deleted(sender, instance, **kwargs):
            if isinstance(instance, Page) and self._ours(instance):
                on_remove(self.kind, str(instance.pk))

        def subtree(page):
            return Page.objects.descendant_of(page, inclusive=True).only("pk", "content_type")

        def moved(sender, instance, **kwargs):
            for page in subtree(instance):
                if self._ours(page):
                    on_change(self.kind, str(page.pk))

        def restricted(sender, instance, created=False, raw=False, **kwargs):
            # A page made private (or a parent of it) leaves at once; made public, it returns.
            if raw:
                return
            narrowing = kwargs.get("signal") is post_save
            for page in subtree(instance.page):
                if self._ours(page):
                    (on_remove if narrowing else on_change)(self.kind, str(page.pk))

        uid = f"search.page_provider.{self.kind}"
        page_published.connect(published, weak=False, dispatch_uid=f"{uid}.published")
        page_unpublished.connect(unpublished, weak=False, dispatch_uid=f"{uid}.unpublished")
        post_page_move.connect(moved, weak=False, dispatch_uid=f"{uid}.moved")
        page_slug_changed.connect(moved, weak=False, dispatch_uid=f"{uid}.slug")
        post_delete.connect(deleted, weak=False, dispatch_uid=f"{uid}.deleted")
        for signal, name in ((post_save, "restricted"), (post_delete, "unrestricted")):
            signal.connect(
                restricted, sender=PageViewRestriction, weak=False, dispatch_uid=f"{uid}.{name}"
            )


def _file_part(item) -> FilePart:
    """A Wagtail Document or a (name, bytes) pair; a file that cannot be read is indexed by
    its name (the reason is logged)."""
    if isinstance(item, tuple):
        name, content = item
        return FilePart(name=name, text=extraction.text_or_empty(content, name))
    name = getattr(item, "filename", "") or getattr(item, "title", "") or str(item)
    try:
        with item.file.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError) as error:
        logger.warning("Cannot open document %s: %s", name, error)
        return FilePart(name=name, ref=f"document:{item.pk}")
    text = extraction.text_or_empty(content, name, what=f"document {item.pk}")
    return FilePart(name=getattr(item, "title", "") or name, text=text, ref=f"document:{item.pk}")
