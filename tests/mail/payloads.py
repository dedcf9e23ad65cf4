"""Webhook payloads in the formats the ESPs really send (see anymail's docs and tests):
Mailgun's form-encoded "forward()" route with its signature fields and attachments as files,
Postmark's inbound JSON, and both ESPs' bounce reports; and the fixtures of tests/mail/esp/
(Postmark, Mailgun and SendGrid inbound, parsed and raw) with the way each is posted."""

import base64
import hashlib
import hmac
import io
import json
import secrets
import string
import time
from pathlib import Path

from tests.mail.conftest import MAILGUN_SIGNING_KEY, WEBHOOK_SECRET

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
CSV = b"year,spent\n2025,1200000\n"


def basic_auth(secret: str = WEBHOOK_SECRET) -> dict:
    token = base64.b64encode(secret.encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def mailgun_signature(token: str, timestamp: str, key: str = MAILGUN_SIGNING_KEY) -> str:
    return hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()


def upload(name: str, content: bytes, content_type: str) -> io.BytesIO:
    file = io.BytesIO(content)
    file.name = name
    file.content_type = content_type
    return file


def mailgun_inbound(
    *,
    sender: str,
    recipient: str,
    subject: str,
    text: str,
    message_id: str,
    attachments=(),
    extra_headers=(),
    token: str | None = None,
    signing_key: str = MAILGUN_SIGNING_KEY,
    signed_ago: int = 0,
) -> dict:
    # Mailgun signs a fresh random token and the time of each post.
    token = token or secrets.token_hex(25)
    timestamp = str(int(time.time()) - signed_ago)
    headers = [
        ["X-Mailgun-Spf", "Pass"],
        ["X-Mailgun-Sflag", "No"],
        ["X-Mailgun-Sscore", "0.1"],
        ["Received", f"from mail.{sender.split('@')[1]} by mxa.mailgun.org"],
        ["Mime-Version", "1.0"],
        ["From", f'"Public Relations" <{sender}>'],
        ["Date", "Mon, 07 Sep 2026 10:15:00 +0400"],
        ["Message-Id", message_id],
        ["Subject", subject],
        ["To", recipient],
        *[list(pair) for pair in extra_headers],
    ]
    payload = {
        "recipient": recipient,
        "sender": sender,
        "from": f'"Public Relations" <{sender}>',
        "subject": subject,
        "body-plain": text,
        "stripped-text": text,
        "body-html": f"<div>{text}</div>",
        "message-headers": json.dumps(headers),
        "timestamp": timestamp,
        "token": token,
        "signature": mailgun_signature(token, timestamp, signing_key),
    }
    if attachments:
        payload["attachment-count"] = str(len(attachments))
        for index, (name, content, content_type) in enumerate(attachments, 1):
            payload[f"attachment-{index}"] = upload(name, content, content_type)
    return payload


def postmark_inbound(
    *, sender: str, recipient: str, subject: str, text: str, message_id: str, attachments=()
) -> dict:
    local = recipient.split("@")[0]
    return {
        "FromName": "Public Relations",
        "MessageStream": "inbound",
        "From": sender,
        "FromFull": {"Email": sender, "Name": "Public Relations", "MailboxHash": ""},
        "To": recipient,
        "ToFull": [{"Email": recipient, "Name": "", "MailboxHash": ""}],
        "Cc": "",
        "CcFull": [],
        "Bcc": "",
        "BccFull": [],
        "OriginalRecipient": recipient,
        "Subject": subject,
        "MessageID": "5c6f3b2a-9e1d-4f7a-8b2c-1d0e9f8a7b6c",
        "ReplyTo": "",
        "MailboxHash": "",
        "Date": "Mon, 7 Sep 2026 10:15:00 +0400",
        "TextBody": text,
        "HtmlBody": f"<html><body><p>{text}</p></body></html>",
        "StrippedTextReply": text,
        "Tag": "",
        "Headers": [
            {"Name": "Return-Path", "Value": f"<{sender}>"},
            {"Name": "Received", "Value": "by inbound.postmarkapp.com"},
            {"Name": "X-Spam-Status", "Value": "No"},
            {"Name": "X-Spam-Score", "Value": "-0.1"},
            {"Name": "MIME-Version", "Value": "1.0"},
            {"Name": "Message-ID", "Value": message_id},
            {"Name": "X-Original-To", "Value": local},
        ],
        "Attachments": [
            {
                "Name": name,
                "Content": base64.b64encode(content).decode("ascii"),
                "ContentType": content_type,
                "ContentLength": len(content),
            }
            for name, content, content_type in attachments
        ],
    }


def postmark_bounce(*, outbound_id: int, email: str, message_id: str, kind="HardBounce") -> dict:
    return {
        "RecordType": "Bounce",
        "MessageStream": "outbound",
        "ID": 4323372036854775807,
        "Type": kind,
        "TypeCode": 1,
        "Name": "Hard bounce",
        "Tag": "letter",
        "MessageID": message_id,
        "Metadata": {"outbound": str(outbound_id)},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message (ex: unknown user).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": email,
        "From": "noreply@sorgu.example",
        "BouncedAt": "2026-09-07T10:20:00Z",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Request for information",
        "Content": "",
    }


def postmark_delivery(*, outbound_id: int, email: str, message_id: str) -> dict:
    return {
        "RecordType": "Delivery",
        "ServerID": 23,
        "MessageStream": "outbound",
        "MessageID": message_id,
        "Recipient": email,
        "Tag": "letter",
        "DeliveredAt": "2026-09-07T10:18:00Z",
        "Details": "Test delivery webhook details",
        "Metadata": {"outbound": str(outbound_id)},
    }


def mailgun_failed(*, outbound_id: int, email: str, message_id: str) -> dict:
    """Mailgun's JSON webhook for a permanent failure (a hard bounce)."""
    token = secrets.token_hex(25)
    timestamp = str(int(time.time()))
    return {
        "signature": {
            "token": token,
            "timestamp": timestamp,
            "signature": mailgun_signature(token, timestamp),
        },
        "event-data": {
            "event": "failed",
            "id": "G9Bn5sl1TC6nu79C8C0bwg",
            "timestamp": time.time(),
            "severity": "permanent",
            "reason": "bounce",
            "recipient": email,
            "recipient-domain": email.split("@")[1],
            "log-level": "error",
            "message": {"headers": {"message-id": message_id, "to": email}},
            "delivery-status": {
                "code": 550,
                "message": "5.1.1 The email account that you tried to reach does not exist",
                "description": "",
                "attempt-no": 1,
            },
            "user-variables": {"outbound": str(outbound_id)},
            "tags": ["letter"],
            "flags": {"is-authenticated": True, "is-test-mode": False},
        },
    }


# The fixtures of tests/mail/esp/: each mail service's documented inbound shapes.
ESP_DIR = Path(__file__).parent / "esp"
ESP_FILES = {"pdf": (PDF, "application/pdf"), "csv": (CSV, "text/csv")}
# fixture: (URL, how it is posted)
ESP_INBOUND = {
    "postmark_inbound_check": ("/anymail/postmark/inbound/", "json"),
    "postmark_inbound_parsed": ("/anymail/postmark/inbound/", "json"),
    "postmark_inbound_raw": ("/anymail/postmark/inbound/", "json"),
    "mailgun_inbound_parsed": ("/anymail/mailgun/inbound/", "mailgun"),
    "mailgun_inbound_mime": ("/anymail/mailgun/inbound_mime/", "mailgun"),
    "sendgrid_inbound_parsed": ("/anymail/sendgrid/inbound/", "form"),
    "sendgrid_inbound_raw": ("/anymail/sendgrid/inbound/", "form"),
}


def esp_payload(name: str, **values: str) -> dict:
    """A fixture with ``$sender``, ``$to`` and ``$cc`` filled in."""
    text = string.Template((ESP_DIR / f"{name}.json").read_text()).safe_substitute(values)
    return json.loads(text)


def esp_post(client, name: str, payload: dict, **extra):
    """Post a fixture as its mail service does, with the webhook credentials; a Mailgun post
    is signed afresh (its token is new on every post)."""
    url, how = ESP_INBOUND[name]
    extra = {**basic_auth(), **extra}
    if how == "json":
        return client.post(url, data=json.dumps(payload), content_type="application/json", **extra)
    data = {}
    for key, value in payload.items():
        if isinstance(value, dict) and "$file" in value:
            filename, content_type, content = value["$file"]
            data[key] = upload(filename, ESP_FILES[content][0], content_type)
        elif isinstance(value, list):
            data[key] = json.dumps(value)
        else:
            data[key] = value
    if how == "mailgun":
        token = secrets.token_hex(25)
        timestamp = str(int(time.time()))
        data.update(token=token, timestamp=timestamp, signature=mailgun_signature(token, timestamp))
    return client.post(url, data=data, **extra)
