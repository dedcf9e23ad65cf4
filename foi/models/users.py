"""Accounts. A person's contact details live here and only here, never on public records."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

# A requester without an account (an officer registered their oral or postal request) gets an
# address on this domain, reserved by RFC 2606 so that no mail can ever be delivered to it.
NO_ACCOUNT_DOMAIN = "no-account.invalid"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский")],
        default="az",
    )
    # The name a state identity provider vouched for (OpenID Connect sign-in, foi.auth.social):
    # officers see it beside the name the person gave; it never reaches a public page, and the
    # public name or pseudonym of each request is chosen as before.
    verified_name = models.CharField(_("verified name"), max_length=300, blank=True)
    name_verified_by = models.CharField(_("name verified by"), max_length=100, blank=True)
    name_verified_at = models.DateTimeField(_("name verified on"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_case_insensitive")
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def name_verified(self) -> bool:
        return bool(self.verified_name and self.name_verified_by)

    @property
    def has_account(self) -> bool:
        """False for a requester an officer registered without an account: such a person
        cannot sign in, and is reached by post or phone."""
        return not (self.email or "").lower().endswith("@" + NO_ACCOUNT_DOMAIN)

    def clean(self):
        super().clean()
        self.email = (self.email or "").strip().lower()

    def save(self, *args, **kwargs):
        # set_password() leaves the new password in _password until the save: every way of
        # changing it (allauth's change, set and reset, both admins, changepassword) ends here.
        # Other sessions end by themselves (their stored hash no longer matches); API tokens
        # would not, so they go.
        password_changed = self._password is not None and not self._state.adding
        super().save(*args, **kwargs)
        if password_changed:
            from rest_framework.authtoken.models import Token

            Token.objects.filter(user=self).delete()
