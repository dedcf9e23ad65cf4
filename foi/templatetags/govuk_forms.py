"""Django form fields in GOV.UK Frontend's markup (templates/forms/govuk_field.html): the
widget with its govuk class, the anchor the error summary links to."""

from __future__ import annotations

from django import forms, template

register = template.Library()

CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
}


def kind(field) -> str:
    """'radios', 'checkboxes', 'checkbox' (a single box) or 'input' (anything typed)."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.filter
def govuk_kind(field) -> str:
    return kind(field)


@register.filter
def govuk_widget(field):
    """The field's input, textarea or select with GOV.UK's class (and its error variant)."""
    widget = field.field.widget
    if isinstance(widget, forms.Textarea):
        base = CLASSES["textarea"]
    elif isinstance(widget, forms.Select):
        base = CLASSES["select"]
    elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        base = CLASSES["file"]
    elif isinstance(widget, forms.CheckboxInput):
        base = "govuk-checkboxes__input"
    else:
        base = "govuk-input"
    css = [base, widget.attrs.get("class", "")]
    if field.errors and base != "govuk-checkboxes__input":
        css.append(f"{base}--error")
    attrs = {"class": " ".join(c for c in css if c)}
    described = [widget.attrs.get("aria-describedby", "")]
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    described = " ".join(d for d in described if d)
    if described:
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


@register.filter
def error_anchor(field) -> str:
    """The id the error summary links to: the field's input, the first of a set of choices,
    or what the form names in ``error_anchors`` (a list the page draws itself)."""
    named = getattr(field.form, "error_anchors", {}).get(field.name)
    if named:
        return named
    if kind(field) in ("radios", "checkboxes"):
        return f"{field.auto_id}_0"
    return field.auto_id
