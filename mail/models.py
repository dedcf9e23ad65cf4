"""What e-mail leaves behind: every send (the outbound log), every e-mail received (and the
holding pen of those that matched no request), each person's choice of optional notices, and
which deadline notices went out.

Created when e-mail lived in the foi app: the tables kept their names (mail/migrations/0001).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    RETRYING = "retrying", _("Failed, will try again")
    FAILED = "failed", _("Failed, gave up")
    SENT = "sent", _("Sent")
    DEFERRED = "deferred", _("Deferred by the receiving server")
    DELIVERED = "delivered", _("Delivered")
    BOUNCED = "bounced", _("Bounced")
    COMPLAINED = "complained", _("Marked as spam")


class OutboundEmail(models.Model):
    """One e-mail sent (or being sent): what, to whom, and how it went."""

    kind = models.CharField(_("notice"), max_length=40, db_index=True)
    to_email = models.EmailField(_("to"))
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_body = models.ForeignKey(
        "foi.PublicBody",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when the e-mail went to a body's request address."),
    )
    foi_request = models.ForeignKey(
        "foi.FOIRequest", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.ForeignKey(
        "foi.Message",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The timeline entry this e-mail carries (a letter sent to a body)."),
    )
    language = models.CharField(max_length=8, blank=True)
    from_email = models.CharField(max_length=300)
    reply_to = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)

    status = models.CharField(
        max_length=16, choices=OutboundStatus.choices, default=OutboundStatus.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    rfc_message_id = models.CharField(_("Message-ID"), max_length=300, blank=True)
    esp_message_id = models.CharField(max_length=300, blank=True, db_index=True)
    delivery_detail = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    status_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "foi_outboundemail"
        ordering = ["-created_at", "-id"]
        verbose_name = _("outbound e-mail")
        verbose_name_plural = _("outbound e-mails")

    def __str__(self) -> str:
        return f"{self.kind} → {self.to_email}"


class HeldReason(models.TextChoices):
    UNKNOWN_ADDRESS = "unknown_address", _("Sent to an address that is not a request's")
    UNKNOWN_REQUEST = "unknown_request", _("No request has this reference")
    BAD_HMAC = "bad_hmac", _("The address's check code is wrong")
    # No longer given: such an e-mail goes on its case, marked (Message.sender_unknown).
    FOREIGN_SENDER = "foreign_sender", _("The sender is outside the body's mail domains")
    AUTOMATIC_REPLY = "automatic_reply", _("An automatic reply")
    SPAM = "spam", _("Marked as spam by the mail service")


class InboundStatus(models.TextChoices):
    MATCHED = "matched", _("Put on its request")
    HELD = "held", _("Waiting for an administrator")
    FILED = "filed", _("Filed to a request by an administrator")
    DISCARDED = "discarded", _("Discarded")


class InboundEmail(models.Model):
    """Every e-mail received, with its original kept whole: matched to a request, or held.

    One row per e-mail and destination: an e-mail to two requests' reply addresses is two rows
    (each with its own status and decision), an e-mail that reached no request is one row for
    the administrators. ``email_message_id`` is the e-mail's identity (its Message-ID, else the
    mail service's id for it, else a hash of its content: mail.inbound.identity)."""

    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    esp_name = models.CharField(max_length=40, blank=True)
    email_message_id = models.CharField(_("Message-ID"), max_length=300, db_index=True)
    addressed_to = models.CharField(
        _("addressed to request"),
        max_length=40,
        blank=True,
        help_text=_(
            "The reference of the request whose reply address this copy came to; empty for "
            "an e-mail that reached no request's address."
        ),
    )
    from_email = models.CharField(_("from"), max_length=300, blank=True)
    to_addresses = models.TextField(_("to"), blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    raw = models.FileField(_("original"), upload_to="inbound_email/%Y/%m/", max_length=300)
    attachment_names = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=16, choices=InboundStatus.choices, db_index=True)
    reason = models.CharField(
        _("why it was held"), max_length=32, choices=HeldReason.choices, blank=True
    )
    guessed_requests = models.ManyToManyField(
        "foi.FOIRequest", blank=True, related_name="+", verbose_name=_("likely requests")
    )
    foi_request = models.ForeignKey(
        "foi.FOIRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        "foi.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        db_table = "foi_inboundemail"
        ordering = ["-received_at", "-id"]
        constraints = [
            # The same e-mail posted again (every mail service retries) is stored once.
            models.UniqueConstraint(
                fields=["email_message_id", "addressed_to"], name="inbound_email_once"
            )
        ]
        verbose_name = _("inbound e-mail")
        verbose_name_plural = _("inbound e-mails")

    def __str__(self) -> str:
        return f"{self.from_email}: {self.subject or '-'}"


class HeldEmailManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().exclude(reason="")


class HeldEmail(InboundEmail):
    """The holding pen: inbound e-mail that could not be put on a case by itself."""

    objects = HeldEmailManager()

    class Meta:
        proxy = True
        verbose_name = _("held e-mail")
        verbose_name_plural = _("holding pen")


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    OFF = "off", _("Never")


class NotificationPreferences(models.Model):
    """The optional notices a person wants. Notices that carry a legal step (receipts,
    answers, refusals, requests for clarification...) cannot be switched off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    requester_accepted = models.BooleanField(_("When a body accepts my request"), default=True)
    requester_overdue = models.BooleanField(
        _("When a body misses the deadline on my request (I may then appeal)"), default=True
    )
    officer_new_request = models.BooleanField(_("New requests to my body"), default=True)
    officer_clarification_received = models.BooleanField(
        _("Clarifications from requesters"), default=True
    )
    officer_due_soon = models.BooleanField(_("Requests due in two working days"), default=True)
    officer_overdue = models.BooleanField(_("Overdue requests"), default=True)
    officer_appeals = models.BooleanField(
        _("Appeals lodged and decided on my body's requests"), default=True
    )
    follower_digest = models.CharField(
        _("Digest of requests and bodies I follow"),
        max_length=8,
        choices=DigestFrequency.choices,
        default=DigestFrequency.DAILY,
    )
    digest_sent_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "foi_notificationpreferences"
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)


class MilestoneNotice(models.Model):
    """A deadline milestone whose notices went out, so the daily sweep sends each once."""

    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    VERY_OVERDUE = "very_overdue"

    foi_request = models.ForeignKey(
        "foi.FOIRequest", on_delete=models.CASCADE, related_name="milestone_notices"
    )
    milestone = models.CharField(max_length=16)
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "foi_milestonenotice"
        constraints = [
            models.UniqueConstraint(
                fields=["foi_request", "milestone", "due_at"], name="milestone_notice_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.foi_request_id} {self.milestone} {self.due_at:%Y-%m-%d}"


class ReplyReminder(models.Model):
    """The requester was reminded to say what a body's e-mailed reply is (``mail.sweep``), so
    the daily sweep reminds them once per letter."""

    letter = models.OneToOneField(
        "foi.Message", on_delete=models.CASCADE, related_name="reply_reminder"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.letter_id} {self.sent_at:%Y-%m-%d}"


class ReplyLink(models.Model):
    """The personal link in a letter to a body that answers by e-mail (or to an appeal's
    reviewing body off the portal): its officer records the body's move through it without an
    account (mail/replylinks.py). The token in the URL is signed over the link's id and the
    request's; this row says whether it still works (expiry, revocation) and how it was used."""

    foi_request = models.ForeignKey(
        "foi.FOIRequest", on_delete=models.CASCADE, related_name="reply_links"
    )
    appeal = models.ForeignKey(
        "foi.Appeal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Set on the link of an appeal's reviewing body."),
    )
    body = models.ForeignKey(
        "foi.PublicBody",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("acts for"),
    )
    address = models.EmailField(_("sent to"))
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    use_count = models.PositiveIntegerField(_("uses"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reply link")
        verbose_name_plural = _("reply links")

    def __str__(self) -> str:
        return f"{self.foi_request_id} → {self.address}"
