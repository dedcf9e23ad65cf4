"""Signals for decoupled concerns (search indexing, notifications, the search app's file text)."""

from django.dispatch import Signal

# Sent once the transaction that recorded the event has committed: ``event`` is the CaseEvent.
case_event_committed = Signal()

# Sent inside the transaction that registered a request on a person's behalf with an e-mail
# address: ``foi_request``, ``email``, the signed ``token`` of the join link and its ``max_age``.
# E-mail queues the invitation (mail.notify.on_requester_invited).
requester_invited = Signal()

# Sent by whoever read the text inside an attachment (the search app, indexing a released
# file), with ``attachment`` and ``text``. foi keeps the text on the attachment
# (``foi.services.attachments.attachment_store_extracted_text``) so that a file is read once;
# the reader stays out of foi's services, and without a receiver the file is only read again.
attachment_text_extracted = Signal()

# Sent once the text of a scan has been read by OCR and kept on the attachment (after the
# transaction commits), with ``attachment``: search indexes the request again when the file is
# public (``foi.services.ocr``).
attachment_text_recognised = Signal()

# Sent once the transaction that accepted or declined a person's suggestion of a body or of a
# correction has committed, with ``suggestion`` (foi.services.body_suggestions). E-mail tells
# the suggester and, for an accepted request address, sends again the letters that bounced
# (mail.bodies.on_body_suggestion_decided).
body_suggestion_decided = Signal()

# Sent once the transaction in which a moderator approved or declined a batch request has
# committed, with ``batch`` (foi.services.batches). E-mail tells its creator
# (mail.batches.on_batch_decided).
batch_decided = Signal()
