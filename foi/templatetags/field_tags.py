"""A Django form field drawn with GOV.UK Frontend's classes (templates/foi/_field.html and
templates/foi/_error_summary.html): the kind of widget decides the markup, the field keeps its
name and id."""

from django import forms, template

register = template.Library()

WIDGET_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
    "input": "govuk-input",
}


@register.filter
def field_kind(bound_field) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


def described_by(bound_field) -> str:
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_error")
    return " ".join(ids)


@register.filter
def govuk_widget(bound_field):
    """The field's own widget with the design system's class (and its error modifier)."""
    kind = field_kind(bound_field)
    css = WIDGET_CLASSES.get(kind, "")
    attrs = {}
    if css:
        attrs["class"] = f"{css} {css}--error" if bound_field.errors else css
    if kind == "input":
        attrs["class"] += " govuk-!-width-full"
    describedby = described_by(bound_field)
    if describedby:
        attrs["aria-describedby"] = describedby
    return bound_field.as_widget(attrs=attrs)


@register.filter
def field_describedby(bound_field) -> str:
    return described_by(bound_field)
