"""Writing a body's letter templates: its coordinators (and admins) only.

A template whose text names a placeholder outside the fixed list is refused with the
placeholder named, and nothing is saved (``foi.letter_templates``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotPermitted
from foi import permissions
from foi.models import LetterTemplate, PublicBody

TEMPLATE_FIELDS = ("law", "action", "language", "title", "text")


def _require_coordinator(actor, body_id) -> None:
    if not permissions.can_edit_letter_templates(body_id, actor):
        raise NotPermitted(_("Only the body's coordinators may change its letter templates."))


def _validated(letter_template: LetterTemplate) -> None:
    letter_template.title = (letter_template.title or "").strip()
    letter_template.text = (letter_template.text or "").replace("\r\n", "\n").strip()
    try:
        letter_template.full_clean()
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages), errors=error.message_dict) from error


@transaction.atomic
def letter_template_create(*, actor, body: PublicBody, **fields) -> LetterTemplate:
    """A new template of ``body``; ``law`` defaults to the body's law."""
    _require_coordinator(actor, body.pk)
    fields.setdefault("law", body.law)
    letter_template = LetterTemplate(
        body=body, updated_by=actor, **{k: v for k, v in fields.items() if k in TEMPLATE_FIELDS}
    )
    _validated(letter_template)
    letter_template.save()
    return letter_template


@transaction.atomic
def letter_template_update(*, actor, letter_template: LetterTemplate, **fields) -> LetterTemplate:
    """Change a template; its body never changes."""
    _require_coordinator(actor, letter_template.body_id)
    changed = LetterTemplate.objects.select_for_update().get(pk=letter_template.pk)
    for name, value in fields.items():
        if name in TEMPLATE_FIELDS:
            setattr(changed, name, value)
    changed.updated_by = actor
    _validated(changed)
    changed.save()
    return changed


@transaction.atomic
def letter_template_delete(*, actor, letter_template: LetterTemplate) -> None:
    _require_coordinator(actor, letter_template.body_id)
    letter_template.delete()
