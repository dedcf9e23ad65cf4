import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from foi import services
from foi.models import AuditLogImmutable, CaseEvent, State


@pytest.fixture
def answered(world):
    """A request that went through a few steps, so its chain has several links."""
    draft = services.foi_request_create_draft(
        requester=world.requester,
        body=world.ministry,
        subject="Staff list",
        text="Please send the staff list of the ministry.",
    )
    foi_request = services.foi_request_file(foi_request=draft, actor=world.requester)
    foi_request = services.foi_request_accept(
        foi_request=foi_request, actor=world.coordinator, assignee=world.officer
    )
    services.foi_request_add_note(
        foi_request=foi_request, actor=world.officer, text="Ask HR for the list."
    )
    return services.foi_request_answer(
        foi_request=foi_request, actor=world.officer, outcome="full", text="Attached."
    )


def test_the_chain_links_every_event(answered):
    events = list(CaseEvent.objects.filter(foi_request=answered).order_by("seq"))
    assert [e.kind for e in events] == ["created", "submit", "accept", "note", "answer"]
    assert events[0].prev_hash == "0" * 64
    for previous, event in itertools.pairwise(events):
        assert event.prev_hash == previous.hash
        assert event.hash == event.compute_hash()
    assert answered.audit_head == events[-1].hash
    assert services.case_events_verify(foi_request=answered) is None


def test_events_cannot_be_changed_or_removed_through_the_orm(answered):
    event = CaseEvent.objects.filter(foi_request=answered).first()
    event.kind = "forged"
    with pytest.raises(AuditLogImmutable):
        event.save()
    with pytest.raises(AuditLogImmutable):
        event.delete()
    with pytest.raises(AuditLogImmutable):
        CaseEvent.objects.filter(pk=event.pk).update(kind="forged")
    with pytest.raises(AuditLogImmutable):
        CaseEvent.objects.filter(pk=event.pk).delete()


def test_the_note_event_does_not_carry_the_note(answered):
    note = CaseEvent.objects.get(foi_request=answered, kind="note")
    assert "HR" not in note.canonical()
    assert note.audience == "internal"


def test_verify_command_passes_on_an_intact_trail(answered, capsys):
    call_command("foi_verify_audit")
    assert "all hold" in capsys.readouterr().out
    call_command("foi_verify_audit", reference=answered.reference)


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_tampering_with_a_row_is_found_and_named(answered):
    event = CaseEvent.objects.get(foi_request=answered, kind="accept")
    table = CaseEvent._meta.db_table
    _sql(f"UPDATE {table} SET to_state = %s WHERE id = %s", ["answered", event.pk])
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit")
    message = str(failure.value)
    assert failure.value.returncode == 1
    assert answered.reference in message
    assert f"event #{event.seq}" in message
    assert f"id {event.pk}" in message
    assert "altered" in message


def test_removing_the_last_event_is_found(answered):
    last = CaseEvent.objects.filter(foi_request=answered).order_by("-seq").first()
    _sql(f"DELETE FROM {CaseEvent._meta.db_table} WHERE id = %s", [last.pk])
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit", reference=answered.reference)
    assert f"event #{last.seq}" in str(failure.value)


def test_rechaining_after_an_edit_still_breaks_at_the_head(answered):
    """Forging a row and recomputing its hash breaks the link to the next event."""
    event = CaseEvent.objects.get(foi_request=answered, kind="submit")
    forged = CaseEvent.objects.get(pk=event.pk)
    forged.data = {**forged.data, "due_at": "2099-01-01T00:00:00+04:00"}
    new_hash = forged.compute_hash()
    _sql(
        f"UPDATE {CaseEvent._meta.db_table} SET data = %s, hash = %s WHERE id = %s",
        [__import__("json").dumps(forged.data), new_hash, event.pk],
    )
    broken = services.case_events_verify(foi_request=answered)
    assert broken is not None
    assert broken.seq == event.seq + 1
    assert "does not follow" in broken.reason


def test_unknown_reference_is_a_usage_error(db):
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit", reference="AZ-1999-000001")
    assert failure.value.returncode == 2


def test_admin_cannot_change_events(answered, world, client):
    client.force_login(world.admin)
    event = CaseEvent.objects.filter(foi_request=answered).first()
    response = client.post(f"/django-admin/foi/caseevent/{event.pk}/change/", {"kind": "forged"})
    assert response.status_code in (200, 403)
    assert CaseEvent.objects.get(pk=event.pk).kind == event.kind
    response = client.post(f"/django-admin/foi/caseevent/{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert CaseEvent.objects.filter(pk=event.pk).exists()
    assert answered.state == State.ANSWERED


def test_the_daily_sweep_writes_to_the_administrators_when_a_chain_breaks(
    answered, world, mailoutbox, settings, capsys
):
    settings.ADMINS = []
    call_command("foi_sweep")
    assert "Every audit chain holds." in capsys.readouterr().out
    assert not [m for m in mailoutbox if "Audit trail" in m.subject]
    event = CaseEvent.objects.get(foi_request=answered, kind="accept")
    _sql(f"UPDATE {CaseEvent._meta.db_table} SET actor_label = %s WHERE id = %s", ["x", event.pk])
    call_command("foi_sweep")
    assert "1 audit chain(s) broken" in capsys.readouterr().err
    (alert,) = [m for m in mailoutbox if "Audit trail" in m.subject]
    assert alert.to == [world.admin.email]  # no ADMINS configured: the superusers
    assert answered.reference in alert.body and f"event #{event.seq}" in alert.body
    settings.ADMINS = [("", "ops@sorgu.example")]
    call_command("foi_sweep")
    assert [m for m in mailoutbox if "Audit trail" in m.subject][-1].to == ["ops@sorgu.example"]


def test_verifying_everything_names_every_broken_chain_in_one_pass(
    answered, world, django_assert_max_num_queries
):
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="Budget", text="Please."
    )
    other = services.foi_request_file(foi_request=draft, actor=world.requester)
    assert list(services.case_events_verify_all()) == []
    first = CaseEvent.objects.filter(foi_request=answered).order_by("seq").first()
    last = CaseEvent.objects.filter(foi_request=other).order_by("-seq").first()
    _sql(f"UPDATE {CaseEvent._meta.db_table} SET kind = %s WHERE id = %s", ["x", first.pk])
    _sql(f"DELETE FROM {CaseEvent._meta.db_table} WHERE id = %s", [last.pk])
    # The requests (counted, then read), the events, the message texts and the files' names.
    with django_assert_max_num_queries(5):
        breaks = list(services.case_events_verify_all())
    assert {(b.reference, b.seq) for b in breaks} == {
        (answered.reference, first.seq),
        (other.reference, last.seq),
    }
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit")
    assert "2 request(s)" in str(failure.value)
