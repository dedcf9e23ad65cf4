"""The daily published roots over every request's chain head: publishing (once a day, in order,
append-only), checking them against the chains (a tampered root, a rewritten chain), the public
page, feed and API, the inclusion proof (obeying the request's visibility) and the case file's
verifier checking a case against a published root."""

import datetime
import json
import subprocess
import sys
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from core import clock
from core.errors import InvalidInput
from foi import case_file_verifier, merkle, services
from foi.exports import case_file_zip
from foi.models import AuditLogImmutable, AuditRoot, CaseEvent, FOIRequest, State
from foi.services.audit_roots import audit_root_publish, chain_heads_at


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _tomorrow():
    return clock.travel(timezone.now() + datetime.timedelta(days=1))


def _publish(day=None):
    with _tomorrow():
        return audit_root_publish(day=day or timezone.localdate())


@pytest.fixture
def requests(world):
    """A public answered request and a private one, each with a few events."""
    public = world.request(State.IN_PROGRESS, assignee=world.officer)
    services.foi_request_add_note(foi_request=public, actor=world.officer, text="Ask HR.")
    public = services.foi_request_answer(
        foi_request=public,
        actor=world.officer,
        outcome="full",
        text="Attached.",
        files=[("list.txt", b"LIST")],
    )
    until = timezone.localdate() + datetime.timedelta(days=90)
    private = world.request(State.IN_PROGRESS, visibility="private", private_until=until)
    services.foi_request_add_note(foi_request=private, actor=world.officer, text="PRIVATE")
    return FOIRequest.objects.get(pk=public.pk), FOIRequest.objects.get(pk=private.pk)


def test_the_root_covers_every_request_head_and_is_published_once(requests):
    public, private = requests
    root = _publish()
    heads = sorted([(public.reference, public.audit_head), (private.reference, private.audit_head)])
    leaves = [merkle.leaf_hash(reference, head) for reference, head in heads]
    assert root.leaf_count == 2
    assert root.tree_root == merkle.tree_root(leaves)
    assert root.prev_hash == "0" * 64 and root.hash == root.compute_hash()
    assert _publish() == root
    assert AuditRoot.objects.count() == 1
    with _tomorrow():
        call_command("foi_publish_audit_root", date=timezone.localdate().isoformat())
    assert AuditRoot.objects.count() == 1


def test_the_next_day_is_chained_to_the_day_before(requests):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    first = _publish(yesterday)
    second = _publish()
    assert first.leaf_count == 0  # the events were recorded today
    assert second.prev_hash == first.hash and second.leaf_count == 2
    call_command("foi_verify_audit")


def test_a_day_not_ended_or_out_of_order_is_refused_and_nothing_saved(requests):
    with pytest.raises(InvalidInput):
        audit_root_publish(day=timezone.localdate())
    _publish()
    with pytest.raises(InvalidInput):
        _publish(timezone.localdate() - datetime.timedelta(days=3))
    assert AuditRoot.objects.count() == 1
    with pytest.raises(CommandError) as failure:
        call_command("foi_publish_audit_root", date="not-a-day")
    assert failure.value.returncode == 2


def test_the_daily_job_publishes_yesterday_and_catches_up(requests, capsys):
    today = timezone.localdate()
    with clock.travel(timezone.now() + datetime.timedelta(days=3)):
        call_command("foi_publish_audit_root")
        call_command("foi_publish_audit_root")
    assert list(AuditRoot.objects.order_by("date").values_list("date", flat=True)) == [
        today + datetime.timedelta(days=2)
    ]
    with clock.travel(timezone.now() + datetime.timedelta(days=5)):
        call_command("foi_publish_audit_root")
    assert AuditRoot.objects.count() == 3


def test_published_roots_cannot_be_changed_or_removed_through_the_orm(requests):
    root = _publish()
    root.tree_root = "f" * 64
    with pytest.raises(AuditLogImmutable):
        root.save()
    with pytest.raises(AuditLogImmutable):
        root.delete()
    with pytest.raises(AuditLogImmutable):
        AuditRoot.objects.filter(pk=root.pk).update(tree_root="f" * 64)
    with pytest.raises(AuditLogImmutable):
        AuditRoot.objects.all().delete()


def test_events_after_the_day_leave_its_root_as_it_was(world, requests):
    public, _private = requests
    root = _publish()
    with clock.travel(timezone.now() + datetime.timedelta(days=1, hours=2)):
        services.foi_request_add_note(foi_request=public, actor=world.officer, text="Later.")
    # Even an event dated back into the day, stored after publication, does not move it.
    services.foi_request_add_note(foi_request=public, actor=world.officer, text="Backdated.")
    heads = chain_heads_at(cutoff=root.cutoff, last_event_id=root.last_event_id)
    assert dict(heads)[public.reference] == public.audit_head
    call_command("foi_verify_audit")


def test_a_draft_is_no_leaf_and_sending_it_later_leaves_the_root_as_it_was(world, requests):
    draft = services.foi_request_create_draft(
        requester=world.requester, body=world.ministry, subject="Budget", text="Please."
    )
    root = _publish()
    assert root.leaf_count == 2
    sent = services.foi_request_file(foi_request=draft, actor=world.requester)
    assert sent.reference
    call_command("foi_verify_audit")
    with clock.travel(timezone.now() + datetime.timedelta(days=2)):
        later = audit_root_publish(day=timezone.localdate() + datetime.timedelta(days=1))
    assert later.leaf_count == 3


def test_a_tampered_published_root_is_caught(requests):
    root = _publish()
    _sql(f"UPDATE {AuditRoot._meta.db_table} SET tree_root = %s WHERE id = %s", ["a" * 64, root.pk])
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit")
    message = str(failure.value)
    assert failure.value.returncode == 1
    assert f"root of {root.date.isoformat()}: its published record was altered" in message
    assert "over 2 was published" in message


def test_a_root_rewritten_with_its_own_hash_breaks_the_next_day(requests):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    first = _publish(yesterday)
    _publish()
    forged = AuditRoot.objects.get(pk=first.pk)
    forged.leaf_count = 5
    _sql(
        f"UPDATE {AuditRoot._meta.db_table} SET leaf_count = 5, hash = %s WHERE id = %s",
        [forged.compute_hash(), first.pk],
    )
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit")
    message = str(failure.value)
    assert "does not follow the root of the day before" in message
    assert f"root of {yesterday.isoformat()}: the chains give" in message


def test_a_whole_chain_rewritten_consistently_is_caught_by_the_root(requests):
    public, _private = requests
    _publish()
    # Rewrite the last event and its hash, and the request's head: the chain itself holds.
    last = CaseEvent.objects.filter(foi_request=public).order_by("-seq").first()
    last.to_state = "refused"
    forged = last.compute_hash()
    table = CaseEvent._meta.db_table
    _sql(f"UPDATE {table} SET to_state = %s, hash = %s WHERE id = %s", ["refused", forged, last.pk])
    FOIRequest.objects.filter(pk=public.pk).update(audit_head=forged)
    assert services.case_events_verify(foi_request=FOIRequest.objects.get(pk=public.pk)) is None
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit")
    assert failure.value.returncode == 1
    assert "0 request(s), 1 published root(s) do not hold" in str(failure.value)
    assert "the chains give" in str(failure.value)


def test_a_saved_copy_of_the_roots_shows_a_root_that_changed(requests, tmp_path, client):
    root = _publish()
    saved = tmp_path / "roots.json"
    saved.write_text(client.get("/api/v1/audit/roots/").content.decode("utf-8"))
    call_command("foi_verify_audit", published=str(saved))
    copy = json.loads(saved.read_text())
    copy["results"][0]["hash"] = "b" * 64
    saved.write_text(json.dumps(copy))
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit", published=str(saved))
    assert f"root of {root.date.isoformat()}: differs from the copy" in str(failure.value)


# -- the public page, the feed and the API --------------------------------------------------------


def test_the_roots_page_and_feed_show_each_root_and_no_request(client, requests):
    _public, private = requests
    root = _publish()
    page = client.get("/audit/roots/")
    assert page.status_code == 200
    html = page.content.decode()
    assert root.tree_root in html and root.hash in html and ">2<" in html
    assert private.reference not in html and private.audit_head not in html
    feed = client.get("/audit/roots/feed/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert root.tree_root in feed.content.decode()
    assert private.reference not in feed.content.decode()
    # Bad input: an unknown page number gives a page, not an error.
    assert client.get("/audit/roots/?page=zzz").status_code == 200


def test_the_api_lists_roots_and_gives_one_by_day(api, requests):
    root = _publish()
    listed = api.as_(None).get("/api/v1/audit/roots/")
    assert listed.status_code == 200
    (row,) = listed.json()["results"]
    assert row["hash"] == root.hash and row["tree_root"] == root.tree_root
    assert case_file_verifier.root_record_hash(row) == root.hash
    one = api.get(f"/api/v1/audit/roots/{root.date.isoformat()}/")
    assert one.status_code == 200 and one.json()["hash"] == root.hash
    assert api.get("/api/v1/audit/roots/1999-01-01/").status_code == 404
    assert api.get("/api/v1/audit/roots/yesterday/").status_code == 404


def test_the_proof_leads_from_the_head_to_the_published_root(api, requests):
    public, _private = requests
    root = _publish()
    answer = api.as_(None).get(
        f"/api/v1/requests/{public.reference}/audit-proof/?date={root.date.isoformat()}"
    )
    assert answer.status_code == 200
    proof = answer.json()
    assert proof["head"] == public.audit_head
    assert proof["root"]["tree_root"] == root.tree_root == proof["tree_root_now"]
    leaf = bytes.fromhex(proof["leaf"])
    args = (leaf, proof["index"], proof["size"], proof["path"], root.tree_root)
    assert merkle.verify_inclusion(*args)
    assert case_file_verifier.verify_inclusion(*args)
    hashes = set(CaseEvent.objects.filter(foi_request=public).values_list("hash", flat=True))
    assert case_file_verifier.check_proof(proof, hashes, root.tree_root) is None
    assert case_file_verifier.check_proof(proof, hashes, "c" * 64) is not None
    # Without a date: the latest root.
    latest = api.get(f"/api/v1/requests/{public.reference}/audit-proof/")
    assert latest.json()["leaf"] == proof["leaf"]


def test_the_proof_of_a_private_request_is_404_to_those_who_may_not_see_it(api, world, requests):
    _public, private = requests
    _publish()
    address = f"/api/v1/requests/{private.reference}/audit-proof/"
    assert api.as_(None).get(address).status_code == 404
    assert api.as_(world.citizen).get(address).status_code == 404
    assert api.as_(world.other_officer).get(address).status_code == 404
    assert api.as_(world.requester).get(address).status_code == 200
    assert api.as_(world.officer).get(address).json()["head"] == private.audit_head


def test_bad_proof_input_is_a_clear_400(api, requests):
    public, _private = requests
    address = f"/api/v1/requests/{public.reference}/audit-proof/"
    none_yet = api.as_(None).get(address)
    assert none_yet.status_code == 400 and "No root" in none_yet.json()["detail"]
    _publish()
    assert api.get(address + "?date=soon").status_code == 400
    assert api.get(address + "?date=1999-01-01").status_code == 400
    assert api.get("/api/v1/requests/AZ-0000-000000/audit-proof/").status_code == 404


# -- the case file's verifier ------------------------------------------------------------------


def _run(cwd, *arguments):
    return subprocess.run(
        [sys.executable, "-I", "audit/verify.py", "audit/events.jsonl", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_case_file_verifies_against_the_published_root(world, requests, tmp_path):
    public, _private = requests
    root = _publish()
    services.foi_request_add_note(foi_request=public, actor=world.officer, text="After.")
    archive = zipfile.ZipFile(case_file_zip(foi_request=public, user=world.officer))
    archive.extractall(tmp_path)
    assert "audit/proof.json" in archive.read("audit/VERIFY.txt").decode()
    run = _run(tmp_path, "audit/proof.json", root.tree_root)
    assert run.returncode == 0, run.stdout
    assert f"published tree root {root.tree_root}" in run.stdout
    assert "texts and files match it" in run.stdout
    # Another root than the one published: refused.
    wrong = _run(tmp_path, "audit/proof.json", "d" * 64)
    assert wrong.returncode == 1 and "not the one you saw published" in wrong.stdout
    # A tampered proof: refused.
    proof = json.loads((tmp_path / "audit/proof.json").read_text())
    proof["path"][0] = "e" * 64
    (tmp_path / "audit/proof.json").write_text(json.dumps(proof))
    tampered = _run(tmp_path, "audit/proof.json")
    assert tampered.returncode == 1
    assert "BROKEN: the proof's path does not lead to the root" in tampered.stdout


def test_the_case_file_verifier_finds_a_file_that_differs(world, requests, tmp_path):
    public, _private = requests
    archive = zipfile.ZipFile(case_file_zip(foi_request=public, user=world.officer))
    archive.extractall(tmp_path)
    assert _run(tmp_path).returncode == 0
    (name,) = [n for n in archive.namelist() if n.startswith("attachments/")]
    (tmp_path / name).write_bytes(b"FORGED")
    run = _run(tmp_path)
    assert run.returncode == 1 and "differs" in run.stdout


def test_the_daily_sweep_publishes_yesterday_and_writes_when_a_root_breaks(
    world, requests, capsys, mailoutbox
):
    from foi.services.audit_alerts import audit_roots_verify_and_alert

    with _tomorrow():
        call_command("foi_sweep")
        call_command("foi_sweep")
    out = capsys.readouterr().out
    (root,) = AuditRoot.objects.all()
    assert root.date == timezone.localdate() and root.leaf_count == 2
    assert f"Audit root of {root.date}" in out and "Every published audit root holds." in out
    assert not [m for m in mailoutbox if "audit roots" in m.subject]
    _sql(f"UPDATE {AuditRoot._meta.db_table} SET leaf_count = 7 WHERE id = %s", [root.pk])
    breaks = audit_roots_verify_and_alert(today=timezone.localdate())
    assert {b.reason for b in breaks} >= {"its published record was altered"}
    (alert,) = [m for m in mailoutbox if "audit roots" in m.subject]
    assert alert.to == [world.admin.email] and root.date.isoformat() in alert.body


def test_the_outsiders_snippet_in_the_docs_checks_a_public_case(api, requests, monkeypatch, capsys):
    """docs/case-format.md's Python, run as written against this portal's public API."""
    import io
    import re
    import urllib.request
    from pathlib import Path

    public, _private = requests
    root = _publish()
    docs = Path(__file__).resolve().parents[2] / "docs"
    text = (docs / "case-format.md").read_text(encoding="utf-8")
    section = text[text.index("## Checking a case against a published root") :]
    snippet = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    line = 'SITE, REF, DAY = "https://sorgu.example", "AZ-2026-000123", "2026-12-05"'
    assert line in snippet
    snippet = snippet.replace(
        line, f'SITE, REF, DAY = "https://sorgu.example", "{public.reference}", "{root.date}"'
    )
    anonymous = api.as_(None)

    def urlopen(address):
        answer = anonymous.get(address.removeprefix("https://sorgu.example"))
        assert answer.status_code == 200, address
        return io.BytesIO(answer.content)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    exec(compile(snippet, "case-format.md", "exec"), {})
    assert f"is in the published root {root.tree_root}" in capsys.readouterr().out
    # The same snippet refuses a root that is not the published one.
    forged = snippet.replace('["tree_root"]', '["hash"]', 1)
    with pytest.raises(AssertionError):
        exec(compile(forged, "case-format.md", "exec"), {})


# -- blocks: a proof reads one block of leaves, not every request -------------------------------


@pytest.mark.parametrize("size", [1, 2, 4])
def test_a_proof_through_a_block_is_the_proof_over_every_leaf(size):
    import hashlib

    for count in range(1, 20):
        leaves = [hashlib.sha256(str(i).encode()).digest() for i in range(count)]
        nodes = merkle.chunk_nodes(leaves, size)
        for index in range(count):
            block, position = divmod(index, size)
            chunk = leaves[block * size : (block + 1) * size]
            assert merkle.inclusion_proof_in_chunk(
                chunk, position, nodes, block
            ) == merkle.inclusion_proof(leaves, index)


def test_each_request_is_proved_from_its_block_alone(world, requests, api, monkeypatch):
    monkeypatch.setattr(merkle, "CHUNK_LEAVES", 2)
    for _n in range(5):
        more = world.request(State.IN_PROGRESS, assignee=world.officer)
        services.foi_request_add_note(foi_request=more, actor=world.officer, text="Seen.")
    root = _publish()
    heads = chain_heads_at(cutoff=root.cutoff, last_event_id=root.last_event_id)
    leaves = [merkle.leaf_hash(reference, head) for reference, head in heads]
    assert root.leaf_count == 7 and len(root.chunks) == 4
    assert [first for first, _node in root.chunks] == [heads[i][0] for i in (0, 2, 4, 6)]
    seen = []
    for index, (reference, _head) in enumerate(heads):
        proof = api.as_(world.officer).get(f"/api/v1/requests/{reference}/audit-proof/").json()
        assert (proof["index"], proof["size"]) == (index, 7)
        assert proof["path"] == merkle.inclusion_proof(leaves, index)[0]
        assert proof["tree_root_now"] == root.tree_root
        seen.append(proof["leaf"])
    assert seen == [leaf.hex() for leaf in leaves]


def test_an_altered_index_of_blocks_is_caught(requests):
    root = _publish()
    altered = json.dumps([[first, "d" * 64] for first, _node in root.chunks])
    _sql(f"UPDATE {AuditRoot._meta.db_table} SET chunks = %s WHERE id = %s", [altered, root.pk])
    with pytest.raises(CommandError) as failure:
        call_command("foi_verify_audit")
    assert "its index of blocks, which proofs read, was altered" in str(failure.value)
