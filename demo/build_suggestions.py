"""A suggestion waiting for a moderator, in the demo: the journalist suggests a new request
address for the Ministry of Ecology, through the service, so that the moderators' queue
(Requests → Suggested bodies and corrections) has something to decide.

The address is invented (``.example``). Loading the demo again adds no second suggestion.
"""

from __future__ import annotations

from foi.models import BodySuggestion, PublicBody
from foi.services import body_suggestion_create

DEMO_BODY = "ministry-of-ecology-and-natural-resources"
DEMO_EMAIL = "sorgu@eco.demo.example"


def body_suggestion_load(*, person) -> BodySuggestion | None:
    body = PublicBody.objects.filter(slug=DEMO_BODY).first()
    if body is None or BodySuggestion.objects.filter(body=body, value=DEMO_EMAIL).exists():
        return None
    return body_suggestion_create(
        user=person,
        body=body,
        field="request_email",
        value=DEMO_EMAIL,
        reason="Nazirliyin saytının “Əlaqə” səhifəsində sorğular üçün bu ünvan göstərilib.",
        language="az",
    )
