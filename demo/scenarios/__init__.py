"""Every demo request, as plain data. One module per area; each lists its ``SCENARIOS``.

A scenario names its requester and body, the subject and text, optional request fields
(``urgency`` and ``urgency_justification``, ``private_for_days``, ``public_name_choice`` and
``pseudonym``, ``access_form``) and ``steps``: ``(day, verb, params)`` counted from the day it
started, ``days_ago`` days before the demo is loaded. The requester and the subject identify a
scenario: they must be unique together.
"""

from . import (
    by_email,
    cities,
    ecology,
    elsewhere,
    finance,
    finance_disputes,
    social,
    transport_and_water,
)

SCENARIOS = [
    *finance.SCENARIOS,
    *finance_disputes.SCENARIOS,
    *ecology.SCENARIOS,
    *cities.SCENARIOS,
    *transport_and_water.SCENARIOS,
    *social.SCENARIOS,
    *elsewhere.SCENARIOS,
    *by_email.SCENARIOS,
]
