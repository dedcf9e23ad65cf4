from .disclosure_log import DisclosureLogDocument, DisclosureLogIndexPage, DisclosureLogPage
from .disclosures import (
    DisclosureCategory,
    DisclosureDocument,
    DisclosureHubPage,
    DisclosureIndexPage,
    DisclosurePage,
)
from .pages import HomePage, StandardPage

__all__ = [
    "DisclosureCategory",
    "DisclosureDocument",
    "DisclosureHubPage",
    "DisclosureIndexPage",
    "DisclosureLogDocument",
    "DisclosureLogIndexPage",
    "DisclosureLogPage",
    "DisclosurePage",
    "HomePage",
    "StandardPage",
]
