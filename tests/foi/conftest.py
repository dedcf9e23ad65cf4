"""Fixtures shared by the portal's tests."""

import pytest

from foi import services
from foi.models import Message, State


@pytest.fixture
def case(world):
    """A public request with a letter, a parties-only message, an internal note and two files,
    one approved for publication, and a first-level appeal lodged with the cabinet."""
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    Message.objects.create(foi_request=foi_request, kind="letter", text="PUBLIC-LETTER")
    Message.objects.create(
        foi_request=foi_request, kind="email_in", audience="parties", text="PARTIES-ONLY"
    )
    services.foi_request_add_note(
        foi_request=foi_request, actor=world.officer, text="INTERNAL-NOTE"
    )
    foi_request = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="full",
        text="PUBLIC-ANSWER",
        files=[("approved.txt", b"APPROVED-FILE"), ("pending.txt", b"PENDING-FILE")],
    )
    approved = foi_request.messages.get(kind="response").attachments.get(
        original_name="approved.txt"
    )
    services.attachment_approve(attachment=approved, actor=world.officer)
    return services.foi_request_appeal(
        foi_request=foi_request, actor=world.requester, level="internal_review", grounds="Short."
    )
