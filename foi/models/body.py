from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import translated


class BodyKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    COMMITTEE = "committee", _("State committee")
    AGENCY = "agency", _("State agency")
    SERVICE = "service", _("State service")
    EXECUTIVE_AUTHORITY = "executive_authority", _("Executive authority")
    LOCAL_EXECUTIVE = "local_executive", _("Local executive authority")
    MUNICIPALITY = "municipality", _("Municipality")
    STATE_COMPANY = "state_company", _("State-owned company")
    PUBLIC_LEGAL_ENTITY = "public_legal_entity", _("Public legal entity")
    CENTRAL_BANK = "central_bank", _("Central bank")
    COMMISSION = "commission", _("Commission")
    OVERSIGHT = "oversight", _("Oversight body")
    EDUCATION = "education", _("Education institution")
    OMBUDSMAN = "ombudsman", _("Ombudsman")
    COURT = "court", _("Court")
    OTHER = "other", _("Other public body")


class PublicBodyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class PublicBody(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    acronym = models.CharField(max_length=30, blank=True)
    name_az = models.CharField(max_length=300)
    name_en = models.CharField(max_length=300, blank=True)
    name_ru = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=32, choices=BodyKind.choices, default=BodyKind.OTHER)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The superior body, which reviews appeals at the first level."),
    )
    law = models.ForeignKey("foi.Law", on_delete=models.PROTECT, related_name="bodies")
    request_email = models.EmailField(blank=True)
    # E-mail (issue 5): where replies may come from, and whether the address is known to fail.
    email_domains = models.CharField(
        _("mail domains"),
        max_length=500,
        blank=True,
        help_text=_(
            "Domains the body writes from, separated by spaces or commas (e.g. mof.gov.az). "
            "The domain of the request e-mail counts too."
        ),
    )
    request_email_needs_repair = models.BooleanField(
        _("request e-mail needs repair"),
        default=False,
        help_text=_("Set when mail to the request e-mail bounced, or there is none to send to."),
    )
    request_email_problem = models.CharField(_("problem"), max_length=300, blank=True)
    request_email_problem_at = models.DateTimeField(null=True, blank=True)
    website = models.URLField(blank=True)
    address = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublicBodyManager()

    class Meta:
        ordering = ["name_az"]
        verbose_name = _("public body")
        verbose_name_plural = _("public bodies")

    def __str__(self) -> str:
        return self.name

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["foi.law"]

    @property
    def name(self) -> str:
        return translated(self, "name")


class MembershipRole(models.TextChoices):
    OFFICER = "officer", _("Officer")
    COORDINATOR = "coordinator", _("Coordinator")


class Membership(models.Model):
    """A person working for a body. Coordinators route requests; officers answer them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(PublicBody, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=MembershipRole.choices)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "body"], name="membership_unique_user_body")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.body} · {self.get_role_display()}"
