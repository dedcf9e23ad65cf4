"""What every form of ours does to the text it receives, before its fields see it."""

from __future__ import annotations

from django import forms

from core.inputs import clean_text, is_visibly_empty


class CleanTextMixin:
    """Removes control characters (NUL included) from every submitted value, makes a
    single-line field one line, and treats a value that shows nothing (zero-width spaces,
    NBSP, …) as empty, so that a required field refuses it. Passwords are left as typed."""

    def full_clean(self):
        if self.is_bound:
            self.data = self._clean_submitted(self.data)
        super().full_clean()

    def _clean_submitted(self, data):
        multiline, untouched = {}, set()
        for name, field in self.fields.items():
            key = self.add_prefix(name)
            if isinstance(field.widget, forms.PasswordInput):
                untouched.add(key)
            multiline[key] = isinstance(field.widget, forms.Textarea)

        def clean(key, value):
            if not isinstance(value, str) or key in untouched:
                return value
            text = clean_text(value, multiline=multiline.get(key, True))
            return "" if is_visibly_empty(text) else text

        data = data.copy()
        if hasattr(data, "setlist"):
            for key in list(data):
                data.setlist(key, [clean(key, value) for value in data.getlist(key)])
        else:
            for key, value in list(data.items()):
                data[key] = clean(key, value)
        return data
