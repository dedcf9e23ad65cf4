"""StreamField blocks shared by the CMS pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CalloutBlock(blocks.StructBlock):
    """A boxed note, e.g. a legal caveat or a value the law leaves unconfirmed."""

    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        template = "cms/blocks/callout.html"
        label = _("Callout")


class StepsBlock(blocks.ListBlock):
    """Numbered steps, e.g. how to make a request."""

    def __init__(self, **kwargs):
        super().__init__(blocks.RichTextBlock(features=["bold", "italic", "link"]), **kwargs)

    class Meta:
        icon = "list-ol"
        template = "cms/blocks/steps.html"
        label = _("Numbered steps")


def body_blocks():
    # Headings render as <h2> and <h3> (cms/blocks/heading.html, subheading.html): the page's
    # <h1> is its title, and screen readers move through a page by its headings.
    return [
        (
            "heading",
            blocks.CharBlock(
                label=_("Heading"),
                form_classname="title",
                icon="title",
                template="cms/blocks/heading.html",
            ),
        ),
        (
            "subheading",
            blocks.CharBlock(
                label=_("Subheading"), icon="title", template="cms/blocks/subheading.html"
            ),
        ),
        ("paragraph", blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)),
        ("steps", StepsBlock()),
        ("callout", CalloutBlock()),
        (
            "document",
            DocumentChooserBlock(label=_("Document"), template="cms/blocks/document.html"),
        ),
    ]
