"""Signals for decoupled concerns (search indexing, notifications), sent after commit."""

from django.dispatch import Signal

# Sent once the transaction that recorded the event has committed: ``event`` is the CaseEvent.
case_event_committed = Signal()
