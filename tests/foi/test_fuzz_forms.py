"""Every citizen-facing form, fuzzed with hypothesis: whatever is typed or forged into any field
(control characters, huge or empty values, markup, wrong types, stale versions), the portal
answers without a server error, and what it stores never reaches a page unescaped."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi import services
from foi.models import State

SCRIPT = "<script>alert('x')</script>"
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a person or a forger might send: anything, with markup and script mixed in.
text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50).map(lambda t: t + SCRIPT),
    st.sampled_from(["", " ", SCRIPT, "\x00", "a" * 20000, "<img src=x onerror=alert(1)>"]),
)
field = st.one_of(text, st.integers().map(str), st.sampled_from(["-1", "1e9", "null", "[]"]))


def assert_no_raw_markup(page: str) -> None:
    assert SCRIPT not in page
    assert "<img src=x onerror" not in page


@pytest.mark.django_db
@FUZZ
@given(subject=text, body_text=text)
def test_the_letter_step(client, world, subject, body_text):
    client.force_login(world.requester)
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="S", text="T"
    )
    url = reverse("foi:filing_letter", args=[draft.pk])
    response = client.post(url, {"subject": subject, "text": body_text})
    assert response.status_code < 500
    assert_no_raw_markup(client.get(url).content.decode())
    preview = client.get(reverse("foi:filing_preview", args=[draft.pk]))
    assert preview.status_code < 500
    assert_no_raw_markup(preview.content.decode())


@pytest.mark.django_db
@FUZZ
@given(
    access_form=field,
    urgency=field,
    justification=text,
    visibility=field,
    private_until=st.one_of(st.dates().map(datetime.date.isoformat), field),
    name_choice=field,
    pseudonym=text,
)
def test_the_details_step(
    client,
    world,
    access_form,
    urgency,
    justification,
    visibility,
    private_until,
    name_choice,
    pseudonym,
):
    client.force_login(world.requester)
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="S", text="T"
    )
    url = reverse("foi:filing_details", args=[draft.pk])
    response = client.post(
        url,
        {
            "access_form": access_form,
            "urgency": urgency,
            "urgency_justification": justification,
            "visibility": visibility,
            "private_until": private_until,
            "public_name_choice": name_choice,
            "pseudonym": pseudonym,
        },
    )
    assert response.status_code < 500
    assert_no_raw_markup(client.get(url).content.decode())


@pytest.mark.django_db
@FUZZ
@given(body=field, query=text)
def test_the_body_step_and_the_autocomplete(client, world, body, query):
    client.force_login(world.requester)
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="S", text="T"
    )
    response = client.post(reverse("foi:filing_body", args=[draft.pk]), {"body": body})
    assert response.status_code < 500
    response = client.get(reverse("foi:body_autocomplete"), {"q": query})
    assert response.status_code < 500


@pytest.mark.django_db
@FUZZ
@given(clarification=text, withdrawal=text, version=field, level=field, grounds=text)
def test_the_case_actions(client, world, clarification, withdrawal, version, level, grounds):
    client.force_login(world.requester)
    waiting = world.request(State.AWAITING_CLARIFICATION)
    refused = world.request(State.REFUSED)
    for name, foi_request, data in (
        ("foi:request_clarify", waiting, {"text": clarification, "version": version}),
        ("foi:request_appeal", refused, {"level": level, "grounds": grounds, "version": version}),
        ("foi:request_withdraw", waiting, {"text": withdrawal, "version": version}),
    ):
        response = client.post(reverse(name, args=[foi_request.reference]), data)
        assert response.status_code < 500, name
    for foi_request in (waiting, refused):
        page = client.get(reverse("foi:request_detail", args=[foi_request.reference]))
        assert page.status_code == 200
        assert_no_raw_markup(page.content.decode())


@pytest.mark.django_db
@FUZZ
@given(first=text, last=text, organisation=text, address=text, phone=text, language=field)
def test_the_profile(client, world, first, last, organisation, address, phone, language):
    client.force_login(world.requester)
    url = reverse("foi:profile")
    response = client.post(
        url,
        {
            "first_name": first,
            "last_name": last,
            "organisation": organisation,
            "postal_address": address,
            "phone": phone,
            "preferred_language": language,
        },
    )
    assert response.status_code < 500
    assert_no_raw_markup(client.get(url).content.decode())


@pytest.mark.django_db
@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["body", "state", "outcome", "year", "sort", "page", "kind", "q"]),
        field,
        max_size=5,
    )
)
def test_the_public_lists_and_search(client, world, params):
    world.request(State.ANSWERED)
    for name in ("foi:request_list", "foi:body_list"):
        response = client.get(reverse(name), params)
        assert response.status_code < 500, name
        assert_no_raw_markup(response.content.decode())
    response = client.get("/search/", params)
    assert response.status_code < 500
    assert_no_raw_markup(response.content.decode())
