"""The index follows the workflow on commit, and search_index rebuilds, checks and repairs it."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from demo.files import demo_file
from foi import services
from foi.models import Attachment, FOIRequest, State
from search import search
from search.backends import get_backend


def found(query):
    return [hit.object_id for hit in search(query).hits]


def test_an_answer_is_found_once_it_commits(world, committed):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer, subject="Metro")
    assert found("metro") == []
    with committed():
        services.foi_request_answer(
            foi_request=foi_request, actor=world.officer, outcome="full", text="Ridership."
        )
    assert found("ridership") == [str(foi_request.pk)]


def test_indexing_runs_in_a_task_after_commit(world, committed):
    foi_request = world.request(State.IN_PROGRESS, assignee=world.officer, subject="Metro")
    with mock.patch("search.tasks.index_object_task") as task, committed():
        services.foi_request_answer(
            foi_request=foi_request, actor=world.officer, outcome="full", text="Ridership."
        )
    task.enqueue.assert_called_once_with("request", str(foi_request.pk))
    assert found("ridership") == []  # the task (mocked here) does the indexing


def test_filing_a_request_neither_indexes_nor_removes_anything(world, committed):
    """Only a decided request is indexed, and a draft never was: sending one touches no index
    (no task, no deletion sent to Elasticsearch while the person waits)."""
    with (
        mock.patch("search.tasks.index_object_task") as task,
        mock.patch("search.indexing.remove_object") as remove,
        committed(),
    ):
        draft = services.foi_request_create_draft(
            requester=world.requester, body=world.ministry, subject="Metro", text="Please."
        )
        services.foi_request_file(foi_request=draft, actor=world.requester)
    task.enqueue.assert_not_called()
    remove.assert_not_called()


def test_an_approved_file_is_read_and_its_text_kept(world, answered, committed):
    foi_request = answered(
        "Büdcə",
        files=[("budget-execution-2025.pdf", demo_file("budget-execution-2025.pdf"))],
        approve=False,
    )
    attachment = Attachment.objects.get()
    assert found("execution") == []
    with committed():
        services.attachment_approve(attachment=attachment, actor=world.officer)
    assert found("execution") == [str(foi_request.pk)]
    attachment.refresh_from_db()
    assert "State budget execution report" in attachment.extracted_text


def test_a_file_without_readable_text_is_found_by_its_name(world, answered, caplog):
    foi_request = answered("Xəritə", files=[("kadastr-xeritesi.pdf", b"%PDF-1.4 broken")])
    assert found("kadastr") == [str(foi_request.pk)]
    assert "kadastr-xeritesi.pdf" in caplog.text


def test_rebuild_indexes_everything_and_reports_counts(world, answered):
    answered("Büdcə")
    answered("Metro")
    get_backend().clear()
    out, err = StringIO(), StringIO()
    call_command("search_index", "--rebuild", stdout=out, stderr=err)
    assert "Indexed 2 documents (request: 2, disclosure: 0)" in out.getvalue()
    assert "2/2" in err.getvalue()  # the progress bar's last state
    assert found("metro") and found("büdcə")


def test_rebuild_keeps_no_query_log_under_debug(world, answered, settings, monkeypatch):
    """DEBUG's log of every query's SQL (each batch's whole text) held gigabytes at a
    million documents: the rebuild empties it after each batch."""
    from django.db import connection

    from search.backends import database

    monkeypatch.setattr(database, "BATCH", 1)
    for subject in ("Büdcə", "Metro", "Su tarifləri"):
        answered(subject)
    settings.DEBUG = True
    connection.queries_log.clear()
    from search import indexing

    assert indexing.rebuild() == 3
    inserts = [q for q in connection.queries if "INSERT" in q["sql"]]
    assert len(inserts) <= 1  # at most the last batch's, not all three


def test_rebuild_drops_what_is_no_longer_public(world, answered):
    foi_request = answered("Metro")
    FOIRequest.objects.filter(pk=foi_request.pk).update(
        visibility="private", private_until=timezone.localdate() + datetime.timedelta(days=9)
    )
    call_command("search_index", "--rebuild", stdout=StringIO(), stderr=StringIO())
    assert found("metro") == []


def test_check_reports_missing_stale_and_extra_and_update_repairs(world, answered, backend):
    missing = answered("Metro")
    stale = answered("Su")
    extra = answered("Yol")
    backend.delete([f"request:{missing.pk}"])
    FOIRequest.objects.filter(pk=stale.pk).update(subject="Su tarifləri")
    FOIRequest.objects.filter(pk=extra.pk).update(
        visibility="private", private_until=timezone.localdate() + datetime.timedelta(days=9)
    )
    out = StringIO()
    with pytest.raises(CommandError, match="not up to date"):
        call_command("search_index", "--check", stdout=out, stderr=StringIO())
    report = out.getvalue()
    assert f"1 missing from the index\n    request:{missing.pk}" in report
    assert f"1 stale in the index\n    request:{stale.pk}" in report
    assert f"1 in the index but must not be (no longer public)\n    request:{extra.pk}" in report

    out = StringIO()
    call_command("search_index", "--update", stdout=out, stderr=StringIO())
    assert "Repaired 3 documents." in out.getvalue()
    out = StringIO()
    call_command("search_index", "--check", stdout=out, stderr=StringIO())
    assert "The index is up to date." in out.getvalue()
    assert found("tarifləri") == [str(stale.pk)]
    assert found("yol") == []


def test_a_request_whose_private_period_ended_is_added_by_update(world, answered):
    until = timezone.localdate() + datetime.timedelta(days=9)
    foi_request = answered("Gizli metro", visibility="private", private_until=until)
    assert found("metro") == []
    FOIRequest.objects.filter(pk=foi_request.pk).update(private_until=timezone.localdate())
    call_command("search_index", "--update", stdout=StringIO(), stderr=StringIO())
    assert found("metro") == [str(foi_request.pk)]


def test_the_command_runs_with_system_checks(db):
    out = StringIO()
    call_command("search_index", "--check", skip_checks=False, stdout=out, stderr=StringIO())
    assert "The index is up to date." in out.getvalue()


def test_the_command_needs_an_action():
    with pytest.raises(CommandError):
        call_command("search_index", stdout=StringIO(), stderr=StringIO())


def test_a_failing_backend_is_reported_as_a_command_error(db):
    failing = mock.patch("search.indexing.get_backend", side_effect=ConnectionError("refused"))
    with failing, pytest.raises(CommandError, match="failed: refused"):
        call_command("search_index", "--check", stdout=StringIO(), stderr=StringIO())
