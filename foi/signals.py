"""Signals for decoupled concerns (search indexing, notifications), sent after commit."""

from django.dispatch import Signal

# Sent once the transaction that recorded the event has committed: ``event`` is the CaseEvent.
case_event_committed = Signal()

# Sent inside the transaction that registered a request on a person's behalf with an e-mail
# address: ``foi_request``, ``email``, the signed ``token`` of the join link and its ``max_age``.
# E-mail queues the invitation (mail.notify.on_requester_invited).
requester_invited = Signal()
