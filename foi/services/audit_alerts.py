"""The sweep's check of the audit trail: a broken chain is written to the administrators."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail

from foi.services.audit import ChainBreak, case_events_verify_all
from foi.services.audit_roots import RootBreak, audit_roots_verify

# How many days back the sweep recomputes published roots (each costs a query over every
# request); ``foi_verify_audit`` recomputes them all.
ROOT_DAYS_CHECKED = 7

MAX_LISTED = 50


def administrators_emails() -> list[str]:
    """``settings.ADMINS`` when configured, else every active superuser with an address."""
    configured = [email for _name, email in getattr(settings, "ADMINS", [])]
    if configured:
        return configured
    users = get_user_model().objects.filter(is_superuser=True, is_active=True)
    return sorted({email for email in users.values_list("email", flat=True) if email})


def audit_verify_and_alert() -> list[ChainBreak]:
    """Verify every chain; when any is broken, e-mail the administrators the list (in English:
    it is an operator's alert, like Django's own error mails)."""
    breaks = list(case_events_verify_all())
    recipients = administrators_emails()
    if breaks and recipients:
        listed = "\n".join(f"- {broken}" for broken in breaks[:MAX_LISTED])
        more = len(breaks) - MAX_LISTED
        body = (
            "The daily check of the audit trail found request histories that no longer match "
            "their hash chain. Someone changed or removed recorded events outside the "
            "application, or the database was restored from an inconsistent copy.\n\n"
            f"{listed}\n"
            + (f"...and {more} more.\n" if more > 0 else "")
            + "\nRun `python manage.py foi_verify_audit` to see them all, and compare with a "
            "backup or with the case files the parties downloaded (they carry the hashes).\n"
        )
        send_mail(
            f"{settings.EMAIL_SUBJECT_PREFIX}Audit trail broken in {len(breaks)} request(s)",
            body,
            settings.SERVER_EMAIL,
            recipients,
        )
    return breaks


def audit_roots_verify_and_alert(*, today) -> list[RootBreak]:
    """Check every published root's record and link, and recompute the last
    ``ROOT_DAYS_CHECKED`` days' trees from the chains; e-mail the administrators what fails."""
    import datetime

    since = today - datetime.timedelta(days=ROOT_DAYS_CHECKED)
    breaks = list(audit_roots_verify(since=since))
    recipients = administrators_emails()
    if breaks and recipients:
        listed = "\n".join(f"- {broken}" for broken in breaks[:MAX_LISTED])
        body = (
            "The daily check of the published audit roots found roots that no longer match "
            "their record, the root of the day before, or the request histories stored now. "
            "A published root or a whole request history was rewritten outside the "
            "application.\n\n"
            f"{listed}\n\nRun `python manage.py foi_verify_audit` to see them all, and "
            "compare with the roots published at /audit/roots/ and kept by others.\n"
        )
        send_mail(
            f"{settings.EMAIL_SUBJECT_PREFIX}Published audit roots broken: {len(breaks)}",
            body,
            settings.SERVER_EMAIL,
            recipients,
        )
    return breaks
