"""The batch form: one letter, its details and the bodies it goes to (foi.services.batches)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from foi.forms.filing import DetailsForm, LetterForm
from foi.models import PublicBody


class BodySlugsField(forms.Field):
    """The chosen bodies' slugs, one checkbox each (the page draws them)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return [str(slug).strip()[:120] for slug in value if str(slug).strip()]


class BatchForm(LetterForm, DetailsForm):
    """The letter (as the wizard's letter step), the details (as its details step) and the
    bodies, at least two."""

    error_anchors = {"bodies": "body-choices"}

    bodies = BodySlugsField(
        label=_("Public bodies"),
        error_messages={"required": _("Choose the bodies to send the request to.")},
    )

    def clean_bodies(self) -> list[PublicBody]:
        slugs = list(dict.fromkeys(self.cleaned_data["bodies"]))
        found = {
            body.slug: body
            for body in PublicBody.objects.select_related("law").filter(slug__in=slugs)
        }
        if len(found) != len(slugs):
            raise forms.ValidationError(_("Choose bodies from the list."))
        bodies = [found[slug] for slug in slugs]
        inactive = [body.name for body in bodies if not body.is_active]
        if inactive:
            raise forms.ValidationError(
                _("These bodies no longer take requests; leave them out: %(names)s.")
                % {"names": ", ".join(inactive)}
            )
        if len(bodies) < 2:
            raise forms.ValidationError(
                _("Choose at least two bodies for a batch; for one body, make a single request.")
            )
        return bodies
