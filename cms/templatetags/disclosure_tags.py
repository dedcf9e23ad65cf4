"""``{% load disclosure_tags %}{% disclosure_compliance body %}``: a body's proactive-disclosure
standing, for pages outside the CMS (the body's public page) to embed without importing cms."""

from django import template

from cms import compliance, selectors

register = template.Library()


@register.inclusion_tag("cms/_compliance.html")
def disclosure_compliance(body, heading_level=2):
    return {
        "body": body,
        "compliance": compliance.body_compliance(body=body),
        "section": selectors.disclosure_index_for(body=body),
        "heading_level": heading_level,
    }
