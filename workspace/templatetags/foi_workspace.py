"""Small filters for the workspace's templates."""

from django import template
from django.utils.translation import gettext_lazy as _

from foi.models import State

register = template.Library()

AUDIENCE_WORDS = {
    "public": _("public"),
    "parties": _("the parties only"),
    "internal": _("internal: the body only"),
}


@register.filter
def state_label(value: str) -> str:
    return str(dict(State.choices).get(value, value or "—"))


@register.filter
def audience_words(value: str) -> str:
    return str(AUDIENCE_WORDS.get(value, value))


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
