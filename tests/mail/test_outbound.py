"""Outbound: each notice goes to the right people, in their language, from a task run after
commit; bodies without officers get the letter with the request's reply address."""

import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from foi import services
from foi.models import DeliveryStatus, Message, MessageKind, State
from mail import addresses
from mail.models import NotificationPreferences, OutboundEmail, OutboundStatus
from mail.suppression import notifications_suppressed
from tests.factories import MembershipFactory, PublicBodyFactory, UserFactory
from tests.foi.transition_calls import call
from tests.mail.conftest import outbox_to, sent

pytestmark = pytest.mark.django_db


def submitted_draft(world, body=None):
    return services.foi_request_create_draft(
        requester=world.requester,
        body=body or world.ministry,
        subject="Budget execution 2025",
        text="Please send the budget execution report for 2025.",
    )


def test_submit_sends_a_receipt_and_tells_the_bodys_staff(world, committed):
    draft = submitted_draft(world)
    foi_request = committed(
        lambda: services.foi_request_file(foi_request=draft, actor=world.requester)
    )
    staff = {world.officer.email, world.second_officer.email, world.coordinator.email}
    assert sent("receipt") == [("receipt", world.requester.email)]
    assert {to for _kind, to in sent("new_request")} == staff
    receipt = outbox_to(world.requester.email)[0]
    assert foi_request.reference in receipt.subject
    assert f"https://sorgu.example/requests/{foi_request.reference}/" in receipt.body
    # Sent after commit through the ESP backend, each logged as sent.
    assert len(mail.outbox) == 4
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboundStatus.SENT}


def test_notices_are_rendered_in_each_recipients_language(world, committed):
    world.ministry.name_ru = "Министерство финансов"
    world.ministry.name_az = "Maliyyə Nazirliyi"
    world.ministry.save()
    world.requester.preferred_language = "ru"
    world.requester.save()
    world.officer.preferred_language = "az"
    world.officer.save()
    draft = submitted_draft(world)
    foi_request = committed(
        lambda: services.foi_request_file(foi_request=draft, actor=world.requester)
    )

    receipt = outbox_to(world.requester.email)[0]
    assert "Министерство финансов" in receipt.subject
    assert receipt.extra_headers["Content-Language"] == "ru"
    # Django's own catalogue: the due date is written the Russian way, in Baku time.
    with translation.override("ru"):
        due = date_format(
            timezone.localtime(foi_request.due_at, ZoneInfo("Asia/Baku")), "j E Y, H:i"
        )
    assert due in receipt.body
    assert re.search("[а-я]", due), due
    html, mimetype = receipt.alternatives[0]
    assert mimetype == "text/html" and 'lang="ru"' in html

    officer_mail = outbox_to(world.officer.email)[0]
    assert officer_mail.extra_headers["Content-Language"] == "az"
    assert "Maliyyə Nazirliyi" in officer_mail.body
    assert "Министерство" not in officer_mail.body


def test_a_body_without_officers_gets_the_letter_with_its_reply_address(world, committed):
    body = PublicBodyFactory(
        slug="water", name_en="Water Agency", request_email="info@water.gov.example"
    )
    draft = submitted_draft(world, body=body)
    foi_request = committed(
        lambda: services.foi_request_file(foi_request=draft, actor=world.requester)
    )
    reply = addresses.reply_address(foi_request.reference)
    assert reply == (
        f"req-{foi_request.reference.lower()}-{addresses.reply_code(foi_request.reference)}"
        "@sorgu.example"
    )
    letter_mail = outbox_to("info@water.gov.example")[0]
    assert letter_mail.reply_to == [reply]
    assert reply in letter_mail.from_email
    assert foi_request.reference in letter_mail.subject
    assert "Please send the budget execution report for 2025." in letter_mail.body
    assert reply in letter_mail.body
    # A letter is a person's correspondence, not an auto-generated notice.
    assert "Auto-Submitted" not in letter_mail.extra_headers
    letter = Message.objects.get(foi_request=foi_request, kind=MessageKind.LETTER)
    assert letter.delivery_status == DeliveryStatus.SENT
    assert letter.email_to == "info@water.gov.example"
    assert letter.email_message_id == letter_mail.extra_headers["Message-ID"]
    assert sent("new_request") == []


def test_a_body_without_an_address_is_flagged_and_the_requester_told(world, committed):
    body = PublicBodyFactory(slug="silent", request_email="")
    draft = submitted_draft(world, body=body)
    foi_request = committed(
        lambda: services.foi_request_file(foi_request=draft, actor=world.requester)
    )
    body.refresh_from_db()
    assert body.request_email_needs_repair
    assert sent() == [("receipt", world.requester.email), ("letter_bounced", world.requester.email)]
    letter = Message.objects.get(foi_request=foi_request, kind=MessageKind.LETTER)
    assert letter.delivery_status == DeliveryStatus.FAILED


# (transition, state before, who should be told with which notice)
TOLD = [
    ("accept", State.SUBMITTED, {("accepted", "requester")}),
    ("assign", State.SUBMITTED, {("assigned", "officer")}),
    ("ask_clarification", State.IN_PROGRESS, {("clarification_asked", "requester")}),
    (
        "clarify",
        State.AWAITING_CLARIFICATION,
        {
            ("clarification_received", "officer"),
            ("clarification_received", "second_officer"),
            ("clarification_received", "coordinator"),
        },
    ),
    ("extend", State.IN_PROGRESS, {("extended", "requester")}),
    (
        "transfer",
        State.SUBMITTED,
        {("transferred", "requester"), ("new_request", "other_officer")},
    ),
    ("answer", State.IN_PROGRESS, {("answered", "requester")}),
    ("refuse", State.IN_PROGRESS, {("refused", "requester")}),
    ("reject", State.SUBMITTED, {("rejected", "requester")}),
    ("lapse", State.AWAITING_CLARIFICATION, {("lapsed", "requester")}),
    (
        "appeal",
        State.REFUSED,
        {
            ("appeal_lodged", "reviewer"),
            ("appeal_lodged", "officer"),
            ("appeal_lodged", "second_officer"),
            ("appeal_lodged", "coordinator"),
        },
    ),
    (
        "decide_appeal",
        State.UNDER_APPEAL,
        {
            ("appeal_decided", "requester"),
            ("appeal_decided_body", "officer"),
            ("appeal_decided_body", "second_officer"),
            ("appeal_decided_body", "coordinator"),
        },
    ),
    ("withdraw", State.SUBMITTED, set()),
]


@pytest.mark.parametrize(("name", "state", "expected"), TOLD, ids=[row[0] for row in TOLD])
def test_each_transition_tells_the_right_people(world, system, committed, name, state, expected):
    foi_request = world.request(state)
    committed(lambda: call(world, system, name, foi_request))
    emails = {user.email: role for role, user in vars(world).items() if hasattr(user, "email")}
    told = {(kind, emails[to]) for kind, to in sent()}
    assert told == expected
    for kind, to in sent():
        email = outbox_to(to)[0]
        assert foi_request.reference in email.subject
        assert email.alternatives, f"{kind} has no HTML part"


def test_nobody_is_told_of_their_own_action(world, committed):
    foi_request = world.request(State.SUBMITTED)
    committed(
        lambda: services.foi_request_assign(
            foi_request=foi_request, actor=world.coordinator, assignee=world.coordinator
        )
    )
    assert sent() == []


def test_an_optional_notice_can_be_switched_off_and_carries_an_unsubscribe_link(world, committed):
    foi_request = world.request(State.SUBMITTED)
    committed(lambda: services.foi_request_accept(foi_request=foi_request, actor=world.coordinator))
    accepted = outbox_to(world.requester.email)[0]
    link = accepted.extra_headers["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://sorgu.example/account/notifications/unsubscribe/")
    assert accepted.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in accepted.body

    NotificationPreferences.objects.create(user=world.requester, requester_accepted=False)
    other = world.request(State.SUBMITTED)
    committed(lambda: services.foi_request_accept(foi_request=other, actor=world.coordinator))
    assert len(sent("accepted")) == 1


def test_required_notices_cannot_be_switched_off(world, committed):
    NotificationPreferences.objects.create(
        user=world.requester, requester_accepted=False, requester_overdue=False
    )
    foi_request = world.request(State.IN_PROGRESS)
    committed(
        lambda: services.foi_request_answer(
            foi_request=foi_request, actor=world.officer, outcome="full", text="Here it is."
        )
    )
    answered = outbox_to(world.requester.email)[0]
    assert "List-Unsubscribe" not in answered.extra_headers
    assert sent() == [("answered", world.requester.email)]


def test_clarification_to_a_body_reached_by_email_goes_by_email(world, committed):
    body = PublicBodyFactory(slug="mail-only", request_email="foi@mail-only.example")
    foi_request = world.request(State.AWAITING_CLARIFICATION, body=body)
    committed(
        lambda: services.foi_request_clarify(
            foi_request=foi_request, actor=world.requester, text="I mean the 2025 report."
        )
    )
    email = outbox_to("foi@mail-only.example")[0]
    assert email.reply_to == [addresses.reply_address(foi_request.reference)]
    assert "I mean the 2025 report." in email.body


def test_no_notice_while_suppressed(world, committed):
    foi_request = world.request(State.IN_PROGRESS)
    with notifications_suppressed():
        committed(
            lambda: services.foi_request_answer(
                foi_request=foi_request, actor=world.officer, outcome="full", text="Done."
            )
        )
    assert sent() == [] and mail.outbox == []


def test_a_new_officer_of_an_emailed_body_is_told_instead_of_the_body(world, committed):
    body = PublicBodyFactory(slug="now-online", request_email="foi@now-online.example")
    officer = MembershipFactory(body=body, user=UserFactory()).user
    draft = submitted_draft(world, body=body)
    committed(lambda: services.foi_request_file(foi_request=draft, actor=world.requester))
    assert sent("letter") == []
    assert sent("new_request") == [("new_request", officer.email)]
