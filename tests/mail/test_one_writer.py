"""Everything added to a case that is not a transition (an e-mail received or filed from the
holding pen, an internal note, an approved file) goes through one writer,
``foi.services.foi_request_append``: appended from all those paths in turn, one request's
hash chain still verifies, event after event."""

import pytest
from django.core.management import call_command

from foi import services
from foi.models import Attachment, CaseEvent, FOIRequest, State
from foi.signals import case_event_committed
from mail import addresses
from mail.holding import held_email_file
from mail.inbound import email_receive
from mail.models import HeldEmail
from tests.factories import MembershipFactory, PublicBodyFactory, UserFactory
from tests.mail.payloads import PDF
from tests.mail.test_holding_pen_admin import inbound_message

pytestmark = pytest.mark.django_db


def test_additions_from_every_path_keep_one_valid_chain(world, django_capture_on_commit_callbacks):
    body = PublicBodyFactory(
        slug="water", request_email="info@water.gov.example", email_domains="water.gov.example"
    )
    foi_request = world.request(State.IN_PROGRESS, body=body, subject="Water tariffs 2026")
    officer = MembershipFactory(body=body, role="officer", user=UserFactory()).user
    seen = FOIRequest.objects.get(pk=foi_request.pk)  # an officer's page, read before it all

    announced = []

    def listen(sender, event, **kwargs):
        announced.append(event.kind)

    case_event_committed.connect(listen)
    with django_capture_on_commit_callbacks(execute=True):
        # 1. A reply to the request's own address: straight onto the case.
        email_receive(
            message=inbound_message(
                sender="pr@water.gov.example",
                to=addresses.reply_address(foi_request.reference),
                subject="Re: tariffs",
                text="The tariffs are attached.",
                message_id="<direct-1@water.gov.example>",
                files=[("tariffs.pdf", PDF, "application/pdf")],
            )
        )
        # 2. One sent to the wrong address: held, then filed by an administrator.
        [held] = email_receive(
            message=inbound_message(
                sender="pr@water.gov.example",
                to="info@sorgu.example",
                subject="Water tariffs 2026",
                text="And the old ones.",
                message_id="<held-1@water.gov.example>",
            )
        )
        held_email_file(
            held=HeldEmail.objects.get(pk=held.pk), foi_request=foi_request, actor=world.admin
        )
        # 3. An internal note and 4. an approved file, from the copy read before the e-mails.
        services.foi_request_add_note(foi_request=seen, actor=officer, text="Check page 2.")
        services.attachment_approve(
            attachment=Attachment.objects.get(message__foi_request=foi_request), actor=officer
        )

    events = list(CaseEvent.objects.filter(foi_request=foi_request).order_by("seq"))
    assert [(e.seq, e.kind) for e in events] == [
        (1, "email_received"),
        (2, "email_filed"),
        (3, "note"),
        (4, "attachment_approved"),
    ]
    assert all(e.from_state == e.to_state == State.IN_PROGRESS for e in events)
    foi_request.refresh_from_db()
    assert services.case_events_verify(foi_request=foi_request) is None
    assert (foi_request.audit_length, foi_request.audit_head) == (4, events[-1].hash)
    # Additions leave the version alone: the copy read before them still acts.
    assert foi_request.version == seen.version
    call_command("foi_verify_audit", reference=foi_request.reference, verbosity=0)
    case_event_committed.disconnect(listen)
    # Each addition was announced once, after commit.
    assert announced == ["email_received", "email_filed", "note", "attachment_approved"]
