"""The one field that takes several uploaded files at once: the officers' answer in the
workspace and the body's answer through its reply link both use it, so a file is checked the
same way whichever door it comes through."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import files

MAX_FILES = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; cleans to a list of ``(name, bytes)``, each checked by
    ``core.files`` (size first, before reading, then the content)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        items = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not items:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(items) > MAX_FILES:
            raise ValidationError(
                _("Attach at most %(count)d files at once.") % {"count": MAX_FILES}
            )
        cleaned, problems = [], []
        for item in items:
            item = super().clean(item, initial)
            try:
                files.check_size(item.name, item.size)
                content = item.read()
                files.sniff(content, item.name)
            except files.UnsupportedFile as error:
                problems.append(str(error))
                continue
            cleaned.append((item.name, content))
        if problems:
            raise ValidationError(problems)
        return cleaned
