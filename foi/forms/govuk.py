"""Our forms in GOV.UK Frontend's markup: ``{{ form.x.as_field_group }}`` renders
templates/forms/govuk_field.html (label, hint, error message, govuk-classed widget); the error
summary at the top of a form is templates/foi/_form_errors.html."""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.template import loader


class GovukRenderer(DjangoTemplates):
    """Django's own widget templates, and our field template from the project's templates."""

    field_template_name = "forms/govuk_field.html"

    def get_template(self, template_name):
        if template_name.startswith("forms/"):
            return loader.get_template(template_name)
        return super().get_template(template_name)


class GovukFormMixin:
    default_renderer = GovukRenderer
