from django.db import models
from wagtail.documents import get_document_model_string
from wagtail.models import Page


class SearchTestDisclosurePage(Page):
    search_kind = "disclosure"

    body_text = models.TextField(blank=True)
    body_ref = models.ForeignKey(
        "foi.PublicBody", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    def get_search_parts(self) -> dict:
        return {
            "text": self.body_text,
            "documents": [self.document] if self.document else [],
            "body_id": self.body_ref_id,
        }


class SearchTestPlainPage(Page):
    """Not searchable: declares no search_kind."""
