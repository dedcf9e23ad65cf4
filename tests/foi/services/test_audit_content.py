"""Chain version 2: each event also hashes its message's text and its files' bytes, and
verification reads them again; version 1 events (recorded before it) verify as before, and a
chain may switch from 1 to 2 midway."""

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from foi import services
from foi.models import CaseEvent, FOIRequest, Message, State
from foi.models.audit import GENESIS
from foi.services.audit import save_audit_head


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def answered(world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    foi_request = services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="full",
        text="The staff list is attached.",
        files=[("staff.txt", b"STAFF-LIST"), ("budget.txt", b"BUDGET")],
    )
    staff = foi_request.messages.get(kind="response").attachments.get(original_name="staff.txt")
    services.attachment_approve(attachment=staff, actor=world.officer)
    return FOIRequest.objects.get(pk=foi_request.pk)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_new_events_hash_their_message_text_and_files(answered):
    answer = CaseEvent.objects.get(foi_request=answered, kind="answer")
    approval = CaseEvent.objects.get(foi_request=answered, kind="attachment_approved")
    message = Message.objects.get(pk=answer.message_id)
    files = {str(a.pk): a for a in message.attachments.all()}
    assert answer.chain == approval.chain == 2
    assert answer.content["message"] == _sha(message.text.encode("utf-8"))
    # The answer hashes every file of its message; the approval only the file it approved.
    assert answer.content["files"] == {
        key: _sha(b"STAFF-LIST" if a.original_name == "staff.txt" else b"BUDGET")
        for key, a in files.items()
    }
    staff = next(a for a in files.values() if a.original_name == "staff.txt")
    assert approval.content["files"] == {str(staff.pk): _sha(b"STAFF-LIST")}
    # The hashes are part of what is chained.
    assert json.loads(answer.canonical())["content"] == answer.content
    assert json.loads(answer.canonical())["chain"] == 2
    assert services.case_events_verify(foi_request=answered) is None


def test_a_message_text_edited_in_the_database_is_caught(answered):
    answer = CaseEvent.objects.get(foi_request=answered, kind="answer")
    _sql(
        f"UPDATE {Message._meta.db_table} SET text = %s WHERE id = %s",
        ["The list was never sent.", answer.message_id],
    )
    broken = services.case_events_verify(foi_request=answered)
    assert broken is not None
    assert (broken.seq, broken.reason) == (answer.seq, "its message's text was altered")
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit")
    assert failure.value.returncode == 1
    assert "its message's text was altered" in str(failure.value)
    assert answered.reference in str(failure.value)


def test_a_file_whose_bytes_were_replaced_is_caught(answered):
    answer = CaseEvent.objects.get(foi_request=answered, kind="answer")
    staff = Message.objects.get(pk=answer.message_id).attachments.get(original_name="staff.txt")
    Path(staff.file.path).write_bytes(b"FORGED-LIST")
    broken = services.case_events_verify(foi_request=answered)
    assert broken is not None
    assert (broken.seq, broken.reason) == (answer.seq, f"its file {staff.pk} was altered")
    breaks = list(services.case_events_verify_all())
    assert [(b.reference, b.seq) for b in breaks] == [(answered.reference, answer.seq)]
    # Without reading the files, the texts and hashes still hold.
    assert services.case_events_verify(foi_request=answered, read_files=False) is None
    call_command("foi_verify_audit", "--no-files")


def test_a_file_removed_from_storage_is_caught(answered):
    approval = CaseEvent.objects.get(foi_request=answered, kind="attachment_approved")
    (key,) = approval.content["files"]
    Path(Message.objects.get(pk=approval.message_id).attachments.get(pk=key).file.path).unlink()
    broken = services.case_events_verify(foi_request=answered)
    assert broken is not None and broken.reason.startswith("its file")
    assert broken.reason.endswith("is missing")


def test_the_recorded_hashes_cannot_be_changed_to_match_a_forgery(answered):
    answer = CaseEvent.objects.get(foi_request=answered, kind="answer")
    forged = {**answer.content, "message": _sha(b"The list was never sent.")}
    _sql(
        f"UPDATE {CaseEvent._meta.db_table} SET content = %s WHERE id = %s",
        [json.dumps(forged), answer.pk],
    )
    broken = services.case_events_verify(foi_request=answered)
    assert broken is not None and (broken.seq, broken.reason) == (answer.seq, "content was altered")


def test_a_chain_of_version_1_events_switches_to_version_2(world):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
    letter = Message.objects.create(foi_request=foi_request, kind="letter", text="OLD-LETTER")
    old = CaseEvent(
        foi_request=foi_request,
        seq=1,
        kind="submit",
        actor_label="system",
        message=letter,
        chain=1,
        prev_hash=GENESIS,
    )
    old.save()
    # Version 1's rule, unchanged: no chain, no content in what is hashed.
    assert "content" not in json.loads(old.canonical()) and old.content == {}
    assert old.hash == _sha((GENESIS + old.canonical()).encode("utf-8"))
    foi_request.audit_length, foi_request.audit_head = 1, old.hash
    save_audit_head(foi_request)
    services.foi_request_add_note(foi_request=foi_request, actor=world.officer, text="Note.")
    foi_request.refresh_from_db()
    chains = list(
        CaseEvent.objects.filter(foi_request=foi_request).order_by("seq").values_list("chain")
    )
    assert chains == [(1,), (2,)]
    assert services.case_events_verify(foi_request=foi_request) is None
    # A version 1 event's message is not hashed: editing it is not this chain's to see...
    _sql(f"UPDATE {Message._meta.db_table} SET text = %s WHERE id = %s", ["NEW", letter.pk])
    assert services.case_events_verify(foi_request=foi_request) is None
    # ...but the event itself still is.
    _sql(f"UPDATE {CaseEvent._meta.db_table} SET kind = %s WHERE id = %s", ["answer", old.pk])
    broken = services.case_events_verify(foi_request=foi_request)
    assert broken is not None and (broken.seq, broken.reason) == (1, "content was altered")
