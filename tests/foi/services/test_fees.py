"""Fees (foi.services.fees): the class, the estimate, the clock it stops, payment and waiver."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core import clock
from core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from foi import services
from foi.models import CaseEvent, FOIRequest, Message, State
from foi.services.clock import clock_recompute

BAKU = ZoneInfo("Asia/Baku")


def _snapshot(foi_request):
    row = FOIRequest.objects.get(pk=foi_request.pk)
    return (
        row.state,
        row.fee_class,
        row.fee_amount,
        row.due_at,
        row.version,
        CaseEvent.objects.filter(foi_request=row).count(),
        Message.objects.filter(foi_request=row).count(),
    )


def _received_monday(world):
    """Received Monday 2 February 2026: seven working days from Tuesday, due end of
    Wednesday 11 February (no holiday in between)."""
    received = datetime(2026, 2, 2, 10, tzinfo=BAKU)
    foi_request = world.request(
        State.IN_PROGRESS,
        assignee=world.officer,
        submitted_at=received,
        first_received_at=received,
        received_at=received,
        clock_history=[],
    )
    clock_recompute(foi_request)
    foi_request.save()
    assert foi_request.due_at == datetime(2026, 2, 11, 23, 59, 59, tzinfo=BAKU)
    return foi_request


def test_an_estimate_stops_the_clock_and_payment_starts_it_with_the_days_left(world):
    foi_request = _received_monday(world)
    # Thursday 5 Feb: Tue, Wed, Thu used; Fri 6, Mon 9, Tue 10, Wed 11 left (four).
    with clock.travel(datetime(2026, 2, 5, 14, tzinfo=BAKU)):
        foi_request = services.foi_request_estimate_fee(
            foi_request=foi_request, actor=world.officer, amount="12.50", text="300 pages."
        )
    assert foi_request.state == State.AWAITING_PAYMENT
    assert (foi_request.fee_class, foi_request.fee_amount) == ("paid", Decimal("12.50"))
    assert foi_request.fee_currency == "AZN"
    # Twenty working days to pay from Thu 5 Feb: Fri 6 ... Thu 5 March.
    assert foi_request.fee_payment_lapses_at == datetime(2026, 3, 5, 23, 59, 59, tzinfo=BAKU)
    estimate = Message.objects.get(foi_request=foi_request, kind="fee_estimate")
    assert estimate.audience == "public" and estimate.text == "300 pages."
    # Paid Monday 16 Feb: the four days left count from Tue 17: Tue, Wed, Thu, Fri 20.
    with clock.travel(datetime(2026, 2, 16, 9, tzinfo=BAKU)):
        foi_request = services.foi_request_record_payment(
            foi_request=foi_request, actor=world.officer
        )
    assert foi_request.state == State.IN_PROGRESS
    assert foi_request.due_at == datetime(2026, 2, 20, 23, 59, 59, tzinfo=BAKU)
    assert foi_request.fee_paid_at == datetime(2026, 2, 16, 9, tzinfo=BAKU)
    assert foi_request.fee_payment_lapses_at is None


def test_under_a_law_whose_estimate_does_not_stop_the_clock_the_due_date_stays(world):
    world.law.fee_estimate_pauses_clock = False
    world.law.save()
    foi_request = _received_monday(world)
    with clock.travel(datetime(2026, 2, 5, 14, tzinfo=BAKU)):
        foi_request = services.foi_request_estimate_fee(
            foi_request=foi_request, actor=world.officer, amount="3", text="Copies."
        )
    with clock.travel(datetime(2026, 2, 16, 9, tzinfo=BAKU)):
        foi_request = services.foi_request_waive_fee(
            foi_request=foi_request, actor=world.officer, text="In the public interest."
        )
    assert foi_request.due_at == datetime(2026, 2, 11, 23, 59, 59, tzinfo=BAKU)
    assert foi_request.fee_waived_at is not None


def test_the_requester_may_not_send_an_estimate(world):
    foi_request = world.request(State.IN_PROGRESS)
    before = _snapshot(foi_request)
    with pytest.raises(NotPermitted):
        services.foi_request_estimate_fee(
            foi_request=foi_request, actor=world.requester, amount="5", text="Pay me."
        )
    assert _snapshot(foi_request) == before


def test_another_bodys_officer_may_not_estimate_record_payment_or_class(world):
    foi_request = world.request(State.IN_PROGRESS)
    before = _snapshot(foi_request)
    with pytest.raises(NotPermitted):
        services.foi_request_estimate_fee(
            foi_request=foi_request, actor=world.other_officer, amount="5", text="Copies."
        )
    with pytest.raises(NotPermitted):
        services.foi_request_record_fee_class(
            foi_request=foi_request, actor=world.other_officer, fee_class="free"
        )
    assert _snapshot(foi_request) == before
    waiting = world.request(State.AWAITING_PAYMENT)
    before = _snapshot(waiting)
    for service in (services.foi_request_record_payment, services.foi_request_waive_fee):
        with pytest.raises(NotPermitted):
            service(foi_request=waiting, actor=world.other_officer, text="Done.")
    with pytest.raises(NotPermitted):
        services.foi_request_waive_fee(foi_request=waiting, actor=world.requester, text="Free!")
    assert _snapshot(waiting) == before


def test_only_the_sweep_closes_an_unpaid_request(world):
    waiting = world.request(State.AWAITING_PAYMENT)
    with pytest.raises(NotPermitted):
        services.foi_request_close_unpaid(foi_request=waiting, actor=world.officer)
    assert services.foi_requests_close_unpaid_due() == 1
    assert FOIRequest.objects.get(pk=waiting.pk).state == State.CLOSED


def test_an_unpaid_request_still_in_time_is_not_closed(world):
    from datetime import timedelta

    waiting = world.request(
        State.AWAITING_PAYMENT, fee_payment_lapses_at=clock.now() + timedelta(days=3)
    )
    assert services.foi_requests_close_unpaid_due() == 0
    with pytest.raises(TransitionNotAllowed, match="still has time to pay"):
        services.foi_request_close_unpaid(foi_request=waiting)
    assert FOIRequest.objects.get(pk=waiting.pk).state == State.AWAITING_PAYMENT


@pytest.mark.parametrize(
    ("amount", "currency"),
    [("-5", ""), ("0", ""), ("abc", ""), ("1.234", ""), ("NaN", ""), ("5", "USD"), ("5", "XYZ")],
)
def test_a_bad_amount_or_currency_is_refused_and_nothing_is_saved(world, amount, currency):
    foi_request = world.request(State.IN_PROGRESS)
    before = _snapshot(foi_request)
    with pytest.raises(InvalidInput) as refused:
        services.foi_request_estimate_fee(
            foi_request=foi_request,
            actor=world.officer,
            amount=amount,
            currency=currency,
            text="Copies.",
        )
    message = str(refused.value)
    assert "greater than zero" in message or "charged in AZN" in message
    assert _snapshot(foi_request) == before


def test_an_estimate_without_an_explanation_is_refused(world):
    foi_request = world.request(State.IN_PROGRESS)
    before = _snapshot(foi_request)
    with pytest.raises(InvalidInput, match="how the amount is made up"):
        services.foi_request_estimate_fee(
            foi_request=foi_request, actor=world.officer, amount="5", text="  "
        )
    assert _snapshot(foi_request) == before


def test_under_a_law_without_fees_no_estimate_can_be_sent(world):
    world.law.fees_apply = False
    world.law.save()
    foi_request = world.request(State.IN_PROGRESS)
    before = _snapshot(foi_request)
    with pytest.raises(TransitionNotAllowed, match="lets no body charge"):
        services.foi_request_estimate_fee(
            foi_request=foi_request, actor=world.officer, amount="5", text="Copies."
        )
    with pytest.raises(TransitionNotAllowed, match="lets no body charge"):
        services.foi_request_record_fee_class(
            foi_request=foi_request, actor=world.officer, fee_class="free"
        )
    assert _snapshot(foi_request) == before


def test_the_officer_records_the_class_without_changing_the_state(world):
    foi_request = world.request(State.IN_PROGRESS)
    version = foi_request.version
    result = services.foi_request_record_fee_class(
        foi_request=foi_request, actor=world.officer, fee_class="discounted"
    )
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.fee_class, row.state, row.version) == ("discounted", State.IN_PROGRESS, version)
    assert result.fee_class == "discounted"
    event = CaseEvent.objects.filter(foi_request=row).latest("seq")
    assert (event.kind, event.data["fee_class"]) == ("fee_class", "discounted")


def test_a_class_the_law_does_not_have_is_refused(world):
    world.law.fee_classes = ["free", "paid"]
    world.law.save()
    foi_request = world.request(State.IN_PROGRESS)
    before = _snapshot(foi_request)
    with pytest.raises(InvalidInput, match="free, paid"):
        services.foi_request_record_fee_class(
            foi_request=foi_request, actor=world.officer, fee_class="discounted"
        )
    assert _snapshot(foi_request) == before


def test_the_requester_is_e_mailed_the_estimate(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.foi_request_estimate_fee(
            foi_request=foi_request, actor=world.officer, amount="12.50", text="300 pages."
        )
    sent = [m for m in mailoutbox if world.requester.email in m.to]
    assert len(sent) == 1
    assert "12,50 AZN" in sent[0].body and "300 pages." in sent[0].body  # az formats
