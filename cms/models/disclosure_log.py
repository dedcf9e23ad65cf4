"""The disclosure log: answers worth reading by everyone, published by editors.

A log page is made from a public, answered request by ``cms.services.disclosure_log_draft_create``
and published through Wagtail's moderation workflow.
"""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.paging import pagination

from .blocks import body_blocks


class DisclosureLogIndexPage(Page):
    """Every published answer, newest first, filterable by body and year."""

    intro = RichTextField(blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.DisclosureLogPage"]
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("disclosure log")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors
        from cms.forms import DisclosureLogFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = DisclosureLogFilterForm(request.GET or None)
        context["filter_form"] = form
        entries = Paginator(selectors.disclosure_log_list(**form.filters()), self.page_size)
        context["entries"] = entries.get_page(request.GET.get("page"))
        context["pagination"] = pagination(request, context["entries"])
        return context


def _midnight(day):
    """A date as the start of that day in the site's time zone (the index sorts by moments)."""
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class DisclosureLogPage(Page):
    """A published answer to a request: its text and approved files, nothing else."""

    foi_request = models.ForeignKey(
        "foi.FOIRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("request"),
    )
    # Copies, so the entry reads the same if the request is later changed or removed.
    request_reference = models.CharField(max_length=32, verbose_name=_("request reference"))
    body = models.ForeignKey(
        "foi.PublicBody",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("public body"),
    )
    answered_on = models.DateField(null=True, blank=True, verbose_name=_("answered on"))
    outcome = models.CharField(max_length=16, blank=True, verbose_name=_("outcome"))
    summary = models.TextField(
        blank=True,
        verbose_name=_("summary"),
        help_text=_("Why this answer is worth reading, in a sentence or two."),
    )
    answer = StreamField(body_blocks(), blank=True, verbose_name=_("answer"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("request_reference", read_only=True),
                FieldPanel("body", read_only=True),
                FieldPanel("answered_on", read_only=True),
            ],
            heading=_("The request"),
        ),
        FieldPanel("summary"),
        FieldPanel("answer"),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("answer"),
        index.FilterField("answered_on"),
    ]
    parent_page_types = ["cms.DisclosureLogIndexPage"]
    subpage_types = []
    # Entries are made only from a request's public answer (cms.services), never by hand.
    is_creatable = False

    class Meta:
        verbose_name = _("disclosure log entry")
        verbose_name_plural = _("disclosure log entries")

    # Joins the public search index (search.providers.pages): its summary, answer and files.
    search_kind = "disclosure"

    def get_search_parts(self) -> dict:
        return {
            "text": f"{self.summary}\n{self.answer}",
            "documents": [item.document for item in self.documents.all()],
            "body_id": self.body_id,
            "date": _midnight(self.answered_on),
            "outcome": self.outcome,
            "reference": self.request_reference,
        }

    def get_outcome_display(self) -> str:
        from foi.models import Outcome

        return dict(Outcome.choices).get(self.outcome, self.outcome)

    def public_request(self):
        """The request, while the public may still see it."""
        from foi import selectors

        if self.foi_request_id is None:
            return None
        return selectors.foi_request_public_qs().filter(pk=self.foi_request_id).first()


class DisclosureLogDocument(Orderable):
    page = ParentalKey(DisclosureLogPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+")
    # The attachment it came from, so the same file is never copied twice.
    attachment_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    panels = [FieldPanel("document")]

    @property
    def label(self) -> str:
        return self.document.title
