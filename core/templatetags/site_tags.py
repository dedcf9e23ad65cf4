"""What base.html needs on every page and that knows no domain: which section of the service
navigation the page is in, and the source code's address."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.http import urlencode

register = template.Library()

# The service navigation's sections by path prefix, the longest first ("/requests/new/" is
# "Make a request", not "Requests").
SECTIONS = (
    ("/requests/new/", "new"),
    ("/requests/", "requests"),
    ("/bodies/", "bodies"),
    ("/search/", "search"),
    ("/statistics/", "statistics"),
    ("/me/profile/", "account"),
    ("/me/", "mine"),
    ("/account/", "account"),
    ("/accounts/login/", "login"),
    ("/accounts/signup/", "signup"),
    ("/accounts/", "account"),
)


@register.simple_tag
def nav_section(path: str) -> str:
    """The section of the service navigation the page at ``path`` belongs to, or ""."""
    for prefix, section in SECTIONS:
        if path.startswith(prefix):
            return section
    return ""


@register.simple_tag
def source_url() -> str:
    """Where the source code is (settings.FOI_SOURCE_URL); "" hides the footer's link."""
    return getattr(settings, "FOI_SOURCE_URL", "")


@register.inclusion_tag("_nav_item.html")
def nav_item(href: str, text: str, name: str, section: str, next_path: str = "", first=False):
    """One link of the service navigation, marked current (aria-current) in its section;
    ``next_path`` comes back after signing in; ``first`` starts the account's links."""
    if next_path:
        href = f"{href}?{urlencode({'next': next_path})}"
    return {"href": href, "text": text, "current": name == section, "first": first}
