import os

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MessageKind(models.TextChoices):
    LETTER = "letter", _("Request letter")
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement")
    CLARIFICATION_REQUEST = "clarification_request", _("Clarification asked")
    CLARIFICATION = "clarification", _("Clarification given")
    EXTENSION_NOTICE = "extension_notice", _("Extension notice")
    TRANSFER_NOTICE = "transfer_notice", _("Transfer notice")
    RESPONSE = "response", _("Response")
    REFUSAL = "refusal", _("Refusal")
    REJECTION = "rejection", _("Rejection")
    WITHDRAWAL = "withdrawal", _("Withdrawal")
    LAPSE_NOTICE = "lapse_notice", _("Closed for want of a reply")
    FEE_ESTIMATE = "fee_estimate", _("Fee estimate")
    FEE_NOTICE = "fee_notice", _("Fee paid or waived")
    APPEAL = "appeal", _("Appeal")
    APPEAL_DECISION = "appeal_decision", _("Appeal decision")
    INTERNAL_NOTE = "internal_note", _("Internal note")
    EMAIL_IN = "email_in", _("E-mail received")
    EMAIL_OUT = "email_out", _("E-mail sent")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone who may see the request")
    PARTIES = "parties", _("The requester, the body and reviewers")
    INTERNAL = "internal", _("The body only")


class DeliveryStatus(models.TextChoices):
    NONE = "", _("Not e-mailed")
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    DEFERRED = "deferred", _("Deferred")
    BOUNCED = "bounced", _("Bounced")
    COMPLAINED = "complained", _("Marked as spam")
    FAILED = "failed", _("Failed")


class Message(models.Model):
    """One entry of the case timeline."""

    foi_request = models.ForeignKey(
        "foi.FOIRequest", on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=32, choices=MessageKind.choices)
    audience = models.CharField(max_length=16, choices=Audience.choices, default=Audience.PUBLIC)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="foi_messages",
    )
    from_body = models.ForeignKey(
        "foi.PublicBody",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The body that sent it, for messages from a body."),
    )
    subject = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    # Unique per request: one e-mail addressed to two requests is on each once.
    email_message_id = models.CharField(max_length=300, null=True, blank=True, db_index=True)
    email_from = models.CharField(max_length=300, blank=True)
    email_to = models.CharField(max_length=300, blank=True)
    sender_unknown = models.BooleanField(
        _("sent from an address not known for this body"),
        default=False,
        help_text=_(
            "An e-mail to the request's reply address from outside the body's mail domains: "
            "for the parties to confirm. Never shown to the public."
        ),
    )
    # A body's e-mailed reply, once someone said what it is (foi.services.letters).
    classified_as = models.CharField(
        _("recorded as"),
        max_length=24,
        blank=True,
        help_text=_("For a body's e-mailed reply: what the requester or a moderator said it is."),
    )
    classified_at = models.DateTimeField(null=True, blank=True)
    recorded_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="records",
        help_text=_("The body's e-mailed letter this entry was recorded from."),
    )
    delivery_status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, blank=True, default=DeliveryStatus.NONE
    )
    delivery_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["foi_request", "created_at"], name="message_request_time"),
            # Bodies' e-mailed replies nobody has classified yet: the sweep, the moderators'
            # queue and the statistics' methodology ask for few among many.
            models.Index(
                fields=["created_at"],
                name="message_reply_unclassified",
                condition=models.Q(kind="email_in", classified_as=""),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["foi_request", "email_message_id"], name="message_email_once_per_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.created_at:%Y-%m-%d}"


def attachment_path(instance, filename):
    # The stored name is the content hash, so nothing a sender chose reaches the file system.
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}{extension}"


def attachment_ocr_path(instance, filename):
    # The searchable copy is derived data: kept beside the original, named by the original's hash.
    return f"attachments/ocr/{instance.sha256[:2]}/{instance.sha256}.pdf"


class OCRStatus(models.TextChoices):
    """Where reading the text of a scan stands (``foi.services.ocr``)."""

    NOT_NEEDED = "", _("not a scan")
    PENDING = "pending", _("waiting to be read")
    RUNNING = "running", _("being read")
    DONE = "done", _("text read")
    FAILED = "failed", _("could not be read")
    UNAVAILABLE = "unavailable", _("text recognition not installed")


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    extracted_text = models.TextField(blank=True)
    inline = models.BooleanField(
        default=False, help_text=_("Shown inside the text of the e-mail it came with.")
    )
    contents = models.JSONField(
        default=list,
        blank=True,
        help_text=_("The files inside an archive: name, size and type of each."),
    )
    approved = models.BooleanField(
        default=False, help_text=_("Nothing an officer uploads is public until approved.")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Text from scans (foi.services.ocr): a PDF without a text layer or an image is read by OCR
    # in a task; the file as received is never changed (its SHA-256 is on the audit trail).
    ocr_status = models.CharField(
        max_length=12, choices=OCRStatus.choices, default=OCRStatus.NOT_NEEDED, blank=True
    )
    ocr_pages_done = models.PositiveIntegerField(default=0)
    ocr_pages_total = models.PositiveIntegerField(default=0)
    ocr_updated_at = models.DateTimeField(null=True, blank=True)
    ocr_error = models.CharField(max_length=300, blank=True)
    ocr_file = models.FileField(
        upload_to=attachment_ocr_path,
        max_length=300,
        blank=True,
        help_text=_("The scan as a PDF with its recognised text over the pages, for search."),
    )

    class Meta:
        ordering = ["message", "id"]
        indexes = [
            models.Index(
                fields=["ocr_status", "ocr_updated_at"],
                name="foi_attachment_ocr_waiting",
                condition=models.Q(ocr_status__in=["pending", "running", "unavailable"]),
            )
        ]

    def __str__(self) -> str:
        return self.original_name


class InvokedExemption(models.Model):
    """A ground invoked to withhold something, for which document, with a note."""

    foi_request = models.ForeignKey(
        "foi.FOIRequest", on_delete=models.CASCADE, related_name="invoked_exemptions"
    )
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, related_name="invoked_exemptions"
    )
    exemption = models.ForeignKey("foi.Exemption", on_delete=models.PROTECT, related_name="+")
    attachment = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.exemption)
