"""Redacted copies: made by the body's officers, verified, on the audit trail with both sums and
the grounds; the original never published, a copy that failed its checks never approved."""

from __future__ import annotations

import pytest

from core.errors import Conflict, InvalidInput, NotPermitted
from foi import services
from foi.models import (
    PERSONAL_DATA,
    Attachment,
    CaseEvent,
    InvokedExemption,
    Redaction,
    State,
)
from foi.services import redactions
from tests.redaction.documents import box_over, photo, text_pdf

SECRET = "Aysel Mammadova"


def a_pdf() -> bytes:
    return text_pdf([[(72, 700, "The minister decided"), (72, 600, f"Complainant: {SECRET}")]])


def answered(world, name="decision.pdf", content=None):
    foi_request = services.foi_request_answer(
        foi_request=world.request(State.IN_PROGRESS),
        actor=world.officer,
        outcome="full",
        text="Here.",
        files=[(name, content or a_pdf())],
    )
    return foi_request, Attachment.objects.get(message__foi_request=foi_request)


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch):
    # The service's OCR is tested in tests/redaction; here a page without text is enough.
    from redaction import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)


def test_an_officer_makes_a_verified_copy_recorded_with_its_grounds(world):
    foi_request, original = answered(world)
    boxes = [
        box_over(160, 600, 120, reason=PERSONAL_DATA),
        box_over(72, 700, 60, reason="official"),
    ]
    record = redactions.redaction_create(attachment=original, actor=world.officer, boxes=boxes)

    assert record.verified and record.problems == []
    copy = record.redacted
    assert copy.original_name == "decision-redacted.pdf" and not copy.approved
    assert copy.message_id == original.message_id
    assert record.original_sha256 == original.sha256 and record.redacted_sha256 == copy.sha256
    assert SECRET.encode() not in copy.file.open("rb").read()
    assert [(g["reason"], g["article"], g["passages"]) for g in record.grounds] == [
        (PERSONAL_DATA, "", 1),
        ("official", "35", 1),
    ]
    invoked = InvokedExemption.objects.get(attachment=copy)
    assert invoked.exemption.code == "official" and "1 passage" in invoked.note
    event = CaseEvent.objects.get(foi_request=foi_request, kind="attachment_redacted")
    assert event.actor == world.officer
    assert event.data["sha256"] == original.sha256
    assert event.data["redacted_sha256"] == copy.sha256
    assert [g["reason"] for g in event.data["grounds"]] == [PERSONAL_DATA, "official"]
    assert event.data["verified"] is True

    services.attachment_approve(attachment=copy, actor=world.officer)
    with pytest.raises(Conflict, match="original stays private"):
        services.attachment_approve(attachment=original, actor=world.officer)
    assert not Attachment.objects.get(pk=original.pk).approved


def test_a_copy_that_failed_its_checks_cannot_be_approved(world):
    _request, original = answered(world)
    record = redactions.redaction_create(
        attachment=original, actor=world.officer, boxes=[box_over(160, 600, 120)]
    )
    Redaction.objects.filter(pk=record.pk).update(
        verified=False,
        problems=["The text under box 1 (page 1) is still in the text read by pypdf."],
    )
    with pytest.raises(Conflict, match=r"failed its checks.*box 1"):
        services.attachment_approve(attachment=record.redacted, actor=world.officer)
    assert not Attachment.objects.get(pk=record.redacted_id).approved


def test_an_image_loses_its_exif(world):
    _request, original = answered(world, "photo.jpg", photo(artist=SECRET))
    record = redactions.redaction_create(
        attachment=original,
        actor=world.officer,
        boxes=[redactions.Box(page=1, x0=0.1, y0=0.1, x1=0.3, y1=0.3, reason=PERSONAL_DATA)],
    )
    assert record.verified and record.redacted.original_name == "photo-redacted.jpg"
    assert SECRET.encode() not in record.redacted.file.open("rb").read()


@pytest.mark.parametrize("who", ["other_officer", "reviewer", "requester", "citizen", "editor"])
def test_only_the_bodys_officers_redact(world, who):
    _request, original = answered(world)
    events = CaseEvent.objects.count()
    with pytest.raises(NotPermitted):
        redactions.redaction_create(
            attachment=original, actor=getattr(world, who), boxes=[box_over(160, 600, 120)]
        )
    assert not Redaction.objects.exists() and Attachment.objects.count() == 1
    assert CaseEvent.objects.count() == events


@pytest.mark.parametrize(
    ("box", "why"),
    [
        (redactions.Box(page=3, x0=0.1, y0=0.1, x1=0.2, y1=0.2, reason="official"), "has 1 page"),
        (redactions.Box(page=1, x0=0.1, y0=0.1, x1=0.2, y1=0.2, reason="nonsense"), "not a ground"),
        (redactions.Box(page=1, x0=0.5, y0=0.1, x1=0.2, y1=0.2, reason="official"), "rectangle"),
    ],
)
def test_bad_boxes_are_refused_and_nothing_is_saved(world, box, why):
    _request, original = answered(world)
    with pytest.raises(InvalidInput, match=why):
        redactions.redaction_create(attachment=original, actor=world.officer, boxes=[box])
    assert not Redaction.objects.exists() and Attachment.objects.count() == 1


def test_a_published_file_or_a_copy_is_not_redacted_again(world):
    _request, original = answered(world)
    record = redactions.redaction_create(
        attachment=original, actor=world.officer, boxes=[box_over(160, 600, 120)]
    )
    with pytest.raises(InvalidInput, match="already a redacted copy"):
        redactions.redaction_create(
            attachment=record.redacted, actor=world.officer, boxes=[box_over(160, 600, 120)]
        )
    _other, published = answered(world)
    published = services.attachment_approve(attachment=published, actor=world.officer)
    with pytest.raises(InvalidInput, match="already published"):
        redactions.redaction_create(
            attachment=published, actor=world.officer, boxes=[box_over(160, 600, 120)]
        )


def test_terms_and_patterns_become_boxes(world):
    _request, original = answered(world)
    boxes = redactions.boxes_for_terms(
        attachment=original, terms=["mammadova"], pattern_keys=[], reason=PERSONAL_DATA
    )
    assert len(boxes) == 1 and boxes[0].page == 1
    with pytest.raises(InvalidInput):
        redactions.boxes_for_terms(
            attachment=original, terms=[" "], pattern_keys=[], reason=PERSONAL_DATA
        )
    with pytest.raises(InvalidInput):
        redactions.boxes_for_terms(
            attachment=original, terms=[], pattern_keys=["nope"], reason=PERSONAL_DATA
        )


def test_a_word_file_is_refused_without_a_converter(world, monkeypatch):
    from redaction import office
    from tests.core import samples

    monkeypatch.setattr(office, "converter", lambda: None)
    _request, original = answered(world, "letter.rtf", samples.rtf())
    with pytest.raises(InvalidInput, match="no converter"):
        redactions.redaction_create(
            attachment=original, actor=world.officer, boxes=[box_over(160, 600, 120)]
        )


def test_the_public_sees_the_copy_released_in_part_and_never_the_original(client, world):
    foi_request, original = answered(world)
    record = redactions.redaction_create(
        attachment=original,
        actor=world.officer,
        boxes=[box_over(160, 600, 120), box_over(72, 700, 60, reason="official")],
    )
    services.attachment_approve(attachment=record.redacted, actor=world.officer)
    page = client.get(f"/requests/{foi_request.reference}/").content.decode()
    assert "decision-redacted.pdf" in page
    assert "released in part: 2 passages withheld (grounds: personal data, 35)" in page
    assert "decision.pdf" not in page
    client.force_login(world.requester)
    page = client.get(f"/requests/{foi_request.reference}/").content.decode()
    assert "decision-redacted.pdf" in page and "decision.pdf" not in page
    download = client.get(f"/requests/{foi_request.reference}/files/{original.pk}/")
    assert download.status_code == 404


def test_ocr_runs_while_the_officer_waits_only_up_to_the_page_limit(world, settings, monkeypatch):
    from redaction import ocr

    calls = []
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "page_pdf", lambda jpeg, dpi: calls.append(dpi))  # None: no text
    settings.FOI_REDACTION_OCR_MAX_PAGES = 0
    _request, original = answered(world)
    record = redactions.redaction_create(
        attachment=original, actor=world.officer, boxes=[box_over(160, 600, 120)]
    )
    assert calls == [] and not record.text_layer and record.verified

    settings.FOI_REDACTION_OCR_MAX_PAGES = 1
    _request, original = answered(world)
    redactions.redaction_create(
        attachment=original, actor=world.officer, boxes=[box_over(160, 600, 120)]
    )
    assert len(calls) == 2  # the page and the list of redactions
