"""Sign-up's extra fields, the profile, and closing an account."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from foi.forms.cleaning import CleanTextMixin
from foi.forms.govuk import GovukFormMixin
from foi.models import User


class SignupForm(GovukFormMixin, CleanTextMixin, forms.Form):
    """Added to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS); allauth saves the names.

    A written request must carry the requester's name (docs/law-az.md), so it is asked at once;
    each request may still show a pseudonym or no name in public.
    """

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    def signup(self, request, user):
        """allauth's hook; the adapter has already copied the names onto the user."""


class ProfileForm(GovukFormMixin, CleanTextMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=200,
        required=False,
        help_text=_("If you ask on behalf of a newspaper, a company or an association."),
    )
    postal_address = forms.CharField(
        label=_("Postal address (optional)"),
        max_length=1_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed if you want paper copies by post."),
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Language of the site and of our e-mails"),
        choices=User._meta.get_field("preferred_language").choices,
    )


class CloseAccountForm(GovukFormMixin, CleanTextMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.user is None or not _is_password_of(self.user, password):
            raise forms.ValidationError(_("That is not your password."))
        return password


def _is_password_of(user, password: str) -> bool:
    """Checked by allauth's adapter, so that a wrong guess here counts in the same per-address
    and per-account limits as on the sign-in page (and too many raise allauth's error)."""
    from allauth.account.adapter import get_adapter
    from allauth.core import context

    authenticated = get_adapter(context.request).authenticate(
        context.request, email=user.email, password=password
    )
    return authenticated is not None and authenticated.pk == user.pk
