"""The redaction page's forms: the boxes as rows of numbers (what the drawing script fills in,
and what a keyboard or a screen reader user types), and "find every occurrence"."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from foi.services.redactions import Box
from redaction import patterns

# Rows offered beyond the boxes already there: enough for a page drawn by hand; the form is
# shown again with more after a search or a save that asked for it.
SPARE_ROWS = 4
SIDES = ("x0", "y0", "x1", "y1")


def percent_field(label) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_value=100, decimal_places=2
    )


class BoxesForm(forms.Form):
    """``rows`` rows, each: page, left, top, right, bottom (percent of the page) and reason.
    An entirely empty row is ignored; a partly filled one is an error."""

    def __init__(self, *args, reasons, rows: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        labels = {
            "x0": gettext_lazy("Left edge, in per cent of the width"),
            "y0": gettext_lazy("Top edge, in per cent of the height"),
            "x1": gettext_lazy("Right edge, in per cent of the width"),
            "y1": gettext_lazy("Bottom edge, in per cent of the height"),
        }
        for row in range(rows):
            self.fields[f"box-{row}-page"] = forms.IntegerField(
                label=gettext_lazy("Page"), required=False, min_value=1
            )
            for side in SIDES:
                self.fields[f"box-{row}-{side}"] = percent_field(labels[side])
            self.fields[f"box-{row}-reason"] = forms.ChoiceField(
                label=gettext_lazy("Reason"), choices=[("", "—"), *reasons], required=False
            )

    def row_fields(self):
        """The bound fields, row by row, for the template."""
        names = ("page", *SIDES, "reason")
        return [[self[f"box-{row}-{name}"] for name in names] for row in range(self.rows)]

    def clean(self):
        data = super().clean()
        boxes = []
        for row in range(self.rows):
            values = {name: data.get(f"box-{row}-{name}") for name in ("page", *SIDES, "reason")}
            filled = [v not in (None, "") for v in values.values()]
            if not any(filled):
                continue
            if not all(filled):
                raise ValidationError(
                    _("Box %(number)s is incomplete: give its page, four edges and reason.")
                    % {"number": row + 1}
                )
            boxes.append(
                Box(
                    page=values["page"],
                    x0=float(values["x0"]) / 100,
                    y0=float(values["y0"]) / 100,
                    x1=float(values["x1"]) / 100,
                    y1=float(values["y1"]) / 100,
                    reason=values["reason"],
                )
            )
        if not boxes:
            raise ValidationError(_("Draw at least one box, or find a term to black out."))
        data["boxes"] = boxes
        return data


def initial_rows(boxes: list[Box]) -> dict:
    initial = {}
    for row, box in enumerate(boxes):
        initial[f"box-{row}-page"] = box.page
        for side in SIDES:
            initial[f"box-{row}-{side}"] = round(getattr(box, side) * 100, 2)
        initial[f"box-{row}-reason"] = box.reason
    return initial


class FindForm(forms.Form):
    terms = forms.CharField(
        label=gettext_lazy("Words or names to black out, one per line"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    kinds = forms.MultipleChoiceField(
        label=gettext_lazy("And every"),
        choices=patterns.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, reasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = forms.ChoiceField(label=gettext_lazy("Reason"), choices=reasons)

    def clean(self):
        data = super().clean()
        data["term_list"] = [t for t in (data.get("terms") or "").splitlines() if t.strip()]
        if not data["term_list"] and not data.get("kinds"):
            raise ValidationError(_("Type a term or choose a pattern to find."))
        return data
