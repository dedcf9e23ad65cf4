"""Reads for the CMS pages. Requests come only through ``foi.selectors``' public views
(docs/permissions.md: pages, feeds and sitemaps see what anonymous visitors see).

URLs carry no language; a page is shown in the visitor's language when translated, otherwise
in the default language. ``_localized`` picks one version of each page that way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.models import Locale, Page, ReferenceIndex, WorkflowState

from foi import selectors as foi_selectors
from foi.models import MessageKind, State

from .models import (
    DisclosureCategory,
    DisclosureDocument,
    DisclosureIndexPage,
    DisclosureLogDocument,
    DisclosureLogIndexPage,
    DisclosureLogPage,
    DisclosurePage,
)


def _locale_ids() -> tuple[int | None, int | None]:
    try:
        active = Locale.get_active().pk
    except Locale.DoesNotExist:
        active = None
    try:
        default = Locale.get_default().pk
    except Locale.DoesNotExist:
        default = active
    return active, default


def _localized(queryset, *, limit: int | None = None) -> list:
    """One version of each page: the visitor's language if it exists, else the default's,
    in the queryset's order."""
    active, default = _locale_ids()
    chosen: dict = {}
    order: list = []
    pages = queryset.filter(locale_id__in={active, default})
    if limit is not None:
        # Each page may come twice (two languages), so twice the rows give ``limit`` pages.
        pages = pages[: limit * 2]
    for page in pages:
        key = page.translation_key
        if key not in chosen:
            order.append(key)
            chosen[key] = page
        elif page.locale_id == active:
            chosen[key] = page
    result = [chosen[key] for key in order]
    return result[:limit] if limit is not None else result


def today() -> date:
    return timezone.localdate(foi_selectors.clock_now())


# -- disclosures ---------------------------------------------------------------------------


def disclosure_categories(*, law) -> list[DisclosureCategory]:
    return list(DisclosureCategory.objects.filter(law=law).order_by("sort_order", "code"))


def disclosure_list(*, body, category: str = "", year: int | None = None) -> list[DisclosurePage]:
    pages = (
        DisclosurePage.objects.live()
        .public()
        .filter(body=body)
        .select_related("category")
        .prefetch_related("documents__document")
        .order_by("-publication_date", "-pk")
    )
    if category:
        pages = pages.filter(category__code=category)
    if year:
        pages = pages.filter(
            Q(period_end__year=year) | Q(period_end__isnull=True, publication_date__year=year)
        )
    return _localized(pages)


def disclosure_index_for(*, body) -> DisclosureIndexPage | None:
    pages = _localized(DisclosureIndexPage.objects.live().public().filter(body=body))
    return pages[0] if pages else None


def disclosure_sections(*, hub) -> list[DisclosureIndexPage]:
    """Every body's section, in the visitor's language where translated."""
    from cms import compliance

    sections = _localized(
        DisclosureIndexPage.objects.live().public().select_related("body", "body__law")
    )
    sections.sort(key=lambda page: page.body.name.casefold())
    report = {
        row.body.pk: row
        for row in compliance.compliance_report(bodies=[page.body for page in sections])
    }
    for page in sections:
        page.compliance = report.get(page.body_id)
    return sections


def disclosure_sections_all() -> list[DisclosureIndexPage]:
    """Every body's disclosures section (live or not), by the body's name, for the admin."""
    sections = list(
        DisclosureIndexPage.objects.exclude(body=None).select_related("body", "body__law")
    )
    sections.sort(key=lambda page: page.body.name.casefold())
    return sections


@dataclass
class LatestItem:
    page: object
    title: str
    url: str
    body: object
    published: date
    kind: str


def latest_disclosures(*, limit: int = 10) -> list[LatestItem]:
    """The newest proactive disclosures and disclosure-log entries together."""
    items = [
        LatestItem(page, page.title, page.url, page.body, page.publication_date, "disclosure")
        for page in _localized(
            DisclosurePage.objects.live()
            .public()
            .select_related("body", "category")
            .order_by("-publication_date", "-pk"),
            limit=limit,
        )
    ]
    items += [
        LatestItem(
            page,
            page.title,
            page.url,
            page.body,
            timezone.localdate(page.first_published_at),
            "log",
        )
        for page in _localized(
            DisclosureLogPage.objects.live()
            .public()
            .select_related("body")
            .order_by("-first_published_at", "-pk"),
            limit=limit,
        )
    ]
    items.sort(key=lambda item: (item.published, item.page.pk), reverse=True)
    return items[:limit]


# -- the disclosure log --------------------------------------------------------------------


def disclosure_log_list(*, body=None, year: int | None = None) -> list[DisclosureLogPage]:
    pages = (
        DisclosureLogPage.objects.live()
        .public()
        .select_related("body")
        .order_by("-first_published_at", "-pk")
    )
    if body is not None:
        pages = pages.filter(body=body)
    if year:
        pages = pages.filter(answered_on__year=year)
    return _localized(pages)


def disclosure_log_index() -> DisclosureLogIndexPage | None:
    """The log index of the default language, where new entries are created."""
    _active, default = _locale_ids()
    return DisclosureLogIndexPage.objects.filter(locale_id=default).order_by("path").first()


def disclosure_log_page_for(*, foi_request) -> DisclosureLogPage | None:
    return DisclosureLogPage.objects.filter(foi_request=foi_request).order_by("pk").first()


def publishable_requests(*, limit: int = 100):
    """Answered public requests with no disclosure-log entry yet."""
    in_log = DisclosureLogPage.objects.exclude(foi_request=None).values("foi_request_id")
    return (
        foi_selectors.foi_request_public_qs()
        .filter(state=State.ANSWERED)
        .exclude(pk__in=in_log)
        .select_related("body")
        .order_by("-answered_at", "-pk")[:limit]
    )


def disclosure_log_drafts():
    """Log entries not published yet, with their moderation state.

    ``workflow_states`` is a property, not a relation ``prefetch_related`` can follow. This is
    Wagtail's own ``prefetch_workflow_states()`` for instances of a specific page class (which
    that method, on a ``DisclosureLogPage`` manager, would match against the base content type
    and find nothing): ``current_workflow_state`` reads ``_current_workflow_states``.
    """
    active_states = WorkflowState.objects.active().select_related("current_task_state__task")
    return (
        DisclosureLogPage.objects.filter(live=False)
        .select_related("body", "owner")
        .prefetch_related(
            Prefetch(
                "_specific_workflow_states",
                queryset=active_states,
                to_attr="_current_workflow_states",
            )
        )
        .order_by("-latest_revision_created_at", "-pk")
    )


@dataclass
class PublicAnswer:
    """What the public sees of a request's answer: the only thing a log entry may copy."""

    responses: list
    attachments: list

    @property
    def is_empty(self) -> bool:
        return not self.attachments and not any(m.text.strip() for m in self.responses)


def public_answer(*, foi_request) -> PublicAnswer:
    # Read as an anonymous visitor: public messages only, approved files only.
    messages = foi_selectors.message_list(foi_request=foi_request, user=AnonymousUser())
    responses = [message for message in messages if message.kind == MessageKind.RESPONSE]
    attachments = [file for message in responses for file in message.attachments.all()]
    return PublicAnswer(responses=responses, attachments=attachments)


# -- documents ----------------------------------------------------------------------------


def document_is_published(*, document) -> bool:
    """Whether a live page that anonymous visitors may see uses the document.

    A page's own rows (its documents list, its StreamField and rich-text links, which Wagtail's
    reference index records) hold its live content once it is published; a draft's changes
    stay in revisions until then, so a document added only in a draft is not counted. The
    disclosure pages' document lists are read directly too, so that a page just published
    counts before the reference index is updated in the background.
    """
    page_ids = set(
        DisclosureDocument.objects.filter(document=document).values_list("page_id", flat=True)
    )
    page_ids.update(
        DisclosureLogDocument.objects.filter(document=document).values_list("page_id", flat=True)
    )
    page_type = ContentType.objects.get_for_model(Page)
    page_ids.update(
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if object_id.isdigit()
    )
    return bool(page_ids) and Page.objects.live().public().filter(pk__in=page_ids).exists()


# -- the home page -------------------------------------------------------------------------


def home_page_context(*, home) -> dict:
    counts = foi_selectors.public_counts_by_state()
    answered = (
        foi_selectors.foi_request_public_qs()
        .filter(state=State.ANSWERED)
        .select_related("body", "requester")
        .order_by("-answered_at", "-pk")[:6]
    )
    return {
        "total_requests": sum(counts.values()),
        "counts": counts,
        "latest_requests": foi_selectors.foi_request_latest_public(limit=6),
        "latest_answered": answered,
        "latest_disclosures": latest_disclosures(limit=6),
        "sections": home.get_children().live().public().in_menu().specific(),
    }
