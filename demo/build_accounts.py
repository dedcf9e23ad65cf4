"""Demo accounts and their memberships, from ``accounts.ACCOUNTS``."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from foi.models import Membership, MembershipRole, PublicBody
from foi.services.accounts import user_record_verified_name

from .accounts import ACCOUNTS, PASSWORDS
from .cms.build_roles import MODERATOR

# Reviewers are plain members of the reviewing body; the role only matters inside a body.
MEMBERSHIP_ROLES = {
    "officer": MembershipRole.OFFICER,
    "coordinator": MembershipRole.COORDINATOR,
    "reviewer": MembershipRole.OFFICER,
}
PROFILE_FIELDS = ("first_name", "last_name", "organisation", "postal_address", "phone")


@dataclass
class AccountsLoaded:
    people: dict = field(default_factory=dict)
    created: int = 0


def _create_user(account: dict):
    User = get_user_model()
    password = PASSWORDS[account["role"]]
    profile = {name: account[name] for name in PROFILE_FIELDS if name in account}
    profile["preferred_language"] = account.get("preferred_language", "az")
    if account["role"] == "admin":
        return User.objects.create_superuser(email=account["email"], password=password, **profile)
    is_staff = account["role"] == "editor"
    user = User.objects.create_user(
        email=account["email"], password=password, is_staff=is_staff, **profile
    )
    if is_staff:
        # Wagtail's own migrations create "Editors"; a site that deleted it gets a bare staff
        # account rather than a group made up here.
        editors = Group.objects.filter(name="Editors").first()
        if editors is not None:
            user.groups.add(editors)
    return user


def accounts_load() -> AccountsLoaded:
    """Create the accounts that do not exist yet; an existing account is left as it is (its
    owner may have changed the password or the profile while trying the demo)."""
    User = get_user_model()
    result = AccountsLoaded()
    with transaction.atomic():
        for account in ACCOUNTS:
            user = User.objects.filter(email__iexact=account["email"]).first()
            if user is None:
                user = _create_user(account)
                result.created += 1
                if account.get("verified_name"):
                    # As a sign-in with the state identity would have kept it (foi.auth.social).
                    user_record_verified_name(
                        user=user, name=account["verified_name"], verified_by="e-Gov"
                    )
            # Demo addresses count as verified, so that the accounts can sign in at once.
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            role = MEMBERSHIP_ROLES.get(account["role"])
            if role is not None:
                body = PublicBody.objects.get(slug=account["body"])
                Membership.objects.get_or_create(user=user, body=body, defaults={"role": role})
            result.people[account["key"]] = user
    return result


def accounts_table() -> list[tuple[str, str, str]]:
    """(e-mail, password, role and body) for the summary the command prints: these accounts and
    the CMS's moderator (made by ``cms_load_demo``), as the README lists them."""
    rows = []
    for account in ACCOUNTS:
        where = f" at {account['body']}" if account.get("body") else ""
        rows.append((account["email"], PASSWORDS[account["role"]], account["role"] + where))
    moderator = (MODERATOR["email"], MODERATOR["password"], "moderator (publishes in the CMS)")
    admin = next((index for index, row in enumerate(rows) if row[2] == "admin"), len(rows))
    rows.insert(admin, moderator)  # beside the editor, before the admin, as in the README
    return rows
