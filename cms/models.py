from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from foi import selectors


class HomePage(Page):
    """The portal's front page: what it is, live figures and the latest public requests."""

    intro = RichTextField(blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = selectors.public_counts_by_state()
        context["total_requests"] = sum(counts.values())
        context["counts"] = counts
        context["latest_requests"] = selectors.foi_request_latest_public(limit=8)
        return context

    def __str__(self) -> str:
        return self.title
