from django import template

from foi.labels import ACTION_LABELS

register = template.Library()


@register.filter
def action_label(name: str) -> str:
    return str(ACTION_LABELS.get(name, name))
