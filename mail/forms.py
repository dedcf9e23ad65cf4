from django import forms

from mail.models import NotificationPreferences
from mail.preferences import FIELDS


class NotificationPreferencesForm(forms.ModelForm):
    """The optional notices; officers' ones only for people who work for a body (the others
    keep their stored values)."""

    class Meta:
        model = NotificationPreferences
        fields = FIELDS
        widgets = {"follower_digest": forms.RadioSelect}

    def __init__(self, *args, is_officer: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_officer:
            for name in [name for name in self.fields if name.startswith("officer_")]:
                del self.fields[name]
