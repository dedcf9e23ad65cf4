"""Widgets of the pages staff open all day, written out in Python.

Django renders a select through one template per option and one per option's attributes; on
the queue, whose filters have some thirty options, that was a fifth of the page's time
(docs/benchmarks.md, "The officer queue"). These give the same HTML as Django's templates
(tests/workspace/test_widgets.py compares them) without the templates.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """Attributes as Django's ``attrs.html`` writes them: True as a bare name, False left out."""
    shown = {}
    for name, value in attrs.items():
        if value is True:
            shown[name] = True
        elif value is not False and value is not None:
            shown[name] = value
    plain = {name: value for name, value in shown.items() if value is not True}
    bare = "".join(f" {name}" for name, value in shown.items() if value is True)
    return flatatt(plain) + bare


class Select(forms.Select):
    # The same class name as Django's, so that Wagtail's ``w-field--select`` styles apply.

    """``forms.Select`` rendered without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = []
        for group_name, group, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], mark_safe(_attrs(option["attrs"])), option["label"])
                    for option in group
                ),
            )
            if group_name:
                rendered = format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
            options.append(rendered)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            mark_safe(_attrs(widget["attrs"])),
            mark_safe("".join(options)),
        )
