"""What the public statistics' fee figures (``publicstats.store``) need to know of foi's fees:
the classes a law may set, and the states in which an estimate is waiting or was left unpaid."""

from __future__ import annotations

from foi.models import State
from foi.models.law import FeeClass

CLASSES = tuple(FeeClass.values)
AWAITING_PAYMENT = State.AWAITING_PAYMENT.value
CLOSED = State.CLOSED.value
