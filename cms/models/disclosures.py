"""Proactive disclosure: the law's categories (snippets) and the pages that publish them."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.paging import pagination
from foi.models import BodyKind
from foi.models.i18n import translated

from .blocks import body_blocks


class DisclosureCategoryManager(models.Manager):
    def get_by_natural_key(self, law_code, code):
        return self.get(law__code=law_code, code=code)


class DisclosureCategoryForm(WagtailAdminModelForm):
    body_kinds = forms.MultipleChoiceField(
        label=_("Applies to kinds of body"),
        choices=BodyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every body under the law."),
    )


class DisclosureCategory(models.Model):
    """A kind of information a law obliges bodies to publish without being asked.

    Freshness is data: ``refresh_months`` says when a publication is out of date, and an
    annual report (Art. 30.1 in Azerbaijan) names the day of the next year it is due by.
    """

    law = models.ForeignKey(
        "foi.Law", on_delete=models.PROTECT, related_name="disclosure_categories"
    )
    code = models.SlugField(max_length=60)
    article = models.CharField(max_length=40, blank=True, verbose_name=_("article"))
    name_az = models.CharField(max_length=300, verbose_name=_("name (Azerbaijani)"))
    name_en = models.CharField(max_length=300, verbose_name=_("name (English)"))
    name_ru = models.CharField(max_length=300, blank=True, verbose_name=_("name (Russian)"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("order"))
    refresh_months = models.PositiveSmallIntegerField(
        default=12,
        verbose_name=_("out of date after (months)"),
        help_text=_("0: a publication never goes out of date."),
    )
    annual_due_month = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("annual: due month"),
        help_text=_("For an annual report: the month of the next year by which it is due."),
    )
    annual_due_day = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("annual: due day")
    )
    body_kinds = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("applies to kinds of body"),
        help_text=_("Empty: every body under the law."),
    )
    confirmed = models.BooleanField(
        default=True,
        verbose_name=_("confirmed in the law's text"),
        help_text=_("Unconfirmed categories are shown as such to the public."),
    )

    objects = DisclosureCategoryManager()
    base_form_class = DisclosureCategoryForm

    class Meta:
        ordering = ["law", "sort_order", "code"]
        verbose_name = _("disclosure category")
        verbose_name_plural = _("disclosure categories")
        constraints = [
            models.UniqueConstraint(fields=["law", "code"], name="disclosure_category_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article} {self.name}".strip()

    def natural_key(self):
        return (self.law.code, self.code)

    @property
    def name(self) -> str:
        return translated(self, "name")

    @property
    def is_annual(self) -> bool:
        return bool(self.annual_due_month and self.annual_due_day)

    def annual_due_date(self, year: int) -> datetime.date:
        """When the report covering ``year`` is due."""
        return datetime.date(year + 1, self.annual_due_month, self.annual_due_day)

    def applies_to(self, body) -> bool:
        return not self.body_kinds or body.kind in self.body_kinds

    def clean(self):
        if bool(self.annual_due_month) != bool(self.annual_due_day):
            raise ValidationError(_("Give both the month and the day an annual report is due."))
        if self.is_annual:
            try:
                datetime.date(2001, self.annual_due_month, self.annual_due_day)
            except ValueError as error:
                raise ValidationError(_("That due day does not exist.")) from error
        unknown = set(self.body_kinds or []) - set(BodyKind.values)
        if unknown:
            raise ValidationError(
                {"body_kinds": _("Unknown kinds of body: %s") % ", ".join(sorted(unknown))}
            )


class DisclosureHubPage(Page):
    """The entry to proactive disclosures: every body's section and how complete it is."""

    intro = RichTextField(blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.DisclosureIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("disclosures hub")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = selectors.disclosure_sections(hub=self)
        context["latest"] = selectors.latest_disclosures(limit=10)
        return context


class DisclosureIndexPage(Page):
    """One public body's proactive disclosures, filterable by category and year."""

    body = models.ForeignKey(
        "foi.PublicBody",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("public body"),
    )
    intro = RichTextField(blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("body"), FieldPanel("intro")]
    parent_page_types = ["cms.DisclosureHubPage"]
    subpage_types = ["cms.DisclosurePage"]
    page_size = 20

    class Meta:
        verbose_name = _("body's disclosures")
        verbose_name_plural = _("bodies' disclosures")

    def clean(self):
        super().clean()
        clash = (
            DisclosureIndexPage.objects.filter(body_id=self.body_id, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exclude(translation_key=self.translation_key)
        )
        if self.body_id and clash.exists():
            raise ValidationError({"body": _("This body already has a disclosures section.")})

    def get_context(self, request, *args, **kwargs):
        from cms import compliance, selectors
        from cms.forms import DisclosureFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = DisclosureFilterForm(request.GET or None, law=self.body.law)
        context["filter_form"] = form
        disclosures = Paginator(
            selectors.disclosure_list(body=self.body, **form.filters()), self.page_size
        )
        context["disclosures"] = disclosures.get_page(request.GET.get("page"))
        context["pagination"] = pagination(request, context["disclosures"])
        context["compliance"] = compliance.body_compliance(body=self.body)
        return context


class DisclosurePageForm(WagtailAdminPageForm):
    """Editors may link only requests the public may see (docs/permissions.md: editors see what
    anonymous visitors see)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from foi import selectors

        section = self.parent_page.specific if self.parent_page is not None else None
        if isinstance(section, DisclosureIndexPage) and "category" in self.fields:
            # Only the categories of the body's own law.
            self.fields["category"].queryset = DisclosureCategory.objects.filter(
                law_id=section.body.law_id
            )
        if "related_requests" in self.fields:
            field = self.fields["related_requests"]
            # The widget first: setting the queryset hands its choices to the current widget, and
            # a widget put in afterwards would offer none.
            field.widget = forms.SelectMultiple(attrs={"size": 8})
            field.queryset = selectors.foi_request_public_qs().order_by("-submitted_at")
            field.help_text = _("Public requests whose answers this publication relates to.")


class DisclosurePage(Page):
    """One publication of a category, by a body, for a period."""

    category = models.ForeignKey(
        DisclosureCategory,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("category"),
    )
    # Copied from the parent section on save, so compliance queries need no tree walk.
    body = models.ForeignKey(
        "foi.PublicBody",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    publication_date = models.DateField(
        default=timezone.localdate, verbose_name=_("publication date")
    )
    period_start = models.DateField(null=True, blank=True, verbose_name=_("period from"))
    period_end = models.DateField(null=True, blank=True, verbose_name=_("period to"))
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    text = StreamField(body_blocks(), blank=True, verbose_name=_("text"))
    related_requests = ParentalManyToManyField(
        "foi.FOIRequest", blank=True, related_name="+", verbose_name=_("related requests")
    )

    base_form_class = DisclosurePageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("category", widget=forms.Select),
                FieldPanel("publication_date"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            ],
            heading=_("What and when"),
        ),
        FieldPanel("summary"),
        FieldPanel("text"),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
        FieldPanel("related_requests"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("text"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["cms.DisclosureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        ordering = ["-publication_date"]

    # Joins the public search index (search.providers.pages): summary, text and documents.
    search_kind = "disclosure"
    suggested_at_filing = True  # offered beside similar requests in the filing wizard

    def get_search_parts(self) -> dict:
        from cms.models.disclosure_log import _midnight

        return {
            "text": f"{self.summary}\n{self.text}",
            "documents": [item.document for item in self.documents.all()],
            "body_id": self.body_id,
            "date": _midnight(self.publication_date),
        }

    def _section(self):
        parent = self.get_parent() if self.path else None
        return parent.specific if parent is not None else None

    def _take_body_from_section(self):
        section = self._section()
        if isinstance(section, DisclosureIndexPage):
            self.body_id = section.body_id

    def full_clean(self, *args, **kwargs):
        self._take_body_from_section()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        # Drafts skip full_clean (Wagtail validates only title and slug), so also here.
        self._take_body_from_section()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors["period_end"] = _("The period ends before it starts.")
        category = self.category if self.category_id else None
        if (
            category is not None
            and category.is_annual
            and not (self.period_start and self.period_end)
        ):
            errors["period_start"] = _("An annual report needs the period it covers.")
        if category is not None and self.body_id and category.law_id != self.body.law_id:
            errors["category"] = _("This category belongs to another law than the body's.")
        if errors:
            raise ValidationError(errors)

    @property
    def year(self) -> int:
        return (self.period_end or self.publication_date).year

    def public_related_requests(self):
        from foi import selectors

        # A preview (of a page never published, or of a revision) holds its related requests in
        # memory, where .values("pk") is not available: take the keys from the objects.
        keys = [item.pk for item in self.related_requests.all()]
        return (
            selectors.foi_request_public_qs()
            .filter(pk__in=keys)
            .select_related("requester")  # the subject is shown masked (public_subject)
        )


class DisclosureDocument(Orderable):
    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("title"),
        help_text=_("Shown instead of the document's own title, if given."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def label(self) -> str:
        return self.title or self.document.title
