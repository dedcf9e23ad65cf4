"""The redaction page of the workspace: for the body's officers who handle the request only;
boxes typed as numbers (what the drawing script fills in); find every occurrence; bad input
refused with nothing saved."""

from __future__ import annotations

import pytest

from foi import services
from foi.models import PERSONAL_DATA, Attachment, Redaction, State
from tests.redaction.documents import photo, text_pdf

SECRET = "Aysel Mammadova"


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch):
    from redaction import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)


@pytest.fixture
def case(world):
    content = text_pdf([[(72, 700, "The minister decided"), (72, 600, f"Complainant: {SECRET}")]])
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("decision.pdf", content)],
    )
    attachment = Attachment.objects.get(message__foi_request=foi_request)
    base = f"/admin/workspace/requests/{foi_request.reference}/files/{attachment.pk}/redact/"
    return foi_request, attachment, base


def boxes_post(rows):
    data = {"rows": str(len(rows))}
    for index, row in enumerate(rows):
        for name, value in zip(("page", "x0", "y0", "x1", "y1", "reason"), row, strict=True):
            data[f"box-{index}-{name}"] = value
    return data


def test_an_officer_sees_the_pages_and_makes_a_copy_from_typed_boxes(client, world, case):
    foi_request, attachment, base = case
    client.force_login(world.officer)
    page = client.get(base)
    assert page.status_code == 200
    html = page.content.decode()
    assert f"{base}pages/1/" in html and "workspace/redact.js" in html
    image = client.get(f"{base}pages/1/")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert "no-store" in image["Cache-Control"]
    assert client.get(f"{base}pages/9/").status_code == 404

    response = client.post(
        base, boxes_post([("1", "26", "26", "48", "30", PERSONAL_DATA), ("", "", "", "", "", "")])
    )
    assert response.status_code == 302
    record = Redaction.objects.get()
    assert record.verified and record.original == attachment
    assert record.boxes[0]["x0"] == pytest.approx(0.26)
    case_page = client.get(f"/admin/workspace/requests/{foi_request.reference}/").content.decode()
    assert "decision-redacted.pdf" in case_page and "passed its checks" in case_page
    assert "Private: has a redacted copy" in case_page


def test_find_every_occurrence_fills_in_the_rows(client, world, case):
    _request, _attachment, base = case
    client.force_login(world.officer)
    response = client.post(base, {"find": "1", "terms": "mammadova", "reason": PERSONAL_DATA})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="box-0-page" value="1"' in html
    assert 'name="rows" value="5"' in html
    assert not Redaction.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        boxes_post([("1", "26", "26", "", "30", PERSONAL_DATA)]),  # incomplete
        boxes_post([("1", "48", "26", "26", "30", PERSONAL_DATA)]),  # not a rectangle
        boxes_post([("4", "26", "26", "48", "30", PERSONAL_DATA)]),  # no such page
        boxes_post([("1", "26", "26", "48", "30", "nonsense")]),  # not a reason
        boxes_post([("", "", "", "", "", "")]),  # nothing
        {"rows": "many"},
        {"find": "1", "terms": "", "reason": PERSONAL_DATA},
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(client, world, case, data):
    _request, _attachment, base = case
    client.force_login(world.officer)
    response = client.post(base, data)
    assert response.status_code == 400
    assert not Redaction.objects.exists() and Attachment.objects.count() == 1


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("other_officer", 404),  # another body's: the request is hidden
        ("reviewer", 404),  # the superior body, with no appeal before it
        ("requester", 302),  # no workspace: sent to sign in as someone who has one
        ("citizen", 302),
    ],
)
def test_only_the_bodys_officers_redact(client, world, case, who, status):
    _request, _attachment, base = case
    client.force_login(getattr(world, who))
    assert client.get(base).status_code == status
    assert client.get(f"{base}pages/1/").status_code == status
    response = client.post(base, boxes_post([("1", "26", "26", "48", "30", PERSONAL_DATA)]))
    assert response.status_code == status
    assert not Redaction.objects.exists()


def test_another_officer_while_one_handles_it_is_refused_with_a_reason(client, world, case):
    foi_request, _attachment, base = case
    type(foi_request).objects.filter(pk=foi_request.pk).update(assignee=world.officer)
    client.force_login(world.second_officer)
    response = client.get(base)
    assert response.status_code == 403
    assert "may not redact" in response.content.decode()
    client.post(base, boxes_post([("1", "26", "26", "48", "30", PERSONAL_DATA)]))
    assert not Redaction.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, case):
    _request, _attachment, base = case
    response = client.get(base)
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_image_is_shown_and_redacted(client, world):
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[("photo.jpg", photo(artist=SECRET))],
    )
    attachment = Attachment.objects.get(message__foi_request=foi_request)
    base = f"/admin/workspace/requests/{foi_request.reference}/files/{attachment.pk}/redact/"
    client.force_login(world.officer)
    assert client.get(f"{base}pages/1/")["Content-Type"] == "image/png"
    client.post(base, boxes_post([("1", "5", "5", "30", "40", PERSONAL_DATA)]))
    assert Redaction.objects.get().verified
