"""The workspace's fee pages: the class, the estimate, payment and waiver; who may, bad input."""

import pytest

from foi.models import CaseEvent, FOIRequest, Message, State
from tests.workspace.conftest import action_url, case_url


def snapshot(foi_request):
    row = FOIRequest.objects.get(pk=foi_request.pk)
    return (
        row.state,
        row.version,
        row.fee_class,
        row.fee_amount,
        CaseEvent.objects.filter(foi_request=foi_request).count(),
        Message.objects.filter(foi_request=foi_request).count(),
    )


def post(client, foi_request, action, **data):
    return client.post(action_url(foi_request, action), {"version": foi_request.version, **data})


def test_the_officer_classes_estimates_and_records_payment(client, world):
    client.force_login(world.officer)
    foi_request = world.request(State.IN_PROGRESS)
    case = client.get(case_url(foi_request)).content.decode()
    assert "Not classed yet" in case and action_url(foi_request, "fee_class") in case
    assert action_url(foi_request, "estimate_fee") in case
    assert post(client, foi_request, "fee_class", fee_class="discounted").status_code == 302
    assert FOIRequest.objects.get(pk=foi_request.pk).fee_class == "discounted"
    page = client.get(action_url(foi_request, "estimate_fee")).content.decode()
    assert "Fees are charged in AZN (Art. 19.1.7)." in page
    assert "The clock stops from the estimate until the fee is paid or waived." in page
    foi_request.refresh_from_db()
    response = post(client, foi_request, "estimate_fee", amount="12.50", text="300 pages.")
    assert response.status_code == 302
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert (row.state, row.fee_class, str(row.fee_amount)) == (
        State.AWAITING_PAYMENT,
        "paid",
        "12.50",
    )
    case = client.get(case_url(row)).content.decode()
    assert "not paid yet" in case
    assert post(client, row, "record_payment").status_code == 302
    row = FOIRequest.objects.get(pk=foi_request.pk)
    assert row.state == State.IN_PROGRESS and row.fee_paid_at is not None
    public = client.get(f"/requests/{row.reference}/").content.decode()
    assert "paid on" in public


@pytest.mark.parametrize(
    "data",
    [
        {"amount": "-5", "text": "Copies."},
        {"amount": "lots", "text": "Copies."},
        {"amount": "5", "text": ""},
    ],
)
def test_a_bad_estimate_is_refused_next_to_the_form_and_nothing_changes(client, world, data):
    client.force_login(world.officer)
    foi_request = world.request(State.IN_PROGRESS)
    before = snapshot(foi_request)
    response = post(client, foi_request, "estimate_fee", **data)
    assert response.status_code == 400
    assert snapshot(foi_request) == before


def test_a_waiver_needs_its_reason(client, world):
    client.force_login(world.officer)
    foi_request = world.request(State.AWAITING_PAYMENT)
    before = snapshot(foi_request)
    assert post(client, foi_request, "waive_fee", text="").status_code == 400
    assert snapshot(foi_request) == before
    assert post(client, foi_request, "waive_fee", text="A student.").status_code == 302
    assert FOIRequest.objects.get(pk=foi_request.pk).fee_waived_at is not None


@pytest.mark.parametrize("action", ["estimate_fee", "fee_class"])
def test_another_bodys_officer_gets_404_and_nothing_changes(client, world, action):
    client.force_login(world.other_officer)
    foi_request = world.request(State.IN_PROGRESS)
    before = snapshot(foi_request)
    assert client.get(action_url(foi_request, action)).status_code == 404
    response = post(client, foi_request, action, amount="5", text="x", fee_class="free")
    assert response.status_code == 404
    assert snapshot(foi_request) == before


def test_the_requester_cannot_reach_the_fee_pages(client, world):
    client.force_login(world.requester)
    foi_request = world.request(State.AWAITING_PAYMENT)
    before = snapshot(foi_request)
    for action in ("record_payment", "waive_fee", "fee_class"):
        response = post(client, foi_request, action, text="Paid.", fee_class="free")
        assert response.status_code in (302, 403, 404)
        assert snapshot(foi_request) == before


def test_under_a_law_without_fees_the_pages_say_why_not(client, world):
    world.law.fees_apply = False
    world.law.save()
    client.force_login(world.officer)
    foi_request = world.request(State.IN_PROGRESS)
    case = client.get(case_url(foi_request)).content.decode()
    assert action_url(foi_request, "estimate_fee") not in case
    refused = client.get(action_url(foi_request, "estimate_fee"))
    assert refused.status_code == 409
    assert "lets no body charge" in refused.content.decode()
    assert client.get(action_url(foi_request, "fee_class")).status_code == 409
